package vn.dinhdanh.idp.audit;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** The audit trail's tables in Keycloak's own database, through Keycloak's JPA entity SPI and a Liquibase changelog. */
public final class AuditEntityProviderFactory implements JpaEntityProviderFactory {

    public static final String ID = "dinhdanh-audit";

    private static final JpaEntityProvider PROVIDER = new JpaEntityProvider() {
        @Override
        public List<Class<?>> getEntities() {
            return List.of(AuditRecordEntity.class, AuditHeadEntity.class);
        }

        @Override
        public String getChangelogLocation() {
            return "META-INF/dinhdanh-audit-changelog.xml";
        }

        @Override
        public String getFactoryId() {
            return ID;
        }

        @Override
        public void close() {
        }
    };

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return PROVIDER;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
