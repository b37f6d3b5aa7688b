package vn.dinhdanh.idp.federation;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.storage.UserStorageProviderFactory;

public final class CitizenStorageProviderFactory implements UserStorageProviderFactory<CitizenStorageProvider> {

    public static final String ID = "dinhdanh-citizens";

    @Override
    public CitizenStorageProvider create(KeycloakSession session, ComponentModel model) {
        return new CitizenStorageProvider(session, model);
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getHelpText() {
        return "Citizens from the national population registry, brought in on first registration or login";
    }
}
