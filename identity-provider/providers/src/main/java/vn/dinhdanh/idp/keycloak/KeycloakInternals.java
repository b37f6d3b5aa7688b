package vn.dinhdanh.idp.keycloak;

import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.error.KeycloakErrorHandler;

/**
 * Every use dinhdanh makes of a Keycloak class that is not a public SPI, in one place, so that a Keycloak upgrade
 * touches this file only. Each method says what it stands for and what would break.
 */
public final class KeycloakInternals {

    private KeycloakInternals() {
    }

    /**
     * Keycloak's own answer to an exception no endpoint handled (its {@code KeycloakErrorHandler}: the transaction
     * rolled back, a 500 as JSON or as the error page, the exception logged). dinhdanh's exception mappers hand back to
     * it whatever they do not answer themselves.
     */
    public static Response uncaughtErrorResponse(KeycloakSession session, Throwable error) {
        return KeycloakErrorHandler.getResponse(session, error);
    }

    /** The log category of Keycloak's handler of uncaught exceptions (it logs each one with its message). */
    public static final String UNCAUGHT_ERROR_LOG_CATEGORY = KeycloakErrorHandler.class.getName();
}
