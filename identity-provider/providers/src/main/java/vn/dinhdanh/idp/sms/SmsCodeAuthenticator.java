package vn.dinhdanh.idp.sms;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.services.managers.BruteForceProtector;
import vn.dinhdanh.idp.authentication.Level2SecondFactor;
import vn.dinhdanh.idp.authentication.StatelessAuthenticator;
import vn.dinhdanh.idp.federation.CitizenAttributes;
import vn.dinhdanh.idp.protocol.AuthenticationMethods;

/**
 * Second factor for {@code substantial}: a six-digit code ({@link SmsOneTimeCode}) sent by SMS, through the
 * {@link SmsSender} SPI, to the account's mobile number. Offered only to a level-2 account whose number was proven
 * by a code typed back after the account's chip-card proof ({@link CitizenAttributes#phoneNumberProven}): a number
 * given at level-1 registration could be anybody's. Wrong codes count towards the realm's brute-force protection,
 * like a wrong password.
 */
public final class SmsCodeAuthenticator implements StatelessAuthenticator, Level2SecondFactor {

    private static final String FORM = "login-sms-code.ftl";
    private static final String CODE_FIELD = "sms_code";
    private static final String RESEND_FIELD = "resend";
    static final String PURPOSE = "sms";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (Level2SecondFactor.refusedUnlessUsable(context, this) || refusedAfterTooManyTries(context)) {
            return;
        }
        if (code(context).live()) {
            context.challenge(form(context).createForm(FORM));
            return;
        }
        sendCode(context, false);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> params = context.getHttpRequest().getDecodedFormParameters();
        if (params.containsKey("cancel")) {
            context.cancelLogin();
            return;
        }
        if (Level2SecondFactor.refusedUnlessUsable(context, this) || refusedAfterTooManyTries(context)) {
            return;
        }
        if (params.containsKey(RESEND_FIELD)) {
            sendCode(context, true);
            return;
        }
        SmsOneTimeCode code = code(context);
        switch (code.check(params.getFirst(CODE_FIELD))) {
            case RIGHT -> {
                AuthenticationMethods.add(context.getAuthenticationSession(), "sms");
                context.success();
            }
            case NO_CODE -> sendCode(context, false);
            case EXPIRED -> {
                context.getEvent().clone().user(context.getUser()).error(Errors.EXPIRED_CODE);
                context.challenge(form(context).setError("smsCodeExpired").createForm(FORM));
            }
            case TOO_MANY_WRONG -> {
                context.getEvent().user(context.getUser()).detail("reason", "sms_code_too_many_attempts");
                context.failure(AuthenticationFlowError.INVALID_CREDENTIALS,
                        context.form().setError("smsCodeTooManyAttempts").createErrorPage(Response.Status.FORBIDDEN));
            }
            case WRONG -> {
                context.getEvent().user(context.getUser());
                context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS,
                        form(context).addError(new FormMessage(CODE_FIELD, "smsCodeWrong")).createForm(FORM));
            }
        }
    }

    private static void sendCode(AuthenticationFlowContext context, boolean resend) {
        String phone = context.getUser().getFirstAttribute(CitizenAttributes.PHONE_NUMBER);
        SmsOneTimeCode.SendResult sent = code(context).send(context.getUser(), phone, resend);
        switch (sent.outcome()) {
            case SENT -> {
                LoginFormsProvider form = form(context);
                if (resend) {
                    form.setInfo("smsCodeResent");
                }
                context.challenge(form.createForm(FORM));
            }
            case TOO_SOON -> context.challenge(form(context).setError("smsResendTooSoon", Long.toString(sent.waitSeconds())).createForm(FORM));
            case NO_MORE_IN_THIS_LOGIN -> {
                if (resend) {
                    context.challenge(form(context).setError("smsNoMoreCodes").createForm(FORM));
                } else {
                    context.failure(AuthenticationFlowError.ACCESS_DENIED,
                            context.form().setError("smsNoMoreCodes").createErrorPage(Response.Status.FORBIDDEN));
                }
            }
            case LIMIT_ACROSS_LOGINS -> {
                context.getEvent().clone().user(context.getUser()).error("sms_limit_reached");
                context.failure(AuthenticationFlowError.ACCESS_DENIED, context.form()
                        .setError("smsLimitAcrossLogins", Long.toString(Math.max(1, (sent.waitSeconds() + 59) / 60)))
                        .createErrorPage(Response.Status.TOO_MANY_REQUESTS));
            }
            case NOT_SENT -> context.failure(AuthenticationFlowError.INTERNAL_ERROR,
                    context.form().setError("smsNotSent").createErrorPage(Response.Status.SERVICE_UNAVAILABLE));
        }
    }

    private static SmsOneTimeCode code(AuthenticationFlowContext context) {
        return new SmsOneTimeCode(context.getSession(), context.getRealm(), context.getAuthenticationSession(), PURPOSE);
    }

    private static LoginFormsProvider form(AuthenticationFlowContext context) {
        return context.form()
                .setAttribute("smsPhone", SmsOneTimeCode.masked(context.getUser().getFirstAttribute(CitizenAttributes.PHONE_NUMBER)))
                .setAttribute("smsDigits", SmsOneTimeCode.DIGITS)
                .setAttribute("smsLifespanMinutes", SmsOneTimeCode.LIFESPAN_SECONDS / 60);
    }

    /**
     * No code for an account the realm's brute-force protection has locked (wrong codes count there too, so every
     * new login of the account shares one budget), nor in a login that already had
     * {@value SmsOneTimeCode#MAX_WRONG_CODES} wrong.
     */
    private static boolean refusedAfterTooManyTries(AuthenticationFlowContext context) {
        boolean locked = code(context).lockedForThisLogin();
        if (!locked && context.getRealm().isBruteForceProtected()) {
            locked = context.getSession().getProvider(BruteForceProtector.class)
                    .isTemporarilyDisabled(context.getSession(), context.getRealm(), context.getUser());
        }
        if (locked) {
            context.getEvent().user(context.getUser());
            context.failure(AuthenticationFlowError.USER_TEMPORARILY_DISABLED,
                    context.form().setError("smsCodeTooManyAttempts").createErrorPage(Response.Status.FORBIDDEN));
        }
        return locked;
    }

    /**
     * An account with a mobile number. It serves only once the account is level 2 and the number proven
     * ({@link #provenFor}); until then "Log in another way" explains why instead of failing.
     */
    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return user.getFirstAttribute(CitizenAttributes.PHONE_NUMBER) != null;
    }

    @Override
    public boolean provenFor(UserModel user) {
        return CitizenAttributes.phoneNumberProven(user);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }
}
