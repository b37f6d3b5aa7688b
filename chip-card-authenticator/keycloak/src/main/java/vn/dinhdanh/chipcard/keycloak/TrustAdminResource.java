package vn.dinhdanh.chipcard.keycloak;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import vn.dinhdanh.icao.IcaoException;
import vn.dinhdanh.icao.trust.TrustStore;
import vn.dinhdanh.idp.admin.OperatorAccess;

/**
 * The chip-card trust anchors in force (CSCA certificates, CRLs, files that failed to load), at
 * {@code /realms/master/chip-card/trust}, and an immediate re-read of the trust folder ({@code POST .../reload})
 * after an operator put a new CRL or CSCA there. The server also re-reads the folder by itself within 30 seconds
 * of a change. Caller: a master-realm user with the role {@value #ROLE}, or a master-realm administrator.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class TrustAdminResource {

    public static final String ROLE = "dinhdanh-trust-admin";

    private final KeycloakSession session;

    TrustAdminResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    public Response trust() {
        return answer(false);
    }

    @POST
    @Path("reload")
    public Response reload() {
        return answer(true);
    }

    private Response answer(boolean reload) {
        if (!"master".equals(session.getContext().getRealm().getName())) {
            // the trust is the whole server's: only the master realm's operators see or change it
            return OperatorAccess.error(Response.Status.NOT_FOUND, "not_found", "Chip-card trust is administered in the master realm");
        }
        Optional<Response> refusal = OperatorAccess.refusal(session, ROLE);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        TrustStore trust;
        try {
            trust = ChipCardSettings.current().reloadTrust(reload);
        } catch (IcaoException | IllegalStateException e) {
            return OperatorAccess.error(Response.Status.SERVICE_UNAVAILABLE, "trust_unavailable", e.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("loadedAt", trust.loadedAt().toString());
        body.put("cscas", trust.cscas().stream().map(c -> Map.of(
                "subject", c.subject().toString(),
                "notAfter", c.certificate().getNotAfter().toInstant().toString(),
                "link", c.isLink())).toList());
        body.put("crls", trust.crls().stream().map(crl -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("issuer", crl.getIssuer().toString());
            m.put("thisUpdate", crl.getThisUpdate().toInstant().toString());
            m.put("nextUpdate", crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant().toString());
            m.put("revoked", crl.getRevokedCertificates().size());
            return m;
        }).toList());
        List<Map<String, String>> issues = trust.issues().stream().map(i -> Map.of("source", i.source(), "code", i.code().name())).toList();
        body.put("issues", issues);
        body.put("warnings", ChipCardSettings.current().expiryWarnings(trust).stream()
                .map(w -> Map.of("code", w.code().name(), "name", w.name(), "at", w.at().toString())).toList());
        return ChipCardAppResource.ok(body);
    }
}
