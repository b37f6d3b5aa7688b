package vn.dinhdanh.idp.storage;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Tables of dinhdanh's in Keycloak's own database, through Keycloak's JPA entity SPI: the entities and the Liquibase
 * changelog that Keycloak runs at start. One subclass per set of tables.
 */
public abstract class KeycloakDatabaseTables implements JpaEntityProviderFactory {

    private final String id;
    private final JpaEntityProvider provider;

    protected KeycloakDatabaseTables(String id, String changelog, List<Class<?>> entities) {
        this.id = id;
        this.provider = new JpaEntityProvider() {
            @Override
            public List<Class<?>> getEntities() {
                return entities;
            }

            @Override
            public String getChangelogLocation() {
                return changelog;
            }

            @Override
            public String getFactoryId() {
                return id;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public final JpaEntityProvider create(KeycloakSession session) {
        return provider;
    }

    @Override
    public final void init(Config.Scope config) {
    }

    @Override
    public final void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public final void close() {
    }

    @Override
    public final String getId() {
        return id;
    }
}
