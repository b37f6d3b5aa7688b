package vn.dinhdanh.idp.admin;

import vn.dinhdanh.idp.keycloak.KeycloakInternals;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * Who may call dinhdanh's operator endpoints: a bearer token of the realm in the URL, issued for an operator client
 * (in master, Keycloak's admin clients; elsewhere the realm attribute {@value #OPERATOR_CLIENTS}) or for the audience
 * {@value #OPERATOR_AUDIENCE}, whose user holds the given realm role, or the {@code admin} role when the realm is
 * {@code master}. Refusals are JSON errors with a stable code.
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
        if (!forOperators(session.getContext().getRealm(), auth.get())) {
            return Optional.of(error(Response.Status.FORBIDDEN, "token_not_for_operators",
                    "The token was not issued for an operator client: use one of " + String.join(", ", operatorClients(session.getContext().getRealm()))
                            + ", or a token for the audience " + OPERATOR_AUDIENCE));
        }
        if (!holds(session.getContext().getRealm(), auth.get().user(), role)) {
            return Optional.of(error(Response.Status.FORBIDDEN, "forbidden", "The realm role " + role + " is required"));
        }
        return Optional.empty();
    }

    /** A token for this audience is an operator's token whatever client asked for it (an audience mapper adds it). */
    public static final String OPERATOR_AUDIENCE = "dinhdanh-operator";
    /** Realm attribute: the comma-separated clients whose tokens may call the operator endpoints. */
    public static final String OPERATOR_CLIENTS = "dinhdanh.operator.clients";
    /** In the master realm, Keycloak's own administration clients, unless the realm says otherwise. */
    static final List<String> MASTER_OPERATOR_CLIENTS = List.of("admin-cli", "security-admin-console");

    /** The clients whose tokens are operators' tokens in this realm (none by default outside master). */
    static List<String> operatorClients(RealmModel realm) {
        String listed = realm.getAttribute(OPERATOR_CLIENTS);
        if (listed != null && !listed.isBlank()) {
            return Arrays.stream(listed.split(",")).map(String::trim).filter(c -> !c.isEmpty()).toList();
        }
        return "master".equals(realm.getName()) ? MASTER_OPERATOR_CLIENTS : List.of();
    }

    /**
     * Whether the token was issued for operating this server: to one of the realm's operator clients, or for the
     * operator audience. A citizen's token from a portal, or any other client's, is not, whatever roles its user has.
     */
    static boolean forOperators(RealmModel realm, KeycloakInternals.BearerToken token) {
        String[] audience = token.token().getAudience();
        boolean operatorAudience = audience != null && Arrays.asList(audience).contains(OPERATOR_AUDIENCE);
        return operatorAudience || operatorClients(realm).contains(token.token().getIssuedFor());
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
