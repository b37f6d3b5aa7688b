package vn.dinhdanh.registry.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import vn.dinhdanh.registry.CardStatus;
import vn.dinhdanh.registry.PersonalIdNumber;
import vn.dinhdanh.registry.demo.DemoCitizens;
import vn.dinhdanh.registry.importer.CitizenCsvImport;
import vn.dinhdanh.registry.importer.ImportSummary;

/**
 * The same Liquibase changelog, mapping validation, import and lookups on PostgreSQL. Runs only when
 * {@code REGISTRY_TEST_POSTGRES_URL} is set (e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres}, with
 * {@code REGISTRY_TEST_POSTGRES_USER} / {@code REGISTRY_TEST_POSTGRES_PASSWORD}); works in a throw-away schema.
 */
@EnabledIfEnvironmentVariable(named = "REGISTRY_TEST_POSTGRES_URL", matches = ".+")
class PostgresRegistryTest {

    @RegisterExtension
    final PostgresTestSchema schema = new PostgresTestSchema("registry_test_");

    @Test
    void whenMigratedTwiceAndImported_thenHibernateValidatesAndLookupsWork() throws Exception {
        try (Connection c = DriverManager.getConnection(schema.url(), schema.user, schema.password)) {
            assertThat(RegistryChangelog.update(c)).isEqualTo(1);
            assertThat(RegistryChangelog.update(c)).isZero();
        }
        StringWriter csv = new StringWriter();
        DemoCitizens.write(csv, 2_000, DemoCitizens.DEFAULT_SEED);

        try (EntityManagerFactory emf = RegistryPersistence.resourceLocal(schema.url(), schema.user, schema.password, true, 500, Map.of());
                EntityManager em = emf.createEntityManager()) {
            RegistryWriter writer = new RegistryWriter(em);
            for (int run = 0; run < 2; run++) {
                ImportSummary summary = CitizenCsvImport.builder().batchSize(500).build()
                        .importFrom(new StringReader(csv.toString()), batch -> {
                            em.getTransaction().begin();
                            writer.upsertAll(batch);
                            em.getTransaction().commit();
                        }, new StringWriter());
                assertThat(summary.rowsWritten()).isEqualTo(2_000);
            }
            JpaPopulationRegistry registry = new JpaPopulationRegistry(em);
            assertThat(registry.countCitizens()).isEqualTo(2_000);
            assertThat(registry.findCitizen(PersonalIdNumber.parse("079195012346")).orElseThrow().fullName())
                    .isEqualTo("Trần Thị Bích Ngọc");
            assertThat(registry.currentCard(PersonalIdNumber.parse("048302004321")).orElseThrow().status())
                    .isEqualTo(CardStatus.REVOKED);
        }
    }

    @Test
    void whenFourNodesUpdateAtOnce_thenAllSucceedAndEachChangeSetIsAppliedOnce() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> nodes = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                nodes.add(pool.submit(() -> {
                    try (Connection c = DriverManager.getConnection(schema.url(), schema.user, schema.password)) {
                        return RegistryChangelog.update(c);
                    }
                }));
            }
            int total = 0;
            for (var node : nodes) {
                total += node.get();
            }
            assertThat(total).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        try (Connection c = DriverManager.getConnection(schema.url(), schema.user, schema.password)) {
            assertThat(RegistryChangelog.appliedChangeSets(c)).containsExactly("registry-1-citizens-and-cards");
            try (var st = c.createStatement(); var rs = st.executeQuery(
                    "SELECT COUNT(*) FROM registry_changelog_lock WHERE locked")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }
}
