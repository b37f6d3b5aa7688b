package vn.dinhdanh.registry.demo;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import vn.dinhdanh.registry.Citizen;
import vn.dinhdanh.registry.IdentityCard;
import vn.dinhdanh.registry.PersonalIdNumber;
import vn.dinhdanh.registry.importer.CitizenRecord;
import vn.dinhdanh.registry.jpa.IdentityCardEntity;
import vn.dinhdanh.registry.jpa.JpaPopulationRegistry;
import vn.dinhdanh.registry.jpa.RegistryChangelog;
import vn.dinhdanh.registry.jpa.RegistryPersistence;

/**
 * DEMO ONLY: the population registry at national scale on PostgreSQL, with synthetic citizens.
 * <ul>
 * <li>{@code load URL USER PASSWORD N}: streams N synthetic citizens (the demo generator: valid numbers over every
 * province code and birth year, cards, a share deceased or with revoked cards) into an emptied registry with
 * {@code COPY} (the driver's {@code CopyManager}), printing progress and rows/s, then table and index sizes;</li>
 * <li>{@code bench URL USER PASSWORD SECONDS}: lookup latency (p50, p99, p99.9) of the registry as a login uses it
 * (the JPA registry: citizen by personal ID number with their current card) and of a card by its number, at 1, 4 and
 * 16 concurrent callers.</li>
 * </ul>
 * Results are also appended to {@code target/measurements/registry-at-scale.txt}.
 */
public final class RegistryAtScale {

    private static final int COPY_CHUNK = 1 << 20;
    /** The registry's keys and foreign key (as its changelog makes them), dropped for a bulk load... */
    static final List<String> BULK_LOAD_DROPS = List.of(
            "ALTER TABLE registry_card DROP CONSTRAINT fk_registry_card_citizen",
            "DROP INDEX idx_registry_card_citizen",
            "ALTER TABLE registry_card DROP CONSTRAINT pk_registry_card",
            "ALTER TABLE registry_citizen DROP CONSTRAINT pk_registry_citizen");
    /** ...and built again over the loaded rows, with the same names. */
    static final List<String> BULK_LOAD_BUILDS = List.of(
            "ALTER TABLE registry_citizen ADD CONSTRAINT pk_registry_citizen PRIMARY KEY (personal_id_number)",
            "ALTER TABLE registry_card ADD CONSTRAINT pk_registry_card PRIMARY KEY (card_number)",
            "CREATE INDEX idx_registry_card_citizen ON registry_card (personal_id_number)",
            "ALTER TABLE registry_card ADD CONSTRAINT fk_registry_card_citizen FOREIGN KEY (personal_id_number)"
                    + " REFERENCES registry_citizen (personal_id_number)");

