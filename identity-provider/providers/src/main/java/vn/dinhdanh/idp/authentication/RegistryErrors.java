package vn.dinhdanh.idp.authentication;

/** Stable error codes that dinhdanh's registry checks put on Keycloak events. */
public final class RegistryErrors {

    public static final String CITIZEN_DECEASED = "citizen_deceased";
    /** The registry did not answer (down, too slow, or an answer that could not be read). */
    public static final String REGISTRY_UNAVAILABLE = "registry_unavailable";
    public static final String CITIZEN_NOT_IN_REGISTRY = "citizen_not_in_registry";
    public static final String CITIZEN_NOT_FOUND = "citizen_not_found";
    public static final String REGISTRY_MISMATCH = "registry_mismatch";
    public static final String INVALID_PERSONAL_ID_NUMBER = "invalid_personal_id_number";
    public static final String PIN_DISAGREES_WITH_REGISTRY = "pin_disagrees_with_registry";
    public static final String BIRTH_YEAR_DISAGREES_WITH_PIN = "birth_year_disagrees_with_pin";
    public static final String INVALID_BIRTHDATE = "invalid_birthdate";
    public static final String INVALID_PHONE_NUMBER = "invalid_phone_number";
    public static final String MISSING_FIELDS = "missing_fields";
    public static final String ACCOUNT_EXISTS = "account_exists";
    public static final String INVALID_PASSWORD = "invalid_password";
    public static final String TOO_MANY_REGISTRATION_ATTEMPTS = "too_many_registration_attempts";

    private RegistryErrors() {
    }
}
