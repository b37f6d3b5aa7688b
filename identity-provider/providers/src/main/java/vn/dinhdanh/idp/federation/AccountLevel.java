package vn.dinhdanh.idp.federation;

import java.util.Set;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import vn.dinhdanh.idp.sms.PhoneNumberConfirmation;

/**
 * The account level under Decree 69/2024, kept in the {@value CitizenAttributes#ACCOUNT_LEVEL} attribute: level 1
 * after a registration matched against the registry, level 2 once the citizen has proven the chip card. Only a chip
 * proof raises it; {@code substantial} needs level 2.
 */
public final class AccountLevel {

    private AccountLevel() {
    }

    public static boolean isLevel2(UserModel user) {
        return user != null && "2".equals(user.getFirstAttribute(CitizenAttributes.ACCOUNT_LEVEL));
    }

    /**
     * What a level-1 account may hold without any proof of who set it up: whoever registered the account knew only
     * facts that are not secret (a number, a name, a birth date), and may not be the citizen.
     */
    private static final Set<String> UNPROVEN_CREDENTIALS = Set.of(PasswordCredentialModel.TYPE, "otp", "webauthn", "webauthn-passwordless");

    /** What a raise did, for the event and for the pages that follow. */
    public record Raise(boolean raised, int sessionsEnded) {
        static final Raise NONE = new Raise(false, 0);
    }

    /**
     * Raises the account to level 2. Call it only once the citizen's own chip card has been verified, in the login
     * {@code auth} of that proof. Everything that whoever registered the account could have set up goes:
     * <ul>
     *   <li>the password, authenticator apps and security keys; the citizen chooses a new password in this login
     *       (Keycloak's update-password step);</li>
     *   <li>the mobile number, which comes back only when the citizen types the code sent to it in this login
     *       ({@link PhoneNumberConfirmation}); otherwise it is dropped;</li>
     *   <li>every other session of the account, with its refresh and offline tokens; the session of this browser
     *       stays.</li>
     * </ul>
     */
    public static Raise raiseToLevel2AfterChipProof(KeycloakSession session, RealmModel realm, UserModel user, AuthenticationSessionModel auth) {
        if (isLevel2(user)) {
            return Raise.NONE;
        }
        boolean hadPassword = user.credentialManager().isConfiguredFor(PasswordCredentialModel.TYPE);
        user.credentialManager().getStoredCredentialsStream()
                .filter(c -> UNPROVEN_CREDENTIALS.contains(c.getType()))
                .map(CredentialModel::getId)
                .toList()
                .forEach(user.credentialManager()::removeStoredCredentialById);
        if (hadPassword) {
            user.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        }
        PhoneNumberConfirmation.takeOffUntilConfirmed(user, auth);
        String thisBrowser = auth.getParentSession().getId();
        int ended = 0;
        for (UserSessionModel other : session.sessions().getUserSessionsStream(realm, user).filter(s -> !s.getId().equals(thisBrowser)).toList()) {
            session.sessions().removeUserSession(realm, other);
            ended++;
        }
        for (UserSessionModel offline : session.sessions().getOfflineUserSessionsStream(realm, user).toList()) {
            session.sessions().removeOfflineUserSession(realm, offline);
            ended++;
        }
        user.setSingleAttribute(CitizenAttributes.ACCOUNT_LEVEL, "2");
        return new Raise(true, ended);
    }
}
