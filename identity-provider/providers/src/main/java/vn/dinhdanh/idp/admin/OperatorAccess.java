package vn.dinhdanh.idp.admin;

import vn.dinhdanh.idp.keycloak.KeycloakInternals;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * Who may call dinhdanh's operator endpoints: a bearer token of the realm in the URL whose user holds the given realm
 * role, or the {@code admin} role when the realm is {@code master}. Refusals are JSON errors with a stable code.
 */
public final class OperatorAccess {

    private OperatorAccess() {
    }

    /** The refusal to send, or empty when the caller may go on. */
    public static Optional<Response> refusal(KeycloakSession session, String role) {
        Optional<KeycloakInternals.BearerToken> auth = KeycloakInternals.verifiedBearerToken(session);
        if (auth.isEmpty()) {
            return Optional.of(error(Response.Status.UNAUTHORIZED, "not_authenticated", "A bearer token of this realm is required"));
        }
        if (!holds(session.getContext().getRealm(), auth.get().user(), role)) {
            return Optional.of(error(Response.Status.FORBIDDEN, "forbidden", "The realm role " + role + " is required"));
        }
        return Optional.empty();
    }

    private static boolean holds(RealmModel realm, UserModel user, String role) {
        RoleModel operator = realm.getRole(role);
        RoleModel masterAdmin = "master".equals(realm.getName()) ? realm.getRole("admin") : null;
        return user != null && ((operator != null && user.hasRole(operator)) || (masterAdmin != null && user.hasRole(masterAdmin)));
    }

    public static Response error(Response.Status status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", code, "error_description", message)).build();
    }
}
