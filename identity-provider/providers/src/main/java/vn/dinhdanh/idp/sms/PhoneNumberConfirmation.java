package vn.dinhdanh.idp.sms;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;
import vn.dinhdanh.idp.federation.CitizenAttributes;
import vn.dinhdanh.idp.federation.MobileNumber;

/**
 * The mobile number of an account that has just become level 2 by a chip-card proof, settled in that same login. The
 * number given at level-1 registration could be anybody's (whoever knew the citizen's number, name and birth date
 * could register first with their own phone), so the raise takes it off the account ({@link #NOTE_PENDING}) and this
 * step puts it back only when the citizen types the code sent to it. The citizen may instead give another number
 * (proven the same way) or go on without one. A number proven here is the only kind that serves as a second factor
 * ({@link CitizenAttributes#phoneNumberProven}). Added to the authentication session by the raise, never to the user:
 * a later login cannot confirm the number the raise took off.
 */
public final class PhoneNumberConfirmation implements RequiredActionProvider {

    public static final String ID = "dinhdanh-confirm-phone";
    /** The number waiting for its code in this login: the registration's number after the raise, or one the citizen gave. */
    public static final String NOTE_PENDING = "dinhdanh.phone.pending";
    static final String PURPOSE = "phone";
    private static final String FORM = "login-confirm-phone.ftl";
    private static final String CODE_FIELD = "sms_code";
    private static final String PHONE_FIELD = "phone_number";

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        String pending = context.getAuthenticationSession().getAuthNote(NOTE_PENDING);
        SmsOneTimeCode code = code(context);
        if (pending == null || code.lockedForThisLogin()) {
            context.challenge(numberForm(context, null, null));
        } else if (code.live() && pending.equals(code.sentTo())) {
            context.challenge(codeForm(context, pending).createForm(FORM));
        } else {
            // Nothing is sent before the citizen says the number may be theirs: a number that is not is only dropped.
            context.challenge(offerForm(context, pending));
        }
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> params = context.getHttpRequest().getDecodedFormParameters();
        AuthenticationSessionModel auth = context.getAuthenticationSession();
        String pending = auth.getAuthNote(NOTE_PENDING);
        SmsOneTimeCode code = code(context);
        if (params.containsKey("skip")) {
            auth.removeAuthNote(NOTE_PENDING);
            code.clear();
            context.getEvent().detail("phone_outcome", "none");
            context.success();
        } else if (params.containsKey("other")) {
            auth.removeAuthNote(NOTE_PENDING);
            code.clear();
            context.challenge(numberForm(context, null, null));
        } else if (params.containsKey(PHONE_FIELD)) {
            var number = MobileNumber.international(params.getFirst(PHONE_FIELD));
            if (number.isEmpty()) {
                context.challenge(numberForm(context, new FormMessage(PHONE_FIELD, "invalidPhoneNumberMessage"), null));
                return;
            }
            auth.setAuthNote(NOTE_PENDING, number.get());
            send(context, number.get(), false);
        } else if (pending == null) {
            context.challenge(numberForm(context, null, null));
        } else if (params.containsKey("send")) {
            send(context, pending, false);
        } else if (params.containsKey("resend")) {
            send(context, pending, true);
        } else {
            checkCode(context, code, pending, params.getFirst(CODE_FIELD));
        }
    }

    private static void checkCode(RequiredActionContext context, SmsOneTimeCode code, String pending, String typed) {
        switch (code.check(typed)) {
            case RIGHT -> {
                UserModel user = context.getUser();
                user.setSingleAttribute(CitizenAttributes.PHONE_NUMBER, pending);
                user.setSingleAttribute(CitizenAttributes.PHONE_NUMBER_PROVEN, pending);
                context.getAuthenticationSession().removeAuthNote(NOTE_PENDING);
                context.getEvent().detail("phone_outcome", "proven");
                context.success();
            }
            case WRONG -> context.challenge(codeForm(context, pending).addError(new FormMessage(CODE_FIELD, "smsCodeWrong"))
                    .createForm(FORM));
            case EXPIRED -> context.challenge(codeForm(context, pending).setError("smsCodeExpired").createForm(FORM));
            case NO_CODE -> send(context, pending, false);
            case TOO_MANY_WRONG -> {
                context.getAuthenticationSession().removeAuthNote(NOTE_PENDING);
                context.challenge(numberForm(context, null, "phoneTooManyWrongCodes"));
            }
        }
    }

    private static void send(RequiredActionContext context, String phone, boolean resend) {
        SmsOneTimeCode.SendResult sent = code(context).send(context.getUser(), phone, resend);
        switch (sent.outcome()) {
            case SENT -> {
                LoginFormsProvider form = codeForm(context, phone);
                if (resend) {
                    form.setInfo("smsCodeResent");
                }
                context.challenge(form.createForm(FORM));
            }
            case TOO_SOON -> context.challenge(codeForm(context, phone).setError("smsResendTooSoon", Long.toString(sent.waitSeconds()))
                    .createForm(FORM));
            case NO_MORE_IN_THIS_LOGIN -> {
                context.getAuthenticationSession().removeAuthNote(NOTE_PENDING);
                context.challenge(numberForm(context, null, "phoneNoMoreCodes"));
            }
            case LIMIT_ACROSS_LOGINS -> {
                context.getAuthenticationSession().removeAuthNote(NOTE_PENDING);
                context.challenge(numberForm(context, null, "phoneLimitAcrossLogins"));
            }
            case NOT_SENT -> {
                context.getAuthenticationSession().removeAuthNote(NOTE_PENDING);
                context.challenge(numberForm(context, null, "phoneNotSent"));
            }
        }
    }

    private static SmsOneTimeCode code(RequiredActionContext context) {
        return new SmsOneTimeCode(context.getSession(), context.getRealm(), context.getAuthenticationSession(), PURPOSE);
    }

    /** The page that shows the registration's number (its last three digits) and asks whether to send it a code. */
    private static Response offerForm(RequiredActionContext context, String phone) {
        return context.form()
                .setAttribute("phoneStep", "offer")
                .setAttribute("smsPhone", SmsOneTimeCode.masked(phone))
                .createForm(FORM);
    }

    /** The page that asks for the code sent to {@code phone} (only its last three digits are shown). */
    private static LoginFormsProvider codeForm(RequiredActionContext context, String phone) {
        return context.form()
                .setAttribute("phoneStep", "code")
                .setAttribute("smsPhone", SmsOneTimeCode.masked(phone))
                .setAttribute("smsDigits", SmsOneTimeCode.DIGITS)
                .setAttribute("smsLifespanMinutes", SmsOneTimeCode.LIFESPAN_SECONDS / 60);
    }

    /** The page that asks for a number, or lets the citizen go on without one; no more codes once this login is out of them. */
    private static Response numberForm(RequiredActionContext context, FormMessage fieldError, String error) {
        LoginFormsProvider form = context.form()
                .setAttribute("phoneStep", "number")
                .setAttribute("phoneCanSend", !code(context).lockedForThisLogin() && error == null);
        if (fieldError != null) {
            form.addError(fieldError);
        }
        if (error != null) {
            form.setError(error);
        }
        return form.createForm(FORM);
    }

    /** What the raise does with the registration's number: off the account, waiting for its code in this login. */
    public static void takeOffUntilConfirmed(UserModel user, AuthenticationSessionModel auth) {
        String phone = user.getFirstAttribute(CitizenAttributes.PHONE_NUMBER);
        user.removeAttribute(CitizenAttributes.PHONE_NUMBER);
        user.removeAttribute(CitizenAttributes.PHONE_NUMBER_PROVEN);
        if (phone != null) {
            auth.setAuthNote(NOTE_PENDING, phone);
            auth.addRequiredAction(ID);
        }
    }

    @Override
    public void close() {
    }
}
