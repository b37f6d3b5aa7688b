package vn.dinhdanh.idp.protocol;

import java.util.List;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.IDToken;

/** The {@code amr} claim (RFC 8176) from the methods dinhdanh's authenticators recorded in the user session. */
public final class AuthenticationMethodsMapper extends TokenClaimMapper {

    public static final String ID = "dinhdanh-amr";

    @Override
    public String getId() {
        return ID;
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
    void put(IDToken token, UserSessionModel userSession, ClientSessionContext ctx) {
        List<String> methods = AuthenticationMethods.parse(userSession.getNote(AuthenticationMethods.NOTE));
        if (!methods.isEmpty()) {
            token.getOtherClaims().put("amr", methods);
        }
    }
}
