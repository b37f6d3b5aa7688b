package vn.dinhdanh.chipcard.keycloak;

import org.keycloak.Config;
import vn.dinhdanh.idp.registry.RealmResources;

/** Mounts the chip-card app resource at {@code /realms/{realm}/chip-card}; owns the chip-card settings. */
public final class ChipCardResourceProviderFactory extends RealmResources.Factory {

    public static final String ID = "chip-card";

    public ChipCardResourceProviderFactory() {
        super(ID, ChipCardAppResource::new);
    }

    @Override
    public void init(Config.Scope config) {
        ChipCardSettings.configure(config);
        ChipCardSettings.current().refuseDemoTrustInProduction();
    }
}
