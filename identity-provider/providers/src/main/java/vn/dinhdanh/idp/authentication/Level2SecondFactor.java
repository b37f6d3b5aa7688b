package vn.dinhdanh.idp.authentication;

import vn.dinhdanh.idp.keycloak.KeycloakInternals;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.Constants;
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

    /**
     * Whether a level-2 account's factor was proven by its citizen, beyond being set up. The SMS code needs a number
     * confirmed after the chip-card proof; an app or a key added at level 2 is the citizen's own.
     */
    default boolean provenFor(UserModel user) {
        return true;
    }

    /** Whether this authenticator can log this citizen in now: set up, and not a level-2 factor of a level-1 account. */
    static boolean usableBy(Authenticator authenticator, KeycloakSession session, RealmModel realm, UserModel user) {
        return authenticator.configuredFor(session, realm, user)
                && (!(authenticator instanceof Level2SecondFactor factor) || AccountLevel.isLevel2(user) && factor.provenFor(user));
    }

    /**
     * Shows the "level 2 first" page when a level-1 citizen picked this way under "Log in another way" (or, for a
     * level-2 account, the page that says the factor is not proven); when the flow reached it by itself, marks it
     * attempted so that the next way (the chip card) is offered.
     *
     * @return whether the page was shown (the caller then stops)
     */
    static boolean refusedUnlessUsable(AuthenticationFlowContext context, Level2SecondFactor factor) {
        boolean level2 = AccountLevel.isLevel2(context.getUser());
        if (level2 && factor.provenFor(context.getUser())) {
            return false;
        }
        if (context.getHttpRequest().getDecodedFormParameters().containsKey("cancel")) {
            context.cancelLogin();
            return true;
        }
        String self = context.getExecution().getId();
        boolean picked = self.equals(context.getHttpRequest().getDecodedFormParameters().getFirst(Constants.AUTHENTICATION_EXECUTION))
                || self.equals(KeycloakInternals.currentExecution(context.getAuthenticationSession()));
        if (!picked) {
            // Reached in the flow's own order (Keycloak puts ways backed by a stored credential first): step aside,
            // so that the chip card, the one way a level-1 account has, comes next.
            context.attempted();
            return true;
        }
        context.getEvent().clone().user(context.getUser()).error(level2 ? "second_factor_not_proven" : "second_factor_needs_level2_account");
        context.challenge(context.form().setAttribute("level2Reason", level2 ? "unproven" : "level1")
                .setError(level2 ? "secondFactorNotProven" : "secondFactorNeedsLevel2").createForm(PAGE));
        return true;
    }
}