    private RegistryAtScale() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5 || !(args[0].equals("load") || args[0].equals("bench"))) {
            System.err.println("usage: RegistryAtScale load|bench JDBC_URL USER PASSWORD COUNT|SECONDS");
            System.exit(2);
        }
        StringBuilder report = new StringBuilder();
        if (args[0].equals("load")) {
            load(args[1], args[2], args[3], Integer.parseInt(args[4]), report);
        } else {
            bench(args[1], args[2], args[3], Integer.parseInt(args[4]), report);
        }
        Path out = Path.of("target", "measurements", "registry-at-scale.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static void say(StringBuilder report, String line) {
        System.out.println(line);
        report.append(line).append('\n');
    }

    static void load(String url, String user, String password, int count, StringBuilder report) throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            RegistryChangelog.update(c);
            c.setAutoCommit(false);
            Instant start = Instant.now();
            // A bulk load in one transaction: emptied, the keys and the foreign key dropped, the rows copied (FREEZE:
            // written as already visible, so no later pass rewrites them), then the keys built once over sorted rows
            // and the foreign key checked in one join, instead of a B-tree insert and a lookup per row. A failure rolls
            // back to the registry as it was, schema included.
            try (Statement st = c.createStatement()) {
                st.execute("TRUNCATE registry_card, registry_citizen");
                st.execute("SET LOCAL maintenance_work_mem = '1GB'");
                for (String ddl : BULK_LOAD_DROPS) {
                    st.execute(ddl);
                }
            }
            // two passes over the same seed: citizens first, then their cards
            long citizens = copy(c, "COPY registry_citizen (personal_id_number, full_name, date_of_birth, birth_year, birth_month,"
                    + " birth_day, sex, nationality, ethnicity, religion, place_of_origin, place_of_residence, life_status)"
                    + " FROM STDIN WITH (FORMAT csv, FREEZE)", count, false, "citizens");
            long cards = copy(c, "COPY registry_card (card_number, personal_id_number, issue_date, expiry_date, status)"
                    + " FROM STDIN WITH (FORMAT csv, FREEZE)", count, true, "cards");
            Instant copied = Instant.now();
            try (Statement st = c.createStatement()) {
                for (String ddl : BULK_LOAD_BUILDS) {
                    System.err.println("building: " + ddl);
                    st.execute(ddl);
                }
            }
            c.commit();
            c.setAutoCommit(true);
            double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE registry_citizen");
                st.execute("ANALYZE registry_card");
            }
            double building = Duration.between(copied, Instant.now()).toMillis() / 1000.0;
            say(report, String.format(Locale.ROOT, "registry load, %s: %d citizens and %d cards by COPY in %.1f s (keys and"
                            + " foreign key built in %.1f s of it): %.0f rows/s, %.0f citizens/s",
                    Instant.now(), citizens, cards, seconds, building, (citizens + cards) / seconds, citizens / seconds));
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT relname, pg_size_pretty(pg_table_size(oid)), pg_size_pretty(pg_indexes_size(oid)) FROM pg_class"
                            + " WHERE relname IN ('registry_citizen', 'registry_card') ORDER BY relname")) {
                while (rs.next()) {
                    say(report, String.format("  %-18s table %10s, indexes %10s", rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
    }

    static long copy(Connection c, String sql, int count, boolean cards, String what) throws SQLException {
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        StringBuilder chunk = new StringBuilder(COPY_CHUNK + 4096);
        DemoCitizens.Generator generator = new DemoCitizens.Generator(DemoCitizens.DEFAULT_SEED);
        long rows = 0;
        int step = Math.max(1, count / 20);
        Instant start = Instant.now();
        try {
            for (int i = 0; i < count; i++) {
                CitizenRecord r = i < DemoCitizens.FIXED.size() ? DemoCitizens.FIXED.get(i) : generator.next();
                if (cards) {
                    if (r.card() != null) {
                        cardRow(chunk, r.card(), r.citizen().personalIdNumber().value());
                        rows++;
                    }
                } else {
                    citizenRow(chunk, r.citizen());
                    rows++;
                }
                if (chunk.length() >= COPY_CHUNK) {
                    byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
                    in.writeToCopy(bytes, 0, bytes.length);
                    chunk.setLength(0);
                }
                if ((i + 1) % step == 0) {
                    double s = Math.max(0.001, Duration.between(start, Instant.now()).toMillis() / 1000.0);
                    System.err.printf(Locale.ROOT, "\r%-8s [%-20s] %3d%%  %,d rows  %,.0f rows/s", what, "#".repeat((i + 1) / step),
                            (int) (100L * (i + 1) / count), rows, rows / s);
                }
            }
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            in.endCopy();
            System.err.println();
            return rows;
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    static void citizenRow(StringBuilder out, Citizen c) {
        var dob = c.dateOfBirth();
        field(out, c.personalIdNumber().value()).append(',');
        field(out, c.fullName()).append(',');
        field(out, dob.toString()).append(',').append(dob.year()).append(',');
        if (dob.month().isPresent()) {
            out.append(dob.month().getAsInt());
        }
        out.append(',');
        if (dob.day().isPresent()) {
            out.append(dob.day().getAsInt());
        }
        out.append(',');
        field(out, c.sex().name()).append(',');
        field(out, c.nationality()).append(',');
        field(out, c.ethnicity()).append(',');
        field(out, c.religion()).append(',');
        field(out, c.placeOfOrigin()).append(',');
        field(out, c.placeOfResidence()).append(',');
        field(out, c.lifeStatus().name()).append('\n');
    }

    static void cardRow(StringBuilder out, IdentityCard k, String pin) {
        field(out, k.cardNumber()).append(',');
        field(out, pin).append(',');
        field(out, k.issueDate().toString()).append(',');
        if (k.expiryDate() != null) {
            out.append(k.expiryDate());
        }
        out.append(',');
        field(out, k.status().name()).append('\n');
    }

    static StringBuilder field(StringBuilder out, String value) {
        if (value == null) {
            return out;
        }
        return out.append('"').append(value.replace("\"", "\"\"")).append('"');
    }

    static void bench(String url, String user, String password, int seconds, StringBuilder report) throws Exception {
        List<String> pins = new ArrayList<>();
        List<String> cardNumbers = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT personal_id_number FROM registry_citizen TABLESAMPLE SYSTEM (1) LIMIT 20000")) {
                while (rs.next()) {
                    pins.add(rs.getString(1));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT card_number FROM registry_card TABLESAMPLE SYSTEM (1) LIMIT 20000")) {
                while (rs.next()) {
                    cardNumbers.add(rs.getString(1));
                }
            }
        }
        EntityManagerFactory emf = RegistryPersistence.resourceLocal(url, user, password, true, 1,
                Map.of("hibernate.connection.pool_size", 20));
        try {
            say(report, String.format(Locale.ROOT, "registry lookups, %s, %d s per run, %d sampled numbers, %d cores",
                    Instant.now(), seconds, pins.size(), Runtime.getRuntime().availableProcessors()));
            say(report, String.format(Locale.ROOT, "  %-44s %7s %9s %8s %8s %8s %9s", "lookup", "callers", "calls", "calls/s", "p50 ms",
                    "p99 ms", "p99.9 ms"));
            for (int callers : new int[] {1, 4, 16}) {
                run(report, "citizen and current card by ID number (JPA)", callers, seconds, emf, em -> {
                    PersonalIdNumber pin = PersonalIdNumber.parse(pins.get(ThreadLocalRandom.current().nextInt(pins.size())));
                    JpaPopulationRegistry registry = new JpaPopulationRegistry(em);
                    registry.findCitizen(pin).orElseThrow();
                    registry.currentCard(pin);
                });
                run(report, "card by card number (JPA)", callers, seconds, emf, em -> {
                    em.find(IdentityCardEntity.class, cardNumbers.get(ThreadLocalRandom.current().nextInt(cardNumbers.size())));
                });
            }
        } finally {
            emf.close();
        }
    }

    interface Lookup {
        void call(EntityManager em) throws Exception;
    }

    static void run(StringBuilder report, String name, int callers, int seconds, EntityManagerFactory emf, Lookup lookup) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        Instant warmEnd = Instant.now().plusSeconds(2);
        Instant end = warmEnd.plusSeconds(seconds);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int t = 0; t < callers; t++) {
            futures.add(pool.submit(() -> {
                List<Long> nanos = new ArrayList<>();
                while (Instant.now().isBefore(end)) {
                    EntityManager em = emf.createEntityManager();
                    try {
                        long s = System.nanoTime();
                        lookup.call(em);
                        long took = System.nanoTime() - s;
                        if (Instant.now().isAfter(warmEnd)) {
                            nanos.add(took);
                        }
                    } finally {
                        em.close();
                    }
                }
                return nanos;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get());
        }
        pool.shutdown();
        Collections.sort(all);
        say(report, String.format(Locale.ROOT, "  %-44s %7d %9d %8.0f %8.3f %8.3f %9.3f", name, callers, all.size(), all.size() / (double) seconds,
                pct(all, 50), pct(all, 99), pct(all, 99.9)));
    }

    static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100 * sorted.size()) - 1)) / 1e6;
    }

}
