package vn.dinhdanh.idp.registry;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Mounts {@link RegistryAdminResource} at {@code /realms/{realm}/registry-admin}. */
public final class RegistryAdminResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String ID = "registry-admin";
    private int batchSize = 500;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        RegistryAdminResource resource = new RegistryAdminResource(session, batchSize);
        return RealmResources.of(resource);
    }

    @Override
    public void init(Config.Scope config) {
        batchSize = config.getInt("import-batch-size", 500);
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
