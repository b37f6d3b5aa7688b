package vn.dinhdanh.idp.authentication;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.OptionalLong;
import java.util.List;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.authentication.FlowStatus;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.events.Errors;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.services.managers.BruteForceProtector;
import vn.dinhdanh.idp.limits.PasswordAttempts;
import vn.dinhdanh.idp.limits.RateLimits;

/**
 * Keycloak's personal-ID-number-and-password form (its {@code auth-username-password-form}, reached through its
 * factory), with one answer for every number. Keycloak locks only accounts that exist and says so, so that a few wrong
 * passwords told an attacker which numbers have an account. Here wrong passwords are counted per number typed
 * ({@link PasswordAttempts}), for an account, a registry citizen without one and an unknown number alike, and the
 * "wait a few minutes" message comes from that count only: every number gets the same answers in the same order, and a
 * paused number is answered without checking any password (no timing difference either). Keycloak's own brute-force
 * protection still locks real accounts underneath; its lock is shown as a wrong password, after the same hashing work an
 * unknown number gets.
 */
public final class CitizenPasswordForm implements Authenticator {

    static final String KEYCLOAK_FORM = "auth-username-password-form";
    private static final String USERNAME = "username";
    private static final String PAUSED = "accountTemporarilyDisabledMessage";
    private static final String WRONG = "invalidUserMessage";

    private final Authenticator delegate;

    CitizenPasswordForm(Authenticator delegate) {
        this.delegate = delegate;
    }

    /** The chip-card authenticator (in the chip-card module), offered beside this form. */
    static final String CHIP_CARD = "dinhdanh-chip-card";
    /** The page's chip-card button. */
    static final String CHIP_CARD_BUTTON = "dd_chip_card";
    /** Auth note: the citizen chose the chip card on the first page; the chip-card step then comes first. */
    public static final String CHIP_CARD_CHOSEN = "dinhdanh.chip.chosen";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        offerTheChipCard(context);
        delegate.authenticate(context);
    }

    /**
     * The chip card as a first-class choice on this page, when the chip card is an alternative beside this form's step:
     * the page shows a "Log in with your chip-based ID card" button. Keycloak's own "Try another way" lists
     * alternatives only once the user is known, so the button posts to this form, which restarts the flow with the
     * chip card chosen ({@link #CHIP_CARD_CHOSEN}).
     */
    static void offerTheChipCard(AuthenticationFlowContext context) {
        RealmModel realm = context.getRealm();
        AuthenticationExecutionModel step = realm.getAuthenticationExecutionByFlowId(context.getExecution().getParentFlow());
        if (step == null) {
            return;
        }
        realm.getAuthenticationExecutionsStream(step.getParentFlow())
                .filter(e -> CHIP_CARD.equals(e.getAuthenticator()) && e.isAlternative()).findFirst()
                .ifPresent(chip -> context.form().setAttribute("chipCardExecution", chip.getId()));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        offerTheChipCard(context);
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey(CHIP_CARD_BUTTON) && context.getUser() == null) {
            AuthenticationSessionModel auth = context.getAuthenticationSession();
            context.resetFlow(() -> auth.setAuthNote(CHIP_CARD_CHOSEN, "true"));
            return;
        }
        String number = form.getFirst(USERNAME) == null ? null : form.getFirst(USERNAME).trim();
        if (form.containsKey("cancel") || number == null || number.isEmpty() || context.getUser() != null) {
            delegate.action(context);
            return;
        }
        RateLimits limits = new RateLimits(context.getSession(), context.getRealm());
        String address = context.getConnection().getRemoteAddr();
        OptionalLong addressPaused = limits.exhausted(RateLimits.WRONG_PASSWORDS_PER_ADDRESS, address);
        if (addressPaused.isPresent()) {
            long minutes = Math.max(1, (addressPaused.getAsLong() + 59) / 60);
            context.getEvent().error("too_many_wrong_passwords_from_address");
            Response page = context.form().setFormData(form).setError("loginTooManyFromAddressMessage", Long.toString(minutes))
                    .createLoginUsernamePassword();
            context.forceChallenge(Response.fromResponse(page).status(429).header(RateLimits.RETRY_AFTER, addressPaused.getAsLong()).build());
            return;
        }
        PasswordAttempts attempts = new PasswordAttempts(context.getSession(), context.getRealm());
        if (attempts.pausedFor(number) > 0) {
            context.getEvent().error(Errors.USER_TEMPORARILY_DISABLED);
            context.forceChallenge(context.form().setFormData(form).addError(new FormMessage(USERNAME, PAUSED)).createLoginUsernamePassword());
            return;
        }
        UserModel account = context.getSession().users().getUserByUsername(context.getRealm(), number);
        boolean lockedByKeycloak = account != null && context.getRealm().isBruteForceProtected()
                && context.getSession().getProvider(BruteForceProtector.class).isTemporarilyDisabled(context.getSession(), context.getRealm(), account);
        delegate.action(context);
        if (context.getStatus() == FlowStatus.SUCCESS) {
            attempts.succeeded(number);
            return;
        }
        if (context.getStatus() != FlowStatus.FAILURE_CHALLENGE && context.getStatus() != FlowStatus.FORCE_CHALLENGE) {
            return;
        }
        attempts.failed(number);
        limits.take(RateLimits.WRONG_PASSWORDS_PER_ADDRESS, address);
        if (lockedByKeycloak) {
            // Keycloak answered "locked" without hashing: hash as an unknown number would, and answer as for one.
            hashAsForAnUnknownNumber(context.getSession(), context.getRealm());
            context.getEvent().error(Errors.INVALID_USER_CREDENTIALS);
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS,
                    context.form().setFormData(form).addError(new FormMessage(USERNAME, WRONG)).createLoginUsernamePassword());
        }
    }

    /** The work of hashing a password under the realm's policy, as Keycloak does for a number without an account. */
    private static void hashAsForAnUnknownNumber(KeycloakSession session, RealmModel realm) {
        PasswordPolicy policy = realm.getPasswordPolicy();
        PasswordHashProvider hash = policy != null && policy.getHashAlgorithm() != null
                ? session.getProvider(PasswordHashProvider.class, policy.getHashAlgorithm())
                : session.getProvider(PasswordHashProvider.class);
        hash.encodedCredential("not-a-password-of-anyone", policy != null ? policy.getHashIterations() : -1);
    }

    @Override
    public boolean requiresUser() {
        return delegate.requiresUser();
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return delegate.configuredFor(session, realm, user);
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        delegate.setRequiredActions(session, realm, user);
    }

    @Override
    public List<RequiredActionFactory> getRequiredActions(KeycloakSession session) {
        return delegate.getRequiredActions(session);
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** The factory: Keycloak's form, made by Keycloak's factory, wrapped. */
    public static final class Factory extends DinhdanhAuthenticatorFactory {
        public static final String ID = "dinhdanh-password-form";

        public Factory() {
            super(ID, "Personal ID number and password (one answer for every number)",
                    "Keycloak's username and password form; wrong passwords are counted per number typed", Requirement.REQUIRED,
                    Requirement.ALTERNATIVE, Requirement.DISABLED);
        }

        @Override
        public Authenticator create(KeycloakSession session) {
            AuthenticatorFactory keycloaks = (AuthenticatorFactory) session.getKeycloakSessionFactory().getProviderFactory(Authenticator.class, KEYCLOAK_FORM);
            return new CitizenPasswordForm(keycloaks.create(session));
        }
    }
}
