package vn.dinhdanh.idp.authentication;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import vn.dinhdanh.idp.federation.AccountLevel;

/**
 * A second factor for {@code substantial} that only a level-2 account may use (the SMS code, an authenticator app, a
 * security key). Keycloak lists every set-up alternative under "Try another way"; a level-1 citizen who picks one
 * is told, on a page of its own, that the chip card comes first.
 */
public interface Level2SecondFactor {

    String PAGE = "login-needs-level2.ftl";

    /** Whether this authenticator can log this citizen in now: set up, and not a level-2 factor of a level-1 account. */
    static boolean usableBy(Authenticator authenticator, KeycloakSession session, RealmModel realm, UserModel user) {
        return authenticator.configuredFor(session, realm, user)
                && (!(authenticator instanceof Level2SecondFactor) || AccountLevel.isLevel2(user));
    }

    /**
     * Shows the "level 2 first" page when the citizen's account is level 1.
     *
     * @return whether the page was shown (the caller then stops)
     */
    static boolean refusedBelowLevel2(AuthenticationFlowContext context) {
        if (AccountLevel.isLevel2(context.getUser())) {
            return false;
        }
        if (context.getHttpRequest().getDecodedFormParameters().containsKey("cancel")) {
            context.cancelLogin();
            return true;
        }
        context.getEvent().clone().user(context.getUser()).error("second_factor_needs_level2_account");
        context.challenge(context.form().setError("secondFactorNeedsLevel2").createForm(PAGE));
        return true;
    }
}
