package vn.dinhdanh.registry.jpa;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.tool.schema.Action;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnitTransactionType;
import jakarta.persistence.ValidationMode;

/**
 * Programmatic RESOURCE_LOCAL bootstrap of the registry entities, for the offline import command and for tests.
 * Inside Keycloak the JTA persistence unit {@value #PERSISTENCE_UNIT} from {@code META-INF/persistence.xml} is used
 * instead. Hibernate never creates tables: run {@link RegistryChangelog#update} first.
 */
public final class RegistryPersistence {

    /** Name of the persistence unit and of the Keycloak additional datasource. */
    public static final String PERSISTENCE_UNIT = "population-registry";

    /** The entity classes of the persistence unit. */
    public static final List<Class<?>> ENTITY_CLASSES = List.of(CitizenEntity.class, IdentityCardEntity.class);

    private RegistryPersistence() {
    }

    /**
     * @param validateSchema true to have Hibernate validate the mapping against the migrated schema at start
     * @param batchSize JDBC batch size for inserts and updates
     * @param extraProperties further Hibernate properties (may be empty)
     */
    public static EntityManagerFactory resourceLocal(String jdbcUrl, String user, String password,
            boolean validateSchema, int batchSize, Map<String, ?> extraProperties) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        HibernatePersistenceConfiguration cfg = new HibernatePersistenceConfiguration(PERSISTENCE_UNIT + "-offline")
                .managedClasses(ENTITY_CLASSES)
                .transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL)
                .validationMode(ValidationMode.NONE)
                .jdbcUrl(jdbcUrl)
                .jdbcPoolSize(2)
                .schemaToolingAction(validateSchema ? Action.VALIDATE : Action.NONE)
                .property("hibernate.jdbc.batch_size", Math.max(1, batchSize))
                .property("hibernate.order_inserts", true)
                .property("hibernate.order_updates", true)
                .property("hibernate.show_sql", false)
                // RESOURCE_LOCAL even when a JTA implementation is on the class path (as in Keycloak's lib/)
                .property("hibernate.transaction.jta.platform",
                        "org.hibernate.engine.transaction.jta.platform.internal.NoJtaPlatform");
        if (user != null) {
            cfg.jdbcUsername(user);
        }
        if (password != null) {
            cfg.jdbcPassword(password);
        }
        if (extraProperties != null) {
            cfg.properties(extraProperties);
        }
        return cfg.createEntityManagerFactory();
    }
}
