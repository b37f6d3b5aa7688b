package vn.dinhdanh.idp.registry;

import org.keycloak.Config;

/** Mounts {@link RegistryAdminResource} at {@code /realms/{realm}/registry-admin}. */
public final class RegistryAdminResourceProviderFactory extends RealmResources.Factory {

    public static final String ID = "registry-admin";
    private static volatile int batchSize = 500;

    public RegistryAdminResourceProviderFactory() {
        super(ID, session -> new RegistryAdminResource(session, batchSize));
    }

    @Override
    public void init(Config.Scope config) {
        batchSize = config.getInt("import-batch-size", 500);
    }
}
