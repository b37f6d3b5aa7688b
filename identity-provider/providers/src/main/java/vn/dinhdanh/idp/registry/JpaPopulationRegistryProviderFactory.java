package vn.dinhdanh.idp.registry;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.connections.jpa.JpaConnectionProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import vn.dinhdanh.registry.PopulationRegistry;
import vn.dinhdanh.registry.importer.CitizenCsvImport;
import vn.dinhdanh.registry.importer.ImportSummary;
import vn.dinhdanh.registry.jpa.JpaPopulationRegistry;
import vn.dinhdanh.registry.jpa.RegistryChangelog;
import vn.dinhdanh.registry.jpa.RegistryWriter;

/**
 * The default registry: Hibernate ORM on two of Keycloak's additional datasources (H2 file by default, PostgreSQL by
 * configuration), each with a persistence unit of the same name:
 * <ul>
 *   <li>{@value #PERSISTENCE_UNIT}: the lookups of logins, registrations and chip-card checks, each in a transaction
 *       of its own ({@link IsolatedRegistryLookups}) with a statement timeout ({@code statement-timeout}, milliseconds,
 *       default {@value #DEFAULT_STATEMENT_TIMEOUT_MILLIS}); on PostgreSQL its role may only read;</li>
 *   <li>{@value #WRITER_PERSISTENCE_UNIT}: the Liquibase schema update at start, the demo seed and CSV imports.</li>
 * </ul>
 * At start it brings the schema to the newest change set of its Liquibase changelog and, when a seed file is
 * configured and the registry is empty, imports it.
 */
public final class JpaPopulationRegistryProviderFactory implements PopulationRegistryProviderFactory {

    public static final String ID = "jpa";
    public static final String PERSISTENCE_UNIT = "population-registry";
    public static final String WRITER_PERSISTENCE_UNIT = "population-registry-writer";
    static final int DEFAULT_STATEMENT_TIMEOUT_MILLIS = 3000;
    private static final Logger LOG = Logger.getLogger(JpaPopulationRegistryProviderFactory.class);

    private String seedFile;
    private int batchSize;
    private Duration statementTimeout;
    private volatile PopulationRegistry lookups;

    @Override
    public PopulationRegistryProvider create(KeycloakSession session) {
        PopulationRegistry registry = lookups;
        return () -> registry;
    }

    private static EntityManager entityManager(KeycloakSession session, String unit) {
        return session.getProvider(JpaConnectionProvider.class, unit).getEntityManager();
    }

    @Override
    public void init(Config.Scope config) {
        seedFile = config.get("seed-file");
        batchSize = config.getInt("import-batch-size", 500);
        int timeout = config.getInt("statement-timeout", DEFAULT_STATEMENT_TIMEOUT_MILLIS);
        if (timeout < 0) {
            throw new IllegalStateException("spi-population-registry--jpa--statement-timeout must be 0 (none) or a number of milliseconds");
        }
        statementTimeout = Duration.ofMillis(timeout);
    }

    /**
     * Keycloak opens the persistence unit's EntityManagerFactory in the JPA connection factory's own
     * postInit; without this dependency the order of the two postInit calls is left to chance.
     */
    @Override
    public Set<Class<? extends Provider>> dependsOn() {
        return Set.of(JpaConnectionProvider.class);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        Duration timeout = statementTimeout;
        lookups = new IsolatedRegistryLookups(factory, session -> new JpaPopulationRegistry(entityManager(session, PERSISTENCE_UNIT), timeout));
        LOG.infof("Population registry lookups on the datasource %s (statement timeout %d ms), writes on %s",
                PERSISTENCE_UNIT, timeout.toMillis(), WRITER_PERSISTENCE_UNIT);
        updateSchema(factory);
        if (seedFile != null && !seedFile.isBlank()) {
            seedIfEmpty(factory, Path.of(seedFile));
        }
    }

    /**
     * Liquibase commits as it goes, so it gets a connection of the writer datasource outside any JTA
     * transaction (the persistence unit's factory hands it out, as Keycloak's own does for its Liquibase). Nodes
     * starting together wait on the changelog lock. A failure stops the start: the registry is unusable without
     * its tables.
     */
    private static void updateSchema(KeycloakSessionFactory factory) {
        JpaConnectionProviderFactory unit = (JpaConnectionProviderFactory) factory
                .getProviderFactory(JpaConnectionProvider.class, WRITER_PERSISTENCE_UNIT);
        if (unit == null) {
            throw new IllegalStateException("No JPA connection provider for the persistence unit " + WRITER_PERSISTENCE_UNIT
                    + " (is the datasource " + WRITER_PERSISTENCE_UNIT + " configured?)");
        }
        KeycloakModelUtils.suspendJtaTransaction(factory, () -> {
            try (Connection connection = unit.getConnection()) {
                RegistryChangelog.update(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("Population registry schema update failed", e);
            }
        });
    }

    private void seedIfEmpty(KeycloakSessionFactory factory, Path file) {
        long count = KeycloakModelUtils.runJobInTransactionWithResult(factory,
                session -> new JpaPopulationRegistry(entityManager(session, WRITER_PERSISTENCE_UNIT)).countCitizens());
        if (count > 0) {
            LOG.infof("Population registry holds %d citizens; seed file not imported", count);
            return;
        }
        StringWriter errors = new StringWriter();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            ImportSummary summary = importCsv(factory, reader, errors, batchSize);
            LOG.infof("Seeded the population registry: %d rows written, %d rejected", summary.rowsWritten(), summary.rowsRejected());
        } catch (IOException e) {
            LOG.errorf("Could not read the registry seed file %s: %s", file, e.getMessage());
        }
    }

    /** Imports a CSV on the writer datasource with one transaction per batch, so a bad batch never undoes the good ones. */
    public static ImportSummary importCsv(KeycloakSessionFactory factory, Reader csv, java.io.Writer errorReport, int batchSize) throws IOException {
        return CitizenCsvImport.builder()
                .batchSize(batchSize)
                .build()
                .importFrom(csv, batch -> KeycloakModelUtils.runJobInTransaction(factory,
                        session -> new RegistryWriter(entityManager(session, WRITER_PERSISTENCE_UNIT)).upsertAll(batch)), errorReport);
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name("seed-file").type("string")
                .helpText("CSV of citizens imported at start when the registry is empty (demo profile)").add()
                .property().name("import-batch-size").type("int").defaultValue(500)
                .helpText("Rows per transaction for CSV imports").add()
                .property().name("statement-timeout").type("int").defaultValue(DEFAULT_STATEMENT_TIMEOUT_MILLIS)
                .helpText("Longest a registry lookup may run, milliseconds (JDBC query timeout, whole seconds); beyond it the "
                        + "login says registry_unavailable. 0 for none").add()
                .build();
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
