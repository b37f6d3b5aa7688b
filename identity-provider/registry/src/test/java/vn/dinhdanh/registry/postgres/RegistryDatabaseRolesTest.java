package vn.dinhdanh.registry.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import vn.dinhdanh.registry.PersonalIdNumber;
import vn.dinhdanh.registry.RegistryUnavailableException;
import vn.dinhdanh.registry.demo.DemoCitizens;
import vn.dinhdanh.registry.jpa.JpaPopulationRegistry;
import vn.dinhdanh.registry.jpa.RegistryChangelog;
import vn.dinhdanh.registry.jpa.RegistryPersistence;
import vn.dinhdanh.registry.jpa.RegistryWriter;

/**
 * The registry's two PostgreSQL roles, in a throw-away schema with roles of its own (dropped afterwards), and the
 * lookups' statement timeout against a lock held on the citizen table. Runs only when {@code REGISTRY_TEST_POSTGRES_URL}
 * is set, like {@code PostgresRegistryTest}; the administrator must be allowed to create roles (they get passwords
 * of their own and are dropped afterwards).
 */
@EnabledIfEnvironmentVariable(named = "REGISTRY_TEST_POSTGRES_URL", matches = ".+")
class RegistryDatabaseRolesTest {

    private final String baseUrl = System.getenv("REGISTRY_TEST_POSTGRES_URL");
    private final String admin = System.getenv().getOrDefault("REGISTRY_TEST_POSTGRES_USER", "postgres");
    private final String adminPassword = System.getenv("REGISTRY_TEST_POSTGRES_PASSWORD");
    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String schema = "registry_roles_" + suffix;
    private final String loginRole = "registry_test_login_" + suffix;
    private final String writerRole = "registry_test_writer_" + suffix;
    private final String writerPassword = "Writer-" + suffix;
    private RegistryDatabaseRoles roles;

    @BeforeEach
    void createRoles() throws Exception {
        roles = RegistryDatabaseRoles.builder().loginRole(loginRole).writerRole(writerRole).schema(schema)
                .loginPassword("Login-" + suffix).writerPassword(writerPassword).build();
        try (Connection c = DriverManager.getConnection(baseUrl, admin, adminPassword)) {
            roles.apply(c);
            roles.apply(c); // idempotent: the second run changes nothing and fails on nothing
        }
    }

    @AfterEach
    void dropEverything() throws Exception {
        try (Connection c = DriverManager.getConnection(baseUrl, admin, adminPassword); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            for (String role : new String[] {loginRole, writerRole}) {
                st.execute("DROP OWNED BY " + role);
                st.execute("DROP ROLE " + role);
            }
        }
    }

    private Connection as(String role) throws SQLException {
        String url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return DriverManager.getConnection(url, role, role.equals(writerRole) ? writerPassword : "Login-" + suffix);
    }

    private void migrateAndImportAsWriter() throws Exception {
        try (Connection c = as(writerRole)) {
            assertThat(RegistryChangelog.update(c)).isEqualTo(1);
        }
        String url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try (EntityManagerFactory emf = RegistryPersistence.resourceLocal(url, writerRole, writerPassword, true, 100, Map.of());
                EntityManager em = emf.createEntityManager()) {
            em.getTransaction().begin();
            new RegistryWriter(em).upsertAll(DemoCitizens.FIXED);
            em.getTransaction().commit();
        }
    }

    @Test
    void whenTheWriterMigratesAndImports_thenTheLoginRoleReadsButCannotWriteOrCreate() throws Exception {
        migrateAndImportAsWriter();
        try (Connection login = as(loginRole); Statement st = login.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM registry_citizen")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(DemoCitizens.FIXED.size());
            }
            assertThat(sqlState(st, "UPDATE registry_citizen SET full_name = 'x'")).as("read-only by default").isEqualTo("25006");
            st.execute("SET default_transaction_read_only = off");
            assertThat(sqlState(st, "UPDATE registry_citizen SET full_name = 'x'")).isEqualTo("42501");
            assertThat(sqlState(st, "DELETE FROM registry_card")).isEqualTo("42501");
            assertThat(sqlState(st, "INSERT INTO registry_changelog_lock (id, locked) VALUES (7, false)")).isEqualTo("42501");
            assertThat(sqlState(st, "CREATE TABLE " + schema + ".intruder (x int)")).isEqualTo("42501");
            assertThat(sqlState(st, "ALTER TABLE registry_citizen ADD COLUMN x int")).isEqualTo("42501");
        }
    }

    @Test
    void whenTablesExistBeforeTheRoles_thenTheWriterIsGivenThemAndTheLoginRoleMayRead() throws Exception {
        try (Connection c = DriverManager.getConnection(baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                admin, adminPassword)) {
            c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            c.createStatement().execute("CREATE SCHEMA " + schema);
            RegistryChangelog.update(c); // made by the administrator, as before the roles existed
            roles.apply(c);
        }
        try (Connection c = as(writerRole)) {
            assertThat(RegistryChangelog.update(c)).as("the writer may run Liquibase on tables it now owns").isZero();
            c.createStatement().execute("ALTER TABLE registry_citizen ADD COLUMN writer_probe int");
            c.createStatement().execute("ALTER TABLE registry_citizen DROP COLUMN writer_probe");
        }
        try (Connection login = as(loginRole); Statement st = login.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM registry_card")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void whenTheCitizenTableIsLocked_thenALookupWithAStatementTimeoutAnswersUnavailable() throws Exception {
        migrateAndImportAsWriter();
        String url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        PersonalIdNumber pin = PersonalIdNumber.parse("079195012346");
        try (EntityManagerFactory emf = RegistryPersistence.resourceLocal(url, loginRole, "Login-" + suffix, false, 1, Map.of())) {
            try (Connection locker = as(writerRole)) {
                locker.setAutoCommit(false);
                locker.createStatement().execute("LOCK TABLE registry_citizen IN ACCESS EXCLUSIVE MODE");
                try (EntityManager em = emf.createEntityManager()) {
                    JpaPopulationRegistry registry = new JpaPopulationRegistry(em, Duration.ofSeconds(1));
                    // it answers (well within the 30 s that stand for "never")
                    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> registry.findCitizen(pin))
                            .isInstanceOf(RegistryUnavailableException.class)
                            .hasMessage("Registry database did not answer: QueryTimeoutException"));
                }
                locker.rollback();
            }
            try (EntityManager em = emf.createEntityManager()) {
                assertThat(new JpaPopulationRegistry(em, Duration.ofSeconds(1)).findCitizen(pin)).isPresent();
            }
        }
    }

    @Test
    void whenARoleNameIsNotAPlainIdentifier_thenItIsRefusedBeforeAnySql() {
        assertThatThrownBy(() -> RegistryDatabaseRoles.builder().loginRole("x; DROP TABLE y").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("identifier");
        assertThatThrownBy(() -> RegistryDatabaseRoles.builder().loginRole("same").writerRole("same").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String sqlState(Statement st, String sql) {
        try {
            st.execute(sql);
            return "no error";
        } catch (SQLException e) {
            return e.getSQLState();
        }
    }
}
