package vn.dinhdanh.idp.protocol;

import java.util.ArrayList;
import java.util.List;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.protocol.oidc.representations.OIDCConfigurationRepresentation;
import org.keycloak.wellknown.WellKnownProvider;
import org.keycloak.wellknown.WellKnownProviderFactory;
import vn.dinhdanh.idp.assurance.ClaimsRequest;
import vn.dinhdanh.idp.assurance.IdentityAssurance;

/**
 * {@code /.well-known/openid-configuration} with the metadata of OpenID Connect for Identity Assurance 1.0: Keycloak's
 * own document (its provider {@value #KEYCLOAK_PROVIDER}, looked up through the session), with
 * {@link IdentityAssurance#discoveryMetadata()} added, {@code verified_claims} in {@code claims_supported} and
 * {@code claims_parameter_supported}. Keycloak serves, for an alias, the provider of the lowest priority number: this
 * one ({@value #PRIORITY}) before its own (100).
 */
public final class IdentityAssuranceDiscoveryFactory implements WellKnownProviderFactory {

    public static final String ID = "dinhdanh-openid-configuration";
    static final String KEYCLOAK_PROVIDER = "openid-configuration";
    static final int PRIORITY = 10;

    @Override
    public WellKnownProvider create(KeycloakSession session) {
        return new WellKnownProvider() {
            @Override
            public Object getConfig() {
                Object config = session.getProvider(WellKnownProvider.class, KEYCLOAK_PROVIDER).getConfig();
                if (config instanceof OIDCConfigurationRepresentation oidc) {
                    withIdentityAssurance(oidc);
                }
                return config;
            }

            @Override
            public void close() {
            }
        };
    }

    /** Adds the identity-assurance metadata to a discovery document. */
    static OIDCConfigurationRepresentation withIdentityAssurance(OIDCConfigurationRepresentation oidc) {
        IdentityAssurance.discoveryMetadata().forEach(oidc::setOtherClaims);
        List<String> claims = oidc.getClaimsSupported() == null ? new ArrayList<>() : new ArrayList<>(oidc.getClaimsSupported());
        if (!claims.contains(ClaimsRequest.VERIFIED_CLAIMS)) {
            claims.add(ClaimsRequest.VERIFIED_CLAIMS);
        }
        oidc.setClaimsSupported(claims);
        oidc.setClaimsParameterSupported(true);
        return oidc;
    }

    @Override
    public String getAlias() {
        return KEYCLOAK_PROVIDER;
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    @Override
    public String getId() {
        return ID;
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
