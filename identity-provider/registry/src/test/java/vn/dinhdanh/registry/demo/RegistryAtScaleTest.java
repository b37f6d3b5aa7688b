package vn.dinhdanh.registry.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.dinhdanh.registry.PersonalIdNumber;
import vn.dinhdanh.registry.jpa.JpaPopulationRegistry;
import vn.dinhdanh.registry.jpa.PostgresTestSchema;
import vn.dinhdanh.registry.jpa.RegistryPersistence;

/**
 * The bulk load of {@code ./dinhdanh registry-scale} on PostgreSQL: it drops the keys and the foreign key to copy,
 * so what it must prove is that the registry comes back with all of them, enforcing, and answers lookups. Runs only
 * when {@code REGISTRY_TEST_POSTGRES_URL} is set ({@code ./dinhdanh test-postgres}); works in a throw-away schema.
 */
@EnabledIfEnvironmentVariable(named = "REGISTRY_TEST_POSTGRES_URL", matches = ".+")
class RegistryAtScaleTest {

    @RegisterExtension
    final PostgresTestSchema schema = new PostgresTestSchema("registry_scale_test_");

    @Test
    void whenLoadedTwice_thenTheKeysAndTheForeignKeyAreBackAndEnforcedAndLookupsWork() throws Exception {
        StringBuilder report = new StringBuilder();
        RegistryAtScale.load(schema.url(), schema.user, schema.password, 3_000, report);
        RegistryAtScale.load(schema.url(), schema.user, schema.password, 3_000, report);
        assertThat(report).contains("3000 citizens and").contains("rows/s");

        try (Connection c = DriverManager.getConnection(schema.url(), schema.user, schema.password); Statement st = c.createStatement()) {
            Set<String> constraints = new HashSet<>();
            try (ResultSet rs = st.executeQuery("SELECT conname FROM pg_constraint WHERE connamespace = '" + schema.name() + "'::regnamespace")) {
                while (rs.next()) {
                    constraints.add(rs.getString(1));
                }
            }
            assertThat(constraints).contains("pk_registry_citizen", "pk_registry_card", "fk_registry_card_citizen",
                    "ck_registry_citizen_sex", "ck_registry_card_status");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_indexes WHERE schemaname = '" + schema.name()
                    + "' AND indexname = 'idx_registry_card_citizen'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM registry_citizen")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the second load replaced the first").isEqualTo(3_000);
            }
            assertThatThrownBy(() -> st.execute("INSERT INTO registry_card (card_number, personal_id_number, issue_date, status)"
                    + " VALUES ('001099999999', '001099999999', DATE '2024-01-01', 'VALID')"))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23503");
            assertThatThrownBy(() -> st.execute("INSERT INTO registry_citizen SELECT * FROM registry_citizen LIMIT 1"))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23505");
        }
        try (EntityManagerFactory emf = RegistryPersistence.resourceLocal(schema.url(), schema.user, schema.password, true, 10, Map.of());
                EntityManager em = emf.createEntityManager()) {
            JpaPopulationRegistry registry = new JpaPopulationRegistry(em);
            assertThat(registry.findCitizen(PersonalIdNumber.parse("079195012346")).orElseThrow().fullName()).isEqualTo("Trần Thị Bích Ngọc");
            assertThat(registry.cards(PersonalIdNumber.parse("048302004321"))).isNotEmpty();
        }
    }
}
