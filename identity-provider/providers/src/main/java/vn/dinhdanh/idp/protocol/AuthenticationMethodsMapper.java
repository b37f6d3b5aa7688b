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

/** The {@code amr} claim (RFC 8176) from the methods dinhdanh's authenticators recorded in the user session. */
public final class AuthenticationMethodsMapper extends AbstractOIDCProtocolMapper implements OIDCIDTokenMapper, OIDCAccessTokenMapper {

    public static final String ID = "dinhdanh-amr";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getDisplayType() {
        return "Authentication methods (amr, RFC 8176)";
    }

    @Override
    public String getHelpText() {
        return "amr from the methods used in this session: pwd, otp, sms, sc, hwk";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public IDToken transformIDToken(IDToken token, ProtocolMapperModel model, KeycloakSession session,
                                    UserSessionModel userSession, ClientSessionContext ctx) {
        put(token, userSession);
        return token;
    }

    @Override
    public AccessToken transformAccessToken(AccessToken token, ProtocolMapperModel model, KeycloakSession session,
                                            UserSessionModel userSession, ClientSessionContext ctx) {
        put(token, userSession);
        return token;
    }

    private static void put(IDToken token, UserSessionModel userSession) {
        List<String> methods = AuthenticationMethods.parse(userSession.getNote(AuthenticationMethods.NOTE));
        if (!methods.isEmpty()) {
            token.getOtherClaims().put("amr", methods);
        }
    }
}
