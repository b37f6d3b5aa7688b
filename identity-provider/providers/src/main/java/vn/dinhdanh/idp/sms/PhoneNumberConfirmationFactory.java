package vn.dinhdanh.idp.sms;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

public final class PhoneNumberConfirmationFactory implements RequiredActionFactory {

    private static final PhoneNumberConfirmation INSTANCE = new PhoneNumberConfirmation();

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return INSTANCE;
    }

    @Override
    public String getId() {
        return PhoneNumberConfirmation.ID;
    }

    @Override
    public String getDisplayText() {
        return "Confirm the mobile number after the chip-card proof (dinhdanh)";
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return List.of();
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
}
