package vn.dinhdanh.idp.sms;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Properties;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.common.util.Time;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.theme.Theme;
import vn.dinhdanh.idp.authentication.Level2SecondFactor;
import vn.dinhdanh.idp.authentication.StatelessAuthenticator;
import vn.dinhdanh.idp.federation.CitizenAttributes;
import vn.dinhdanh.idp.protocol.AuthenticationMethods;

/**
 * Second factor for {@code substantial}: a six-digit code sent by SMS, through the {@link SmsSender} SPI, to the
 * mobile number the citizen gave at registration. Offered only to level-2 accounts with a number. A code lives
 * {@value #LIFESPAN_SECONDS} seconds and dies after {@value #MAX_WRONG_CODES} wrong tries in a login, which then gets no new code; a new code can be asked
 * for after {@value #RESEND_AFTER_SECONDS} seconds, at most {@value #MAX_SENDS} codes per login. Wrong codes count
 * towards the realm's brute-force protection, like a wrong password.
 */
public final class SmsCodeAuthenticator implements StatelessAuthenticator, Level2SecondFactor {

    private static final String FORM = "login-sms-code.ftl";
    private static final String CODE_FIELD = "sms_code";
    private static final String RESEND_FIELD = "resend";
    static final int DIGITS = 6;
    static final int LIFESPAN_SECONDS = 300;
    static final int RESEND_AFTER_SECONDS = 30;
    static final int MAX_SENDS = 3;
    static final int MAX_WRONG_CODES = 5;

