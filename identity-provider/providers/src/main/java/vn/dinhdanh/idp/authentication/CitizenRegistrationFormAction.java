package vn.dinhdanh.idp.authentication;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.keycloak.authentication.FormAction;
import org.keycloak.authentication.FormContext;
import org.keycloak.authentication.ValidationContext;
import jakarta.ws.rs.core.MultivaluedHashMap;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.policy.PasswordPolicyManagerProvider;
import org.keycloak.policy.PolicyError;
import vn.dinhdanh.idp.assurance.VerificationAttributes;
import vn.dinhdanh.idp.federation.CitizenAttributes;
import vn.dinhdanh.idp.federation.CitizenStorageProvider;
import vn.dinhdanh.idp.federation.MobileNumber;
import vn.dinhdanh.idp.limits.RateLimits;
import vn.dinhdanh.idp.protocol.AuthenticationMethods;
import vn.dinhdanh.idp.registry.PopulationRegistryProvider;
import vn.dinhdanh.registry.Citizen;
import vn.dinhdanh.registry.RegistryUnavailableException;
import vn.dinhdanh.registry.CitizenNames;
import vn.dinhdanh.registry.InvalidPersonalIdNumberException;
import vn.dinhdanh.registry.PartialDate;
import vn.dinhdanh.registry.PersonalIdNumber;

/**
 * Level-1 self-registration (Decree 69/2024): the citizen's declared ID number, full name and date
 * of birth are matched against the population registry before the account is created. A mismatch
 * gets one message that does not say which field was wrong. Keycloak's own password action, placed
 * after this one in the form flow, sets the password under the realm's password policy.
 */
public final class CitizenRegistrationFormAction implements FormAction {

    public static final String FIELD_PIN = "username";
    public static final String FIELD_FULL_NAME = "full_name";
    public static final String FIELD_BIRTHDATE = "birthdate";
    public static final String FIELD_PHONE = "phone_number";
    static final String FIELD_PASSWORD = "password";
    static final String FIELD_PASSWORD_CONFIRM = "password-confirm";
    static final String NOTE_PIN = "dinhdanh.registration.pin";
    private static final String SESSION_RECORD = "dinhdanh.registration.record";
    static final String NOTE_PHONE = "dinhdanh.registration.phone";

    @Override
    public void buildPage(FormContext context, LoginFormsProvider form) {
    }

