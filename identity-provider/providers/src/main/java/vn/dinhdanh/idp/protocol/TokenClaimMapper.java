package vn.dinhdanh.idp.protocol;

import java.util.List;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;

/**
 * A mapper without settings that puts one claim, read from the login's session, into the ID token and the access token
 * alike ({@code amr}, {@code acr}).
 */
abstract class TokenClaimMapper extends AbstractOIDCProtocolMapper implements OIDCIDTokenMapper, OIDCAccessTokenMapper {

    /** Puts the claim into {@code token} (an ID token or an access token). */
    abstract void put(IDToken token, UserSessionModel userSession, ClientSessionContext ctx);

    @Override
    public final String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public final List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public final IDToken transformIDToken(IDToken token, ProtocolMapperModel model, KeycloakSession session,
                                          UserSessionModel userSession, ClientSessionContext ctx) {
        put(token, userSession, ctx);
        return token;
    }

    @Override
    public final AccessToken transformAccessToken(AccessToken token, ProtocolMapperModel model, KeycloakSession session,
                                                  UserSessionModel userSession, ClientSessionContext ctx) {
        put(token, userSession, ctx);
        return token;
    }
}
