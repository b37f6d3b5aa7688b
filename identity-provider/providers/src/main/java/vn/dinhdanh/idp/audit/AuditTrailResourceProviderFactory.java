package vn.dinhdanh.idp.audit;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;
import vn.dinhdanh.idp.registry.RealmResources;

/** Mounts {@link AuditTrailResource} at {@code /realms/{realm}/dinhdanh-audit} (it answers in the master realm only). */
public final class AuditTrailResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String ID = "dinhdanh-audit";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return RealmResources.of(new AuditTrailResource(session));
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