    @Override
    public void validate(ValidationContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        List<FormMessage> errors = new ArrayList<>();
        String rawPin = trimmed(form.getFirst(FIELD_PIN));
        String fullName = trimmed(form.getFirst(FIELD_FULL_NAME));
        String rawBirthdate = trimmed(form.getFirst(FIELD_BIRTHDATE));
        String rawPhone = trimmed(form.getFirst(FIELD_PHONE)).replace(" ", "");

        if (rawPin.isEmpty()) errors.add(new FormMessage(FIELD_PIN, "missingPersonalIdNumberMessage"));
        if (fullName.isEmpty()) errors.add(new FormMessage(FIELD_FULL_NAME, "missingFullNameMessage"));
        if (rawBirthdate.isEmpty()) errors.add(new FormMessage(FIELD_BIRTHDATE, "missingBirthdateMessage"));
        if (rawPhone.isEmpty()) errors.add(new FormMessage(FIELD_PHONE, "missingPhoneNumberMessage"));
        if (!errors.isEmpty()) {
            reject(context, form, RegistryErrors.MISSING_FIELDS, errors);
            return;
        }

        PersonalIdNumber pin;
        try {
            pin = PersonalIdNumber.parse(rawPin);
        } catch (InvalidPersonalIdNumberException e) {
            context.getEvent().detail("reason", e.reason().code());
            reject(context, form, RegistryErrors.INVALID_PERSONAL_ID_NUMBER,
                    List.of(new FormMessage(FIELD_PIN, "personalIdNumberError." + e.reason().code())));
            return;
        }
        LocalDate birthdate;
        try {
            birthdate = LocalDate.parse(rawBirthdate);
        } catch (DateTimeParseException e) {
            reject(context, form, RegistryErrors.INVALID_BIRTHDATE, List.of(new FormMessage(FIELD_BIRTHDATE, "invalidBirthdateMessage")));
            return;
        }
        if (birthdate.getYear() != pin.birthYear()) {
            reject(context, form, RegistryErrors.BIRTH_YEAR_DISAGREES_WITH_PIN,
                    List.of(new FormMessage(FIELD_BIRTHDATE, "birthYearDisagreesWithPinMessage")));
            return;
        }
        Optional<String> phone = MobileNumber.international(rawPhone);
        if (phone.isEmpty()) {
            reject(context, form, RegistryErrors.INVALID_PHONE_NUMBER, List.of(new FormMessage(FIELD_PHONE, "invalidPhoneNumberMessage")));
            return;
        }

        // The password policy first: its answer must not depend on whether the details match the registry.
        Optional<FormMessage> passwordProblem = passwordProblem(context, pin, form);
        if (passwordProblem.isPresent()) {
            reject(context, form, RegistryErrors.INVALID_PASSWORD, List.of(passwordProblem.get()));
            return;
        }
        // Every refusal below depends on registry data: one limit for them per number and per client address, and one
        // answer for all of them, so that the page confirms nothing (a name, a birth date, an account, a death).
        RateLimits limits = new RateLimits(context.getSession(), context.getRealm());
        String address = context.getConnection().getRemoteAddr();
        OptionalLong wait = limits.exhausted(REFUSALS_PER_NUMBER, pin.value());
        if (wait.isEmpty()) {
            wait = limits.exhausted(REFUSALS_PER_ADDRESS, address);
        }
        if (wait.isPresent()) {
            reject(context, form, RegistryErrors.TOO_MANY_REGISTRATION_ATTEMPTS,
                    List.of(new FormMessage(null, "registrationTooManyAttemptsMessage", Long.toString(Math.max(1, (wait.getAsLong() + 59) / 60)))));
            return;
        }
        Optional<Citizen> found;
        try {
            found = PopulationRegistryProvider.of(context.getSession()).findCitizen(pin);
        } catch (RegistryUnavailableException e) {
            reject(context, form, RegistryErrors.REGISTRY_UNAVAILABLE, List.of(new FormMessage(null, "registryUnavailableMessage")));
            return;
        }
        Optional<String> refusal = registryRefusal(context, pin, birthdate, fullName, found);
        if (refusal.isPresent()) {
            limits.take(REFUSALS_PER_NUMBER, pin.value());
            limits.take(REFUSALS_PER_ADDRESS, address);
            reject(context, form, refusal.get(), List.of(new FormMessage(null, "registryMismatchMessage")));
            return;
        }
        Citizen citizen = found.get();
        context.getAuthenticationSession().setAuthNote(NOTE_PIN, pin.value());
        // success() runs in this same request: it makes the account from this record, without asking the registry again
        context.getSession().setAttribute(SESSION_RECORD, citizen);
        context.getAuthenticationSession().setAuthNote(NOTE_PHONE, phone.get());
        context.success();
    }

    /** Refusals that depend on registry data, counted per number typed: enough for a citizen's typing mistakes. */
    static final RateLimits.Limit REFUSALS_PER_NUMBER = new RateLimits.Limit("registration.number", 5, 3600);
    /** The same per client address (generous: many citizens share a mobile operator's address). */
    static final RateLimits.Limit REFUSALS_PER_ADDRESS = new RateLimits.Limit("registration.address", 100, 3600);

    /** The event code of a refusal that depends on registry data, if the registry or the realm refuses these details. */
    private static Optional<String> registryRefusal(ValidationContext context, PersonalIdNumber pin, LocalDate birthdate, String fullName,
                                                    Optional<Citizen> found) {
        if (found.isEmpty()) {
            return Optional.of(RegistryErrors.CITIZEN_NOT_FOUND);
        }
        Citizen citizen = found.get();
        if (!CitizenNames.sameName(citizen.fullName(), fullName) || !sameBirthdate(citizen.dateOfBirth(), birthdate)) {
            return Optional.of(RegistryErrors.REGISTRY_MISMATCH);
        }
        if (pin.disagreementWith(citizen.sex(), citizen.dateOfBirth().year()).isPresent()) {
            return Optional.of(RegistryErrors.PIN_DISAGREES_WITH_REGISTRY);
        }
        if (citizen.isDeceased()) {
            return Optional.of(RegistryErrors.CITIZEN_DECEASED);
        }
        if (hasAccount(context.getSession(), context.getRealm(), pin)) {
            return Optional.of(RegistryErrors.ACCOUNT_EXISTS);
        }
        return Optional.empty();
    }

