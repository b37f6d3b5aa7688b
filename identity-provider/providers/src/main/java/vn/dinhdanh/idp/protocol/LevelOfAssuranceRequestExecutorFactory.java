package vn.dinhdanh.idp.protocol;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

public final class LevelOfAssuranceRequestExecutorFactory implements ClientPolicyExecutorProviderFactory {

    public static final String ID = "dinhdanh-level-of-assurance-request";
    private static final LevelOfAssuranceRequestExecutor INSTANCE = new LevelOfAssuranceRequestExecutor();

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return INSTANCE;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getHelpText() {
        return "Refuses with invalid_request an authorization request whose acr_values or essential acr claim names a level not in the acr-to-LoA map";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
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
