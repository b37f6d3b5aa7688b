package vn.dinhdanh.idp.sms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Properties;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.theme.Theme;
import vn.dinhdanh.idp.events.AuditLog;
import vn.dinhdanh.idp.limits.RateLimits;

/**
 * A six-digit code sent by SMS and typed back, kept in the notes of one authentication session (one login). A code
 * lives {@value #LIFESPAN_SECONDS} seconds and dies after {@value #MAX_WRONG_CODES} wrong tries, after which this login
 * gets no new code; a new code can be asked for after {@value #RESEND_AFTER_SECONDS} seconds, at most
 * {@value #MAX_SENDS} codes per login. Across logins, each phone number and each account receives at most
 * {@link #PER_PHONE} and {@link #PER_ACCOUNT} codes (realm-configurable), so that new logins cannot flood a phone.
 * Neither the number nor the code is ever logged.
 */
public final class SmsOneTimeCode {

    /** What became of a request to send a code. */
    public enum Sending { SENT, TOO_SOON, NO_MORE_IN_THIS_LOGIN, LIMIT_ACROSS_LOGINS, NOT_SENT }

    /** What the typed code was. */
    public enum Typed { RIGHT, WRONG, TOO_MANY_WRONG, EXPIRED, NO_CODE }

    /** The outcome of a send, with the seconds to wait when it was refused for now. */
    public record SendResult(Sending outcome, long waitSeconds) {
        public boolean sent() {
            return outcome == Sending.SENT;
        }
    }

    public static final int DIGITS = 6;
    public static final int LIFESPAN_SECONDS = 300;
    public static final int RESEND_AFTER_SECONDS = 30;
    public static final int MAX_SENDS = 3;
    public static final int MAX_WRONG_CODES = 5;
    /** Codes one phone number receives, across every login and account of the realm. */
    public static final RateLimits.Limit PER_PHONE = new RateLimits.Limit("sms.phone", 5, 3600);
    /** Codes one account receives, across every login. */
    public static final RateLimits.Limit PER_ACCOUNT = new RateLimits.Limit("sms.account", 5, 3600);

    private static final Logger LOG = Logger.getLogger(SmsOneTimeCode.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AuthenticationSessionModel auth;
    private final String prefix;

    /**
     * @param purpose names the notes, so that two uses of a code in one login (a login step, a number confirmation)
     *                never read each other's code
     */
    public SmsOneTimeCode(KeycloakSession session, RealmModel realm, AuthenticationSessionModel auth, String purpose) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.prefix = "dinhdanh." + purpose + ".";
    }

    /** Whether a code was sent in this login, is not expired and may still be typed. */
    public boolean live() {
        return note("code") != null && !expired() && !lockedForThisLogin();
    }

    /** Whether this login had {@value #MAX_WRONG_CODES} wrong codes: it gets no more. */
    public boolean lockedForThisLogin() {
        return note("locked") != null;
    }

    /** The number the live code was sent to, if any. */
    public String sentTo() {
        return note("phone");
    }

    /** Sends a new code to this number unless this login or the limits across logins forbid it. */
    public SendResult send(UserModel user, String phone, boolean resend) {
        int sends = intNote("sends");
        if (sends >= MAX_SENDS || lockedForThisLogin()) {
            return new SendResult(Sending.NO_MORE_IN_THIS_LOGIN, 0);
        }
        long wait = intNote("sent-at") + RESEND_AFTER_SECONDS - (long) Time.currentTime();
        if (resend && wait > 0 && phone.equals(note("phone"))) {
            return new SendResult(Sending.TOO_SOON, wait);
        }
        RateLimits limits = new RateLimits(session, realm);
        OptionalLong refused = limits.take(PER_PHONE, phone);
        if (refused.isEmpty() && user != null) {
            refused = limits.take(PER_ACCOUNT, user.getId());
        }
        if (refused.isPresent()) {
            AuditLog.event(session, "SMS_CODE").with("realm", realm.getName()).with("user", user == null ? null : user.getId()).error("limit_across_logins");
            return new SendResult(Sending.LIMIT_ACROSS_LOGINS, refused.getAsLong());
        }
        String code = newCode();
        try {
            session.getProvider(SmsSender.class).send(phone, text(user, code));
        } catch (SmsNotSentException | RuntimeException e) {
            // No phone number in the log: the realm and the gateway's reason (a gateway's unexpected exception is
            // named by its class only, since its message might quote the number).
            AuditLog.event(session, "SMS_CODE").with("realm", realm.getName()).with("user", user == null ? null : user.getId())
                    .with("reason", e instanceof SmsNotSentException ? e.getMessage() : e.getClass().getName()).error("sms_not_sent");
            return new SendResult(Sending.NOT_SENT, 0);
        }
        int now = Time.currentTime();
        setNote("code", code);
        setNote("phone", phone);
        setNote("expires", Integer.toString(now + LIFESPAN_SECONDS));
        setNote("sent-at", Integer.toString(now));
        setNote("sends", Integer.toString(sends + 1));
        return new SendResult(Sending.SENT, 0);
    }

    /** Checks a typed code against the live one; a right code is used up. */
    public Typed check(String typed) {
        String expected = note("code");
        if (lockedForThisLogin()) {
            return Typed.TOO_MANY_WRONG;
        }
        if (expected == null) {
            return Typed.NO_CODE;
        }
        if (expired()) {
            clear();
            return Typed.EXPIRED;
        }
        String digits = typed == null ? "" : typed.replaceAll("\\s", "");
        if (MessageDigest.isEqual(digits.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            clear();
            return Typed.RIGHT;
        }
        int wrong = intNote("wrong") + 1;
        if (wrong >= MAX_WRONG_CODES) {
            clear();
            setNote("locked", "true");
            return Typed.TOO_MANY_WRONG;
        }
        setNote("wrong", Integer.toString(wrong));
        return Typed.WRONG;
    }

    /** Forgets the live code (a new number is being given, say); the counts of this login stay. */
    public void clear() {
        auth.removeAuthNote(prefix + "code");
        auth.removeAuthNote(prefix + "expires");
        auth.removeAuthNote(prefix + "phone");
    }

    /** The number as a page shows it: only its last three digits, e.g. {@code +84 ••• ••• 001}. */
    public static String masked(String phone) {
        if (phone == null || phone.length() < 4) {
            return "•••";
        }
        String countryCode = phone.startsWith("+84") ? "+84 " : "";
        return countryCode + "••• ••• " + phone.substring(phone.length() - 3);
    }

    static String newCode() {
        StringBuilder code = new StringBuilder(DIGITS);
        for (int i = 0; i < DIGITS; i++) {
            code.append(RANDOM.nextInt(10));
        }
        return code.toString();
    }

    /** The message in the citizen's language, from the login theme's {@code smsCodeText} message. */
    private String text(UserModel user, String code) {
        String template = "dinhdanh: {0} is your one-time code. It is valid for {1} minutes. Never share it.";
        try {
            Locale locale = session.getContext().resolveLocale(user);
            Properties messages = session.theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(realm, locale);
            template = messages.getProperty("smsCodeText", template);
        } catch (java.io.IOException e) {
            LOG.debug("Login theme messages unreadable; the SMS is sent in English", e);
        }
        return MessageFormat.format(template.replace("'", "''"), code, LIFESPAN_SECONDS / 60);
    }

    private boolean expired() {
        return Time.currentTime() >= intNote("expires");
    }

    private String note(String name) {
        return auth.getAuthNote(prefix + name);
    }

    private void setNote(String name, String value) {
        auth.setAuthNote(prefix + name, value);
    }

    private int intNote(String name) {
        String value = note(name);
        try {
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
