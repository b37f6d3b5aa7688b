package vn.dinhdanh.chipcard.keycloak;

/**
 * Stable, machine-readable outcomes of the chip-card contracts (login and eKYC). The app, the browser page and
 * relying parties read {@link #code()}; the login theme has a message {@code chipCardError.<code>} for each.
 */
public enum ChipCardError {
    REQUEST_NOT_FOUND(404),
    REQUEST_EXPIRED(410),
    REQUEST_USED(409),
    /** Another submission for this request is being checked right now; send this one again in a moment. */
    REQUEST_BUSY(409),
    /** Too many requests from this client or address in a short time; retry after the Retry-After seconds. */
    RATE_LIMITED(429),
    TOO_MANY_ATTEMPTS(429),
    REQUEST_BINDING_MISMATCH(409),
    INVALID_EVIDENCE(400),
    CHALLENGE_REPLAYED(409),
    PASSIVE_AUTHENTICATION_FAILED(422),
    ACTIVE_AUTHENTICATION_FAILED(422),
    PIN_MISMATCH(422),
    CITIZEN_NOT_IN_REGISTRY(422),
    CITIZEN_DECEASED(422),
    CARD_NOT_IN_REGISTRY(422),
    CARD_REVOKED(422),
    CARD_REPORTED_LOST(422),
    CARD_REPLACED(422),
    CARD_EXPIRED(422),
    NOT_AUTHORIZED(401),
    FORBIDDEN(403),
    /** The population registry did not answer; the submission does not count as a bad one. */
    REGISTRY_UNAVAILABLE(503);

    private final int httpStatus;

    ChipCardError(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public int httpStatus() {
        return httpStatus;
    }
}
