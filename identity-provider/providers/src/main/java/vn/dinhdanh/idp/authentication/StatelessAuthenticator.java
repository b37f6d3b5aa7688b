package vn.dinhdanh.idp.authentication;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A dinhdanh authenticator: one shared instance, nothing for the citizen to set up, nothing to close. Only
 * {@link #authenticate}, {@link #action} and {@link #requiresUser} are its own.
 */
public interface StatelessAuthenticator extends Authenticator {

    @Override
    default boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    default void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    default void close() {
    }
}
