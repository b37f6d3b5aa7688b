package vn.dinhdanh.registry.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jakarta.persistence.EntityManagerFactory;

class RegistryChangelogTest {

    private static final String FIRST = "registry-1-citizens-and-cards";
    private static final String INSERT_CITIZEN = "INSERT INTO registry_citizen (personal_id_number, full_name, "
            + "date_of_birth, birth_year, sex, life_status) VALUES ('001090012345', 'X', '1990', 1990, 'MALE', 'LIVING')";

    private static String memUrl() {
        return "jdbc:h2:mem:schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    @Test
    void whenUpdatingAnEmptyDatabase_thenEveryChangeSetIsAppliedAndRecorded() throws Exception {
        try (Connection c = DriverManager.getConnection(memUrl())) {
            assertThat(RegistryChangelog.update(c)).isEqualTo(1);

            assertThat(RegistryChangelog.appliedChangeSets(c)).containsExactly(FIRST);
            assertThat(single(c, "SELECT exectype FROM registry_changelog")).isEqualTo("EXECUTED");
            assertThat(single(c, "SELECT md5sum FROM registry_changelog")).startsWith("9:");
            assertThat(count(c, "SELECT COUNT(*) FROM registry_citizen")).isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM registry_card")).isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM information_schema.indexes "
                    + "WHERE LOWER(index_name) = 'idx_registry_card_citizen'")).isEqualTo(1);
            assertThat(count(c, "SELECT COUNT(*) FROM information_schema.tables "
                    + "WHERE LOWER(table_name) = 'registry_schema_version'")).isZero();
        }
    }

    @Test
    void whenUpdatingTwice_thenTheSecondRunDoesNothingAndKeepsTheData() throws Exception {
        try (Connection c = DriverManager.getConnection(memUrl())) {
            RegistryChangelog.update(c);
            execute(c, INSERT_CITIZEN);

            assertThat(RegistryChangelog.update(c)).isZero();
            assertThat(RegistryChangelog.update(c)).isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM registry_citizen")).isEqualTo(1);
            assertThat(count(c, "SELECT COUNT(*) FROM registry_changelog")).isEqualTo(1);
            assertThat(count(c, "SELECT COUNT(*) FROM registry_changelog_lock WHERE locked")).isZero();
        }
    }

    @Test
    void whenUpdated_thenTheConnectionStaysOpenWithItsAutoCommitMode() throws Exception {
        try (Connection c = DriverManager.getConnection(memUrl())) {
            c.setAutoCommit(false);
            RegistryChangelog.update(c);
            assertThat(c.isClosed()).isFalse();
            assertThat(c.getAutoCommit()).isFalse();
            c.setAutoCommit(true);
            RegistryChangelog.update(c);
            assertThat(c.getAutoCommit()).isTrue();
        }
    }

    @Test
    void whenUpdated_thenHibernateValidatesTheMapping() throws Exception {
        String url = memUrl();
        try (Connection c = DriverManager.getConnection(url)) {
            RegistryChangelog.update(c);
            try (EntityManagerFactory emf = RegistryPersistence.resourceLocal(url, null, null, true, 10, Map.of())) {
                assertThat(emf.isOpen()).isTrue();
            }
        }
    }

    @Test
    void whenNotUpdated_thenHibernateValidationFails() throws Exception {
        String url = memUrl();
        try (Connection c = DriverManager.getConnection(url)) {
            assertThatThrownBy(() -> RegistryPersistence.resourceLocal(url, null, null, true, 10, Map.of()).close())
                    .hasStackTraceContaining("Schema validation: missing table");
        }
    }

    @Test
    void whenRowsBreakTheConstraints_thenTheDatabaseRefusesThem() throws Exception {
        try (Connection c = DriverManager.getConnection(memUrl())) {
            RegistryChangelog.update(c);
            assertThatThrownBy(() -> execute(c, "INSERT INTO registry_card (card_number, personal_id_number, "
                    + "issue_date, status) VALUES ('001090012345', '001090012345', DATE '2021-04-01', 'VALID')"))
                    .as("foreign key").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> execute(c, INSERT_CITIZEN.replace("'MALE'", "'OTHER'")))
                    .as("sex check").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> execute(c, INSERT_CITIZEN.replace("'LIVING'", "'GONE'")))
                    .as("life status check").isInstanceOf(SQLException.class);
            execute(c, INSERT_CITIZEN);
            assertThatThrownBy(() -> execute(c, "INSERT INTO registry_card (card_number, personal_id_number, "
                    + "issue_date, status) VALUES ('C1234567', '001090012345', DATE '2021-04-01', 'LOST')"))
                    .as("card status check").isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> execute(c, "INSERT INTO registry_card (card_number, personal_id_number, "
                    + "issue_date, expiry_date, status) VALUES ('C1234567', '001090012345', DATE '2021-04-01', "
                    + "DATE '2020-01-01', 'VALID')"))
                    .as("card dates check").isInstanceOf(SQLException.class);
        }
    }

    @Test
    void whenTheDatabaseWasMadeByTheEarlierMigrator_thenItIsAdoptedWithoutRecreatingTables() throws Exception {
        String url = memUrl();
        try (Connection c = DriverManager.getConnection(url)) {
            for (String sql : legacyScript()) {
                execute(c, sql);
            }
            execute(c, INSERT_CITIZEN);

            assertThat(RegistryChangelog.update(c)).isEqualTo(1);

            assertThat(RegistryChangelog.appliedChangeSets(c)).containsExactly(FIRST);
            assertThat(single(c, "SELECT exectype FROM registry_changelog")).isEqualTo("MARK_RAN");
            assertThat(count(c, "SELECT COUNT(*) FROM registry_citizen")).isEqualTo(1);
            assertThat(count(c, "SELECT COUNT(*) FROM registry_schema_version")).isEqualTo(1);
            assertThat(RegistryChangelog.update(c)).isZero();
            try (EntityManagerFactory emf = RegistryPersistence.resourceLocal(url, null, null, true, 10, Map.of())) {
                assertThat(emf.isOpen()).isTrue();
            }
        }
    }

    @Test
    void whenOnlyPartOfTheEarlierSchemaExists_thenItIsNotTakenForVersionOne() throws Exception {
        try (Connection c = DriverManager.getConnection(memUrl())) {
            // the earlier migrator's version table without the tables (its script failed half way on H2)
            execute(c, legacyScript().stream().filter(s -> s.contains("TABLE registry_schema_version")).findFirst()
                    .orElseThrow());

            assertThat(RegistryChangelog.update(c)).isEqualTo(1);
            assertThat(single(c, "SELECT exectype FROM registry_changelog")).isEqualTo("EXECUTED");
            assertThat(count(c, "SELECT COUNT(*) FROM registry_card")).isZero();
        }
    }

    @Test
    void whenAnAppliedChangeSetNoLongerMatchesItsChecksum_thenTheUpdateFails() throws Exception {
        try (Connection c = DriverManager.getConnection(memUrl())) {
            RegistryChangelog.update(c);
            execute(c, "UPDATE registry_changelog SET md5sum = '9:00000000000000000000000000000000'");

            assertThatThrownBy(() -> RegistryChangelog.update(c)).isInstanceOf(SQLException.class)
                    .hasStackTraceContaining("check sum");
            assertThat(count(c, "SELECT COUNT(*) FROM registry_changelog_lock WHERE locked")).isZero();
        }
    }

    @org.junit.jupiter.api.RepeatedTest(3)
    void whenTwoNodesUpdateTheSameFileDatabaseAtOnce_thenBothSucceedAndTheTablesExistOnce(@TempDir Path dir)
            throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("registry").toAbsolutePath() + ";LOCK_TIMEOUT=10000";
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            Callable<Integer> node = () -> {
                try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                    start.await(10, TimeUnit.SECONDS);
                    return RegistryChangelog.update(c);
                }
            };
            List<Future<Integer>> nodes = new ArrayList<>();
            nodes.add(pool.submit(node));
            nodes.add(pool.submit(node));
            int total = 0;
            for (Future<Integer> n : nodes) {
                total += n.get(60, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            assertThat(RegistryChangelog.appliedChangeSets(c)).containsExactly(FIRST);
            assertThat(count(c, "SELECT COUNT(*) FROM information_schema.tables "
                    + "WHERE LOWER(table_name) IN ('registry_citizen', 'registry_card')")).isEqualTo(2);
            assertThat(count(c, "SELECT COUNT(*) FROM registry_changelog_lock WHERE locked")).isZero();
            execute(c, "SHUTDOWN");
        }
    }

    /** The statements of the earlier migrator's V1 script, as it split them. */
    static List<String> legacyScript() throws IOException {
        try (InputStream in = RegistryChangelogTest.class.getResourceAsStream("/db/legacy/V1__citizens_and_cards.sql")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> statements = new ArrayList<>();
            for (String s : text.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!s.isBlank()) {
                    statements.add(s.strip());
                }
            }
            return statements;
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        return Long.parseLong(single(c, sql));
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
