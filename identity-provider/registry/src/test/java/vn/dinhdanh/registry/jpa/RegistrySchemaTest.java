package vn.dinhdanh.registry.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jakarta.persistence.EntityManagerFactory;

class RegistrySchemaTest {

    private static String memUrl() {
        return "jdbc:h2:mem:schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    @Test
    void whenMigratingAnEmptyDatabase_thenEveryVersionIsAppliedAndRecorded() throws Exception {
        try (Connection c = DriverManager.getConnection(memUrl())) {
            int applied = RegistrySchema.migrate(c);

            assertThat(applied).isEqualTo(RegistrySchema.migrations().size()).isPositive();
            assertThat(RegistrySchema.appliedVersions(c)).containsExactlyInAnyOrder(
                    RegistrySchema.migrations().stream().map(RegistrySchema.Migration::version).toArray(Integer[]::new));
            try (var st = c.createStatement(); var rs = st.executeQuery(
                    "SELECT description FROM registry_schema_version WHERE version = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("citizens and cards");
            }
        }
    }

    @Test
    void whenMigratingTwice_thenTheSecondRunDoesNothing() throws Exception {
        try (Connection c = DriverManager.getConnection(memUrl())) {
            RegistrySchema.migrate(c);
            c.createStatement().execute("INSERT INTO registry_citizen (personal_id_number, full_name, date_of_birth, "
                    + "birth_year, sex, life_status) VALUES ('001090012345', 'X', '1990', 1990, 'MALE', 'LIVING')");

            assertThat(RegistrySchema.migrate(c)).isZero();
            assertThat(RegistrySchema.migrate(c)).isZero();
            try (var st = c.createStatement();
                    var rs = st.executeQuery("SELECT COUNT(*) FROM registry_citizen")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            try (var st = c.createStatement();
                    var rs = st.executeQuery("SELECT COUNT(*) FROM registry_schema_version")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(RegistrySchema.migrations().size());
            }
        }
    }

    @Test
    void whenMigrated_thenAutoCommitModeIsRestored() throws Exception {
        try (Connection c = DriverManager.getConnection(memUrl())) {
            c.setAutoCommit(false);
            RegistrySchema.migrate(c);
            assertThat(c.getAutoCommit()).isFalse();
        }
    }

    @Test
    void whenMigrated_thenHibernateValidatesTheMapping() throws Exception {
        String url = memUrl();
        try (Connection c = DriverManager.getConnection(url)) {
            RegistrySchema.migrate(c);
            try (EntityManagerFactory emf = RegistryPersistence.resourceLocal(url, null, null, true, 10, Map.of())) {
                assertThat(emf.isOpen()).isTrue();
            }
        }
    }

    @Test
    void whenNotMigrated_thenHibernateValidationFails() throws Exception {
        String url = memUrl();
        try (Connection c = DriverManager.getConnection(url)) {
            assertThatThrownBy(() -> RegistryPersistence.resourceLocal(url, null, null, true, 10, Map.of()).close())
                    .hasStackTraceContaining("Schema validation: missing table");
        }
    }

    @Test
    void whenCardRefersToUnknownCitizen_thenTheForeignKeyRefusesIt() throws Exception {
        try (Connection c = DriverManager.getConnection(memUrl())) {
            RegistrySchema.migrate(c);
            assertThatThrownBy(() -> c.createStatement().execute("INSERT INTO registry_card (card_number, "
                    + "personal_id_number, issue_date, status) VALUES ('001090012345', '001090012345', "
                    + "DATE '2021-04-01', 'VALID')")).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void whenScriptsAreSplit_thenCommentsAreDroppedAndStatementsKept() {
        assertThat(RegistrySchema.statements("db/registry/V1__citizens_and_cards.sql"))
                .hasSize(3)
                .allSatisfy(s -> assertThat(s).doesNotContain("--").doesNotEndWith(";"));
        assertThat(RegistrySchema.latestVersion()).isEqualTo(1);
    }

    @Test
    void whenMigratingInsideAContainerTransaction_thenNothingIsCommittedHere() throws Exception {
        String url = memUrl();
        try (Connection keepAlive = DriverManager.getConnection(url); Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            assertThat(RegistrySchema.migrateInContainerTransaction(c)).isEqualTo(1);
            c.commit();
            assertThat(RegistrySchema.migrateInContainerTransaction(c)).isZero();
            assertThat(RegistrySchema.appliedVersions(keepAlive)).containsExactly(1);
        }
    }

    @Test
    void whenTwoNodesMigrateAtOnce_thenBothSucceedAndEachVersionIsAppliedOnce() throws Exception {
        String url = memUrl();
        try (Connection keepAlive = DriverManager.getConnection(url)) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.concurrent.Callable<Integer> node = () -> {
                    try (Connection c = DriverManager.getConnection(url)) {
                        return RegistrySchema.migrate(c);
                    }
                };
                var a = pool.submit(node);
                var b = pool.submit(node);
                assertThat(a.get() + b.get()).isEqualTo(1);
            } finally {
                pool.shutdown();
            }
            assertThat(RegistrySchema.appliedVersions(keepAlive)).containsExactly(1);
        }
    }
}
