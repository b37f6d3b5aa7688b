package vn.dinhdanh.tests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.idp.audit.AuditChainVerifier;
import vn.dinhdanh.idp.audit.AuditRecord;
import vn.dinhdanh.idp.audit.AuditTables;

/**
 * How fast the audit trail's appends go when many callers append at once, on PostgreSQL (127.0.0.1:5432), with one
 * chain (every append waits for one head row, as before the sixteen chains) and with the sixteen chains of
 * {@link AuditTables#CHAINS}, at 1, 4 and 16 concurrent callers. Each append is the server's own transaction in SQL:
 * lock the head of a chain picked at random, insert the record ({@link AuditRecord#next}), move the head, commit. It
 * goes through JDBC, not through Keycloak's session and Hibernate, so it measures the lock and the database, not the
 * rest of a login. After each run {@link AuditChainVerifier} checks the chains are intact. Database
 * {@code dinhdanh_audit_bench}, made afresh. {@code ./dinhdanh measure-audit} (not part of {@code ./dinhdanh bench}: it needs PostgreSQL); results in
 * {@code tests/target/benchmarks/audit-append.txt}. Asserts nothing about time.
 */
@Tag("bench")
class AuditAppendContention {

    static final String SERVER = System.getProperty("dinhdanh.postgres.url", "jdbc:postgresql://127.0.0.1:5432/");
    static final String USER = System.getProperty("dinhdanh.postgres.user", "postgres");
    static final String PASSWORD = System.getProperty("dinhdanh.postgres.password", "");
    static final String DB = "dinhdanh_audit_bench";
    static final int SECONDS = Integer.getInteger("bench.audit.seconds", 8);

    record Run(int chains, int callers, long appends, double perSecond, double p50, double p99) {
    }

