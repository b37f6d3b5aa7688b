package vn.dinhdanh.idp.audit;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import vn.dinhdanh.idp.admin.OperatorAccess;

/**
 * The audit trail for operators and auditors, at {@code /realms/master/dinhdanh-audit} (master-realm role
 * {@value #ROLE}, or a master administrator, through an operator client):
 * <ul>
 *   <li>{@code GET verification}: the chain checked now ({@link AuditChainVerifier});</li>
 *   <li>{@code POST checkpoints}: a signed checkpoint written now in each chain that grew since its last one.</li>
 * </ul>
 */
@Produces(MediaType.APPLICATION_JSON)
public final class AuditTrailResource {

    public static final String ROLE = "dinhdanh-audit-admin";
    private final KeycloakSession session;

    AuditTrailResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Path("verification")
    public Response verification() {
        Optional<Response> refusal = refusal();
        if (refusal.isPresent()) {
            return refusal.get();
        }
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        AuditChainVerifier.Result result = em.unwrap(Session.class).doReturningWork(AuditChainVerifier::verify);
        return Response.ok(asJson(result)).build();
    }

    @POST
    @Path("checkpoints")
    public Response checkpoint() {
        Optional<Response> refusal = refusal();
        if (refusal.isPresent()) {
            return refusal.get();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        var written = AuditTrail.checkpoint(session);
        body.put("written", !written.isEmpty());
        body.put("chains", written.size());
        return Response.ok(body).build();
    }

    private Optional<Response> refusal() {
        if (!"master".equals(session.getContext().getRealm().getName())) {
            return Optional.of(OperatorAccess.error(Response.Status.NOT_FOUND, "not_found", "The audit trail is the server's: ask the master realm"));
        }
        return OperatorAccess.refusal(session, ROLE);
    }

    public static Map<String, Object> asJson(AuditChainVerifier.Result result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("intact", result.intact());
        body.put("records", result.records());
        body.put("checkpoints", result.checkpoints());
        body.put("checkpointKeys", result.checkpointKeys());
        result.firstProblem().ifPresent(f -> body.put("firstProblem", Map.of("chain", f.chain(), "seq", f.seq(), "problem", f.problem().name(), "explanation", f.explanation())));
        return body;
    }
}
