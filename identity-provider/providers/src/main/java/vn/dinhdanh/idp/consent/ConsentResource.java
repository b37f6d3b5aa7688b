package vn.dinhdanh.idp.consent;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.AccessToken;
import vn.dinhdanh.idp.admin.OperatorAccess;
import vn.dinhdanh.idp.events.AuditLog;
import vn.dinhdanh.idp.keycloak.KeycloakInternals;

/**
 * A citizen's consents, at {@code /realms/{realm}/dinhdanh-consents}, with a token of their own that may manage their
 * account (the account console's, whose roles {@code manage-account} or {@code manage-consent} of the {@code account}
 * client it carries):
 * <ul>
 *   <li>{@code GET}: the decision that stands for each purpose of each relying party, and every record, oldest first,
 *       each with its time, claims, language and the exact wording shown;</li>
 *   <li>{@code DELETE {client}/{purpose}}: withdraws one consent ({@link ConsentWithdrawal#purpose}); 204, or 404
 *       {@code consent_not_found} when that purpose does not stand given.</li>
 * </ul>
 */
@Produces(MediaType.APPLICATION_JSON)
public final class ConsentResource {

    private final KeycloakSession session;

    ConsentResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    public Response list() {
        Optional<KeycloakInternals.BearerToken> citizen = citizen();
        if (citizen.isEmpty()) {
            return refusal();
        }
        RealmModel realm = session.getContext().getRealm();
        List<ConsentRecord> history = new ConsentRecords(session).history(realm.getId(), citizen.get().user().getId(), null);
        Map<String, ConsentRecord> standing = new LinkedHashMap<>();
        history.forEach(r -> standing.put(r.client() + " " + r.purpose(), r));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("consents", standing.values().stream().map(r -> asJson(realm, r)).toList());
        body.put("records", history.stream().map(r -> asJson(realm, r)).toList());
        return Response.ok(body).build();
    }

    @DELETE
    @Path("{client}/{purpose}")
    public Response withdraw(@PathParam("client") String clientId, @PathParam("purpose") String purpose) {
        Optional<KeycloakInternals.BearerToken> citizen = citizen();
        if (citizen.isEmpty()) {
            return refusal();
        }
        RealmModel realm = session.getContext().getRealm();
        ClientModel client = realm.getClientByClientId(clientId);
        if (client == null || !ConsentWithdrawal.purpose(session, realm, citizen.get().user(), client, purpose)) {
            return OperatorAccess.error(Response.Status.NOT_FOUND, "consent_not_found",
                    "No consent stands given for this relying party and purpose");
        }
        AuditLog.event(session, "CONSENT_WITHDRAWN").with("realm", realm.getName()).with("client", clientId)
                .with("user", citizen.get().user().getId()).with("purpose", purpose).success();
        return Response.noContent().build();
    }

    /** The caller, if a citizen's token that may manage their own account. */
    private Optional<KeycloakInternals.BearerToken> citizen() {
        return KeycloakInternals.verifiedBearerToken(session).filter(t -> t.user() != null).filter(t -> {
            AccessToken.Access account = t.token().getResourceAccess("account");
            return account != null && (account.isUserInRole("manage-account") || account.isUserInRole("manage-consent"));
        });
    }

    private Response refusal() {
        return KeycloakInternals.verifiedBearerToken(session).isEmpty()
                ? OperatorAccess.error(Response.Status.UNAUTHORIZED, "not_authenticated", "A bearer token of this realm is required")
                : OperatorAccess.error(Response.Status.FORBIDDEN, "token_not_for_account",
                        "The token may not manage the citizen's account: use a token of the account console");
    }

    private static Map<String, Object> asJson(RealmModel realm, ConsentRecord r) {
        Map<String, Object> json = new LinkedHashMap<>();
        ClientModel client = realm.getClientByClientId(r.client());
        json.put("client", r.client());
        json.put("relyingParty", client == null || client.getName() == null ? r.client() : client.getName());
        json.put("purpose", r.purpose());
        json.put("decision", r.decision().name().toLowerCase(java.util.Locale.ROOT));
        json.put("claims", r.claims());
        json.put("recordedAt", Instant.ofEpochMilli(r.recordedAt()).toString());
        json.put("source", r.source());
        if (r.wording() != null) {
            json.put("locale", r.locale());
            json.put("wording", r.wording());
            json.put("wordingSha256", r.wordingSha256());
        }
        return json;
    }
}