    /** The password's problem under the realm's policy (or a confirmation that differs), as Keycloak's password step words it. */
    private static Optional<FormMessage> passwordProblem(ValidationContext context, PersonalIdNumber pin, MultivaluedMap<String, String> form) {
        String password = form.getFirst(FIELD_PASSWORD);
        if (password == null || password.isEmpty()) {
            return Optional.of(new FormMessage(FIELD_PASSWORD, "missingPasswordMessage"));
        }
        if (!password.equals(form.getFirst(FIELD_PASSWORD_CONFIRM))) {
            return Optional.of(new FormMessage(FIELD_PASSWORD_CONFIRM, "invalidPasswordConfirmMessage"));
        }
        PolicyError error = context.getSession().getProvider(PasswordPolicyManagerProvider.class).validate(pin.value(), password);
        return error == null ? Optional.empty() : Optional.of(new FormMessage(FIELD_PASSWORD, error.getMessage(), error.getParameters()));
    }

    /** A registry record with only a year, or a year and month, matches on the parts it has. */
    static boolean sameBirthdate(PartialDate registry, LocalDate declared) {
        return registry.year() == declared.getYear()
                && registry.month().orElse(declared.getMonthValue()) == declared.getMonthValue()
                && registry.day().orElse(declared.getDayOfMonth()) == declared.getDayOfMonth();
    }

    private static boolean hasAccount(KeycloakSession session, RealmModel realm, PersonalIdNumber pin) {
        UserModel existing = session.users().getUserByUsername(realm, pin.value());
        return existing != null
                && (existing.getFirstAttribute(CitizenAttributes.ACCOUNT_LEVEL) != null
                || existing.credentialManager().isConfiguredFor(PasswordCredentialModel.TYPE));
    }

    private static void reject(ValidationContext context, MultivaluedMap<String, String> form, String error, List<FormMessage> messages) {
        // Show back what the citizen typed, except the passwords; the request's own form stays as it was, so the
        // password action does not report a missing password on top of this error.
        MultivaluedMap<String, String> shown = new MultivaluedHashMap<>(form);
        shown.remove(FIELD_PASSWORD);
        shown.remove(FIELD_PASSWORD_CONFIRM);
        context.getEvent().removeDetail(Details.USERNAME);
        context.error(error);
        context.validationError(shown, messages);
        if (messages.size() == 1) {
            // Keycloak keeps only the first error of an action that excludes the others: right for a registry
            // refusal (the password's own complaints would only distract), wrong for several empty fields.
            context.excludeOtherErrors();
        }
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }

    @Override
    public void success(FormContext context) {
        String pin = context.getAuthenticationSession().getAuthNote(NOTE_PIN);
        Citizen record = context.getSession().getAttribute(SESSION_RECORD, Citizen.class);
        UserModel user = record != null && record.personalIdNumber().value().equals(pin)
                ? CitizenStorageProvider.importAfterProof(context.getSession(), context.getRealm(), record)
                : CitizenStorageProvider.importAfterProof(context.getSession(), context.getRealm(), pin);
        user.setSingleAttribute(CitizenAttributes.PHONE_NUMBER, context.getAuthenticationSession().getAuthNote(NOTE_PHONE));
        user.setSingleAttribute(CitizenAttributes.ACCOUNT_LEVEL, "1");
        // the registry match validate() made in this request: the level-1 verification verified_claims report
        VerificationAttributes.recordRegistryMatch(user, java.time.Instant.ofEpochMilli(org.keycloak.common.util.Time.currentTimeMillis()));
        context.setUser(user);
        // The citizen just chose the password this login is made with: amr says so, as a password login's would.
        AuthenticationMethods.add(context.getAuthenticationSession(), "pwd");
        context.getEvent().user(user).detail(Details.REGISTER_METHOD, "form").detail("account_level", "1").removeDetail(Details.USERNAME);
        // Keycloak's own user-creation action, which this one replaces, is what records REGISTER.
        context.getEvent().clone().event(EventType.REGISTER).success();
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
