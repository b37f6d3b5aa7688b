package vn.dinhdanh.chipcard.keycloak;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;
import vn.dinhdanh.idp.registry.RealmResources;

/** Mounts the chip-card app resource at {@code /realms/{realm}/chip-card}; owns the chip-card settings. */
public final class ChipCardResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String ID = "chip-card";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        ChipCardAppResource resource = new ChipCardAppResource(session);
        return RealmResources.of(resource);
    }

    @Override
    public void init(Config.Scope config) {
        ChipCardSettings.configure(config);
        ChipCardSettings.current().refuseDemoTrustInProduction();
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