    private static final String NOTE_CODE = "dinhdanh.sms.code";
    private static final String NOTE_EXPIRES = "dinhdanh.sms.expires";
    private static final String NOTE_SENT_AT = "dinhdanh.sms.sent-at";
    private static final String NOTE_SENDS = "dinhdanh.sms.sends";
    private static final String NOTE_WRONG = "dinhdanh.sms.wrong";
    private static final String NOTE_LOCKED = "dinhdanh.sms.locked";
    private static final Logger LOG = Logger.getLogger(SmsCodeAuthenticator.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (Level2SecondFactor.refusedBelowLevel2(context) || refusedAfterTooManyTries(context)) {
            return;
        }
        AuthenticationSessionModel auth = context.getAuthenticationSession();
        if (auth.getAuthNote(NOTE_CODE) != null && !expired(auth)) {
            context.challenge(form(context).createForm(FORM));
            return;
        }
        sendCode(context, null);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        AuthenticationSessionModel auth = context.getAuthenticationSession();
        MultivaluedMap<String, String> params = context.getHttpRequest().getDecodedFormParameters();
        if (params.containsKey("cancel")) {
            context.cancelLogin();
            return;
        }
        if (Level2SecondFactor.refusedBelowLevel2(context) || refusedAfterTooManyTries(context)) {
            return;
        }
        if (params.containsKey(RESEND_FIELD)) {
            resend(context);
            return;
        }
        String expected = auth.getAuthNote(NOTE_CODE);
        if (expected == null) {
            sendCode(context, null);
            return;
        }
        if (expired(auth)) {
            clear(auth);
            context.getEvent().clone().user(context.getUser()).error(Errors.EXPIRED_CODE);
            context.challenge(form(context).setError("smsCodeExpired").createForm(FORM));
            return;
        }
        String typed = params.getFirst(CODE_FIELD) == null ? "" : params.getFirst(CODE_FIELD).replaceAll("\\s", "");
        if (MessageDigest.isEqual(typed.getBytes(StandardCharsets.US_ASCII), expected.getBytes(StandardCharsets.US_ASCII))) {
            clear(auth);
            AuthenticationMethods.add(auth, "sms");
            context.success();
            return;
        }
        int wrong = intNote(auth, NOTE_WRONG) + 1;
        if (wrong >= MAX_WRONG_CODES) {
            clear(auth);
            // for good in this login: no new code, whatever the citizen reloads
            auth.setAuthNote(NOTE_LOCKED, "true");
            context.getEvent().user(context.getUser()).detail("reason", "sms_code_too_many_attempts");
            context.failure(AuthenticationFlowError.INVALID_CREDENTIALS,
                    context.form().setError("smsCodeTooManyAttempts").createErrorPage(Response.Status.FORBIDDEN));
            return;
        }
        auth.setAuthNote(NOTE_WRONG, Integer.toString(wrong));
        context.getEvent().user(context.getUser());
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS,
                form(context).addError(new org.keycloak.models.utils.FormMessage(CODE_FIELD, "smsCodeWrong")).createForm(FORM));
    }

    private static void resend(AuthenticationFlowContext context) {
        AuthenticationSessionModel auth = context.getAuthenticationSession();
        int sends = intNote(auth, NOTE_SENDS);
        long wait = intNote(auth, NOTE_SENT_AT) + RESEND_AFTER_SECONDS - (long) Time.currentTime();
        if (sends >= MAX_SENDS) {
            context.challenge(form(context).setError("smsNoMoreCodes").createForm(FORM));
        } else if (wait > 0) {
            context.challenge(form(context).setError("smsResendTooSoon", Long.toString(wait)).createForm(FORM));
        } else {
            sendCode(context, "smsCodeResent");
        }
    }

    private static void sendCode(AuthenticationFlowContext context, String info) {
        AuthenticationSessionModel auth = context.getAuthenticationSession();
        int sends = intNote(auth, NOTE_SENDS);
        if (sends >= MAX_SENDS) {
            context.failure(AuthenticationFlowError.ACCESS_DENIED,
                    context.form().setError("smsNoMoreCodes").createErrorPage(Response.Status.FORBIDDEN));
            return;
        }
        String code = newCode();
        String phone = context.getUser().getFirstAttribute(CitizenAttributes.PHONE_NUMBER);
        try {
            context.getSession().getProvider(SmsSender.class).send(phone, text(context, code));
        } catch (SmsNotSentException | RuntimeException e) {
            // No phone number in the log: the realm and the gateway's reason (a gateway's unexpected exception is
            // named by its class only, since its message might quote the number).
            LOG.warnf("event=SMS_CODE outcome=error realm=%s reason=%s", context.getRealm().getName(),
                    e instanceof SmsNotSentException ? e.getMessage() : e.getClass().getName());
            context.failure(AuthenticationFlowError.INTERNAL_ERROR,
                    context.form().setError("smsNotSent").createErrorPage(Response.Status.SERVICE_UNAVAILABLE));
            return;
        }
        int now = Time.currentTime();
        auth.setAuthNote(NOTE_CODE, code);
        auth.setAuthNote(NOTE_EXPIRES, Integer.toString(now + LIFESPAN_SECONDS));
        auth.setAuthNote(NOTE_SENT_AT, Integer.toString(now));
        auth.setAuthNote(NOTE_SENDS, Integer.toString(sends + 1));
        LoginFormsProvider form = form(context);
        if (info != null) {
            form.setInfo(info);
        }
        context.challenge(form.createForm(FORM));
    }

    private static LoginFormsProvider form(AuthenticationFlowContext context) {
        return context.form()
                .setAttribute("smsPhone", masked(context.getUser().getFirstAttribute(CitizenAttributes.PHONE_NUMBER)))
                .setAttribute("smsDigits", DIGITS)
                .setAttribute("smsLifespanMinutes", LIFESPAN_SECONDS / 60);
    }

    /** The number as the page shows it: only its last three digits, e.g. {@code +84 ••• ••• 001}. */
    static String masked(String phone) {
        if (phone == null || phone.length() < 4) {
            return "•••";
        }
        String prefix = phone.startsWith("+84") ? "+84 " : "";
        return prefix + "••• ••• " + phone.substring(phone.length() - 3);
    }

    static String newCode() {
        StringBuilder code = new StringBuilder(DIGITS);
        for (int i = 0; i < DIGITS; i++) {
            code.append(RANDOM.nextInt(10));
        }
        return code.toString();
    }

    /** The message in the citizen's language, from the login theme's {@code smsCodeText} message. */
    private static String text(AuthenticationFlowContext context, String code) {
        KeycloakSession session = context.getSession();
        String template = "dinhdanh: {0} is your one-time code. It is valid for {1} minutes. Never share it.";
        try {
            Locale locale = session.getContext().resolveLocale(context.getUser());
            Properties messages = session.theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(context.getRealm(), locale);
            template = messages.getProperty("smsCodeText", template);
        } catch (java.io.IOException e) {
            LOG.debug("Login theme messages unreadable; the SMS is sent in English", e);
        }
        return java.text.MessageFormat.format(template.replace("'", "''"), code, LIFESPAN_SECONDS / 60);
    }

    private static boolean expired(AuthenticationSessionModel auth) {
        return Time.currentTime() >= intNote(auth, NOTE_EXPIRES);
    }

    private static void clear(AuthenticationSessionModel auth) {
        auth.removeAuthNote(NOTE_CODE);
        auth.removeAuthNote(NOTE_EXPIRES);
    }

    /**
     * No code for an account the realm's brute-force protection has locked (wrong codes count there too, so every
     * new login of the account shares one budget), nor in a login that already had {@value #MAX_WRONG_CODES} wrong.
     */
    private static boolean refusedAfterTooManyTries(AuthenticationFlowContext context) {
        boolean locked = context.getAuthenticationSession().getAuthNote(NOTE_LOCKED) != null;
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

    private static int intNote(AuthenticationSessionModel auth, String note) {
        String value = auth.getAuthNote(note);
        try {
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** An account with a mobile number (usable only once the account is level 2: {@link Level2SecondFactor}). */
    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return user.getFirstAttribute(CitizenAttributes.PHONE_NUMBER) != null;
    }

    @Override
    public boolean requiresUser() {
        return true;
    }
}