    @Test
    void appendsPerSecond_oneChainAgainstSixteen() throws Exception {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD); Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + DB);
        }
        List<Run> runs = new ArrayList<>();
        for (int chains : new int[] {1, AuditTables.CHAINS.size()}) {
            for (int callers : new int[] {1, 4, 16}) {
                createTables();
                runs.add(run(chains, callers));
                try (Connection c = connect()) {
                    AuditChainVerifier.Result check = AuditChainVerifier.verify(c);
                    assertThat(check.intact()).as("chains after %d callers on %d chains: %s", callers, chains, check.firstProblem()).isTrue();
                    assertThat(check.records()).isEqualTo(runs.get(runs.size() - 1).appends());
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("dinhdanh audit append benchmark, ").append(Instant.now()).append(", PostgreSQL on 127.0.0.1, ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores shared with the callers, ").append(SECONDS)
                .append(" s per run\n");
        out.append(String.format("%-8s %-8s %10s %12s %8s %8s%n", "chains", "callers", "appends", "appends/s", "p50 ms", "p99 ms"));
        for (Run r : runs) {
            out.append(String.format("%-8d %-8d %10d %12.0f %8.2f %8.2f%n", r.chains(), r.callers(), r.appends(), r.perSecond(), r.p50(), r.p99()));
        }
        for (int callers : new int[] {1, 4, 16}) {
            Run one = runs.stream().filter(r -> r.chains() == 1 && r.callers() == callers).findFirst().orElseThrow();
            Run many = runs.stream().filter(r -> r.chains() > 1 && r.callers() == callers).findFirst().orElseThrow();
            out.append(String.format("%d callers: sixteen chains / one chain = %.2f%n", callers, many.perSecond() / one.perSecond()));
        }
        System.out.print(out);
        Path results = Path.of(System.getProperty("basedir", "."), "target", "benchmarks");
        Files.createDirectories(results);
        Files.writeString(results.resolve("audit-append.txt"), out + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static Connection connect() throws Exception {
        return DriverManager.getConnection(SERVER + DB, USER, PASSWORD);
    }

    /** The two tables as the changelog makes them (after changeset dinhdanh-audit-2), empty, every head at the start. */
    static void createTables() throws Exception {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + AuditTables.RECORDS + ", " + AuditTables.HEAD);
            st.execute("CREATE TABLE " + AuditTables.RECORDS + " (CHAIN VARCHAR(16) NOT NULL, SEQ BIGINT NOT NULL, RECORDED_AT BIGINT NOT NULL,"
                    + " REALM VARCHAR(255), EVENT_TYPE VARCHAR(64) NOT NULL, OUTCOME VARCHAR(16), ERROR VARCHAR(255), CLIENT VARCHAR(255),"
                    + " USER_ID VARCHAR(64), SUBJECT VARCHAR(64), DETAILS VARCHAR(4000), PREVIOUS_HASH VARCHAR(64) NOT NULL,"
                    + " HASH VARCHAR(64) NOT NULL, PRIMARY KEY (CHAIN, SEQ))");
            st.execute("CREATE TABLE " + AuditTables.HEAD + " (ID VARCHAR(16) PRIMARY KEY, LAST_SEQ BIGINT NOT NULL,"
                    + " LAST_HASH VARCHAR(64) NOT NULL, LAST_CHECKPOINT_SEQ BIGINT NOT NULL)");
            for (String chain : AuditTables.CHAINS) {
                st.execute("INSERT INTO " + AuditTables.HEAD + " VALUES ('" + chain + "', 0, '" + AuditRecord.GENESIS + "', 0)");
            }
        }
    }

    static Run run(int chains, int callers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        long end = System.nanoTime() + SECONDS * 1_000_000_000L;
        List<Future<List<Long>>> work = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            work.add(pool.submit(() -> appendUntil(end, chains)));
        }
        List<Long> latencies = new ArrayList<>();
        for (Future<List<Long>> f : work) {
            latencies.addAll(f.get());
        }
        pool.shutdown();
        Collections.sort(latencies);
        return new Run(chains, callers, latencies.size(), latencies.size() / (double) SECONDS,
                latencies.get(latencies.size() / 2) / 1e6, latencies.get((int) (latencies.size() * 0.99)) / 1e6);
    }

    /** One caller: appends until {@code end}, each in a transaction of its own; the nanoseconds each took. */
    static List<Long> appendUntil(long end, int chains) throws Exception {
        List<Long> took = new ArrayList<>();
        try (Connection c = connect();
             PreparedStatement head = c.prepareStatement("SELECT LAST_SEQ, LAST_HASH FROM " + AuditTables.HEAD + " WHERE ID = ? FOR UPDATE");
             PreparedStatement insert = c.prepareStatement("INSERT INTO " + AuditTables.RECORDS + " (CHAIN, SEQ, RECORDED_AT, REALM, EVENT_TYPE,"
                     + " OUTCOME, CLIENT, USER_ID, PREVIOUS_HASH, HASH) VALUES (?,?,?,?,?,?,?,?,?,?)");
             PreparedStatement move = c.prepareStatement("UPDATE " + AuditTables.HEAD + " SET LAST_SEQ = ?, LAST_HASH = ? WHERE ID = ?")) {
            c.setAutoCommit(false);
            while (System.nanoTime() < end) {
                long start = System.nanoTime();
                String chain = AuditTables.CHAINS.get(ThreadLocalRandom.current().nextInt(chains));
                head.setString(1, chain);
                long seq;
                String previous;
                try (ResultSet rs = head.executeQuery()) {
                    rs.next();
                    seq = rs.getLong(1) + 1;
                    previous = rs.getString(2);
                }
                AuditRecord r = AuditRecord.next(seq, System.currentTimeMillis(), "citizens", "LOGIN", "success", null, "public-services-portal",
                        "bench-user", null, null, previous);
                insert.setString(1, chain);
                insert.setLong(2, r.seq());
                insert.setLong(3, r.recordedAt());
                insert.setString(4, r.realm());
                insert.setString(5, r.type());
                insert.setString(6, r.outcome());
                insert.setString(7, r.client());
                insert.setString(8, r.user());
                insert.setString(9, r.previousHash());
                insert.setString(10, r.hash());
                insert.executeUpdate();
                move.setLong(1, r.seq());
                move.setString(2, r.hash());
                move.setString(3, chain);
                move.executeUpdate();
                c.commit();
                took.add(System.nanoTime() - start);
            }
        }
        return took;
    }
}
