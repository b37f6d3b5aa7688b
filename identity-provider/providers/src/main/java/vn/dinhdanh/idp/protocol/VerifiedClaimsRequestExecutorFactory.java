package vn.dinhdanh.idp.protocol;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

public final class VerifiedClaimsRequestExecutorFactory implements ClientPolicyExecutorProviderFactory {

    public static final String ID = "dinhdanh-verified-claims-request";
    private static final VerifiedClaimsRequestExecutor INSTANCE = new VerifiedClaimsRequestExecutor();

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
        return "Refuses with invalid_request an authorization request whose claims parameter, or verified_claims request in it, is malformed (OpenID Connect for Identity Assurance 1.0)";
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
