package vn.dinhdanh.chipcard.keycloak;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import vn.dinhdanh.icao.IcaoException;
import vn.dinhdanh.idp.events.AuditLog;
import vn.dinhdanh.idp.limits.RateLimits;
import vn.dinhdanh.registry.RegistryUnavailableException;

/**
 * The mobile app's side of the cross-device chip-card login (contract version 1), at
 * {@code /realms/{realm}/chip-card}:
 * <ul>
 *   <li>{@code GET requests/{handle or short code}}: the challenge, its expiry, the service and the level;</li>
 *   <li>{@code POST requests/{handle}/evidence}: the card evidence; answers {@code verified} or an error code;</li>
 *   <li>{@code GET requests/{handle}/status}: what the browser page polls.</li>
 * </ul>
 * Every error is a JSON object {@code {"error": code, "error_description": text}} with a stable code.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class ChipCardAppResource {

    public static final String CONTRACT_VERSION = "1";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final KeycloakSession session;
    private final ChipCardRequests requests;

    ChipCardAppResource(KeycloakSession session) {
        this.session = session;
        this.requests = new ChipCardRequests(session);
    }

    @Path("ekyc")
    public EkycResource ekyc() {
        return new EkycResource(session);
    }

    @Path("trust")
    public TrustAdminResource trust() {
        return new TrustAdminResource(session);
    }

    @GET
    @Path("requests/{ref}")
    public Response request(@PathParam("ref") String ref) {
        Optional<ChipCardRequest> found = requests.find(ref).filter(this::inThisRealm);
        if (found.isEmpty()) {
            return error(ChipCardError.REQUEST_NOT_FOUND, "No pending chip-card request has this handle or code");
        }
        ChipCardRequest r = found.get();
        Optional<Response> unusable = unusable(r);
        if (unusable.isPresent()) {
            return unusable.get();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", CONTRACT_VERSION);
        body.put("handle", r.handle());
        body.put("challenge", Base64.getEncoder().encodeToString(r.challenge()));
        body.put("expiresAt", r.expiresAt());
        body.put("service", r.service());
        body.put("level", r.level());
        body.put("evidenceUrl", session.getContext().getUri().getBaseUriBuilder().path("realms").path(session.getContext().getRealm().getName())
                .path("chip-card").path("requests").path(r.handle()).path("evidence").build().toString());
        return ok(body);
    }

    @POST
    @Path("requests/{handle}/evidence")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response evidence(@PathParam("handle") String handle, InputStream body) {
        Optional<ChipCardRequest> found = requests.find(handle).filter(r -> r.handle().equals(handle)).filter(this::inThisRealm);
        if (found.isEmpty()) {
            return error(ChipCardError.REQUEST_NOT_FOUND, "No pending chip-card request has this handle");
        }
        OptionalLong wait = new RateLimits(session, session.getContext().getRealm())
                .take(RateLimits.CHIP_EVIDENCE_PER_ADDRESS, session.getContext().getConnection().getRemoteAddr());
        if (wait.isPresent()) {
            return rateLimited(wait.getAsLong(), "Too many card submissions from this address: retry after the Retry-After seconds");
        }
        Optional<ChipCardRequest> taken = requests.takeForAnswer(handle);
        if (taken.isEmpty()) {
            // held by another submission, or released by it a moment ago: the request is still there, so try again
            return requests.busy(handle) || requests.find(handle).isPresent()
                    ? error(ChipCardError.REQUEST_BUSY, "Another submission for this request is being checked: send this one again in a moment")
                    : error(ChipCardError.REQUEST_NOT_FOUND, "No pending chip-card request has this handle");
        }
        try {
            return answer(taken.get(), body);
        } finally {
            requests.release(handle);
        }
    }

    /** Checks one submission of a request this thread holds, and records its outcome. */
    private Response answer(ChipCardRequest request, InputStream body) {
        String handle = request.handle();
        Optional<Response> unusable = unusable(request);
        if (unusable.isPresent()) {
            return unusable.get();
        }
        ChipCardEvidenceJson.Parsed evidence;
        try {
            evidence = ChipCardEvidenceJson.parse(body);
        } catch (ChipCardEvidenceJson.InvalidEvidence e) {
            return fail(request, ChipCardError.INVALID_EVIDENCE, e.getMessage(), List.of());
        }
        if (evidence.signedChallenge().isPresent() && !Arrays.equals(evidence.signedChallenge().get(), request.challenge())) {
            boolean earlier = requests.issuerOf(evidence.signedChallenge().get()).filter(h -> !h.equals(handle)).isPresent();
            return fail(request, earlier ? ChipCardError.CHALLENGE_REPLAYED : ChipCardError.ACTIVE_AUTHENTICATION_FAILED,
                    earlier ? "The chip signed the challenge of an earlier request" : "The chip signed a challenge this server never issued", List.of());
        }
        ChipCardVerification.Verdict verdict;
        try {
            verdict = ChipCardVerification.verify(session, evidence.withChallenge(request.challenge()), LocalDate.now(VIETNAM));
        } catch (IcaoException e) {
            return error(ChipCardError.PASSIVE_AUTHENTICATION_FAILED, "The trust store could not be read");
        } catch (RegistryUnavailableException e) {
            AuditLog.event(session, "CHIP_CARD_EVIDENCE").with("realm", session.getContext().getRealm().getName())
                    .error(ChipCardError.REGISTRY_UNAVAILABLE.code());
            return error(ChipCardError.REGISTRY_UNAVAILABLE, "The population registry did not answer: post the same evidence again in a moment");
        }
        List<Map<String, String>> checks = checks(verdict);
        if (!verdict.verified()) {
            return fail(request, verdict.error().get(), "The card evidence was refused", checks);
        }
        String pin = verdict.pin().get().value();
        if (request.expectedPin() != null && !request.expectedPin().equals(pin)) {
            return fail(request, ChipCardError.PIN_MISMATCH, "This card belongs to someone other than the citizen logging in", checks);
        }
        requests.update(request.verified(pin, verdict.proof()));
        AuditLog.event(session, "CHIP_CARD_EVIDENCE").with("realm", session.getContext().getRealm().getName()).subject(pin).success();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "verified");
        answer.put("checks", checks);
        return ok(answer);
    }

    @GET
    @Path("requests/{handle}/status")
    public Response status(@PathParam("handle") String handle) {
        Optional<ChipCardRequest> found = requests.find(handle).filter(r -> r.handle().equals(handle)).filter(this::inThisRealm);
        Map<String, Object> body = new LinkedHashMap<>();
        if (found.isEmpty()) {
            body.put("status", "gone");
        } else if (found.get().expiredAt(Time.currentTime()) && found.get().status() != ChipCardRequest.Status.VERIFIED) {
            body.put("status", "expired");
            body.put("error", ChipCardError.REQUEST_EXPIRED.code());
        } else {
            body.put("status", found.get().status().name().toLowerCase(java.util.Locale.ROOT));
            if (found.get().error() != null) {
                body.put("error", found.get().error());
            }
        }
        return ok(body);
    }

    private boolean inThisRealm(ChipCardRequest r) {
        return r.realmId().equals(session.getContext().getRealm().getId());
    }

    private Optional<Response> unusable(ChipCardRequest r) {
        if (r.status() == ChipCardRequest.Status.VERIFIED) {
            return Optional.of(error(ChipCardError.REQUEST_USED, "This request has already been answered"));
        }
        if (r.status() == ChipCardRequest.Status.FAILED) {
            return Optional.of(error(ChipCardError.TOO_MANY_ATTEMPTS, "Too many bad submissions: start the login again"));
        }
        if (r.expiredAt(Time.currentTime())) {
            return Optional.of(error(ChipCardError.REQUEST_EXPIRED, "This request has expired: start the login again"));
        }
        return Optional.empty();
    }

    private Response fail(ChipCardRequest request, ChipCardError cause, String description, List<Map<String, String>> checks) {
        ChipCardRequest after = request.failedAttempt(cause, ChipCardSettings.current().maxAttempts());
        requests.update(after);
        AuditLog.event(session, "CHIP_CARD_EVIDENCE").with("realm", session.getContext().getRealm().getName()).with("attempts", after.attempts())
                .error(cause.code());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", cause.code());
        body.put("error_description", description);
        body.put("attemptsLeft", Math.max(0, ChipCardSettings.current().maxAttempts() - after.attempts()));
        if (!checks.isEmpty()) {
            body.put("checks", checks);
        }
        return Response.status(cause.httpStatus()).entity(body).cacheControl(noStore()).build();
    }

    static List<Map<String, String>> checks(ChipCardVerification.Verdict verdict) {
        return verdict.card().checks().stream().map(c -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("check", c.check().name());
            m.put("outcome", c.outcome().name());
            c.errorCode().ifPresent(code -> m.put("code", code.name()));
            return m;
        }).toList();
    }

    /** 429 {@code rate_limited}, with the seconds to wait in {@code Retry-After}. */
    static Response rateLimited(long retryAfterSeconds, String description) {
        return Response.fromResponse(error(ChipCardError.RATE_LIMITED, description)).header(RateLimits.RETRY_AFTER, retryAfterSeconds).build();
    }

    static Response error(ChipCardError error, String description) {
        return Response.status(error.httpStatus()).entity(Map.of("error", error.code(), "error_description", description))
                .cacheControl(noStore()).build();
    }

    static Response ok(Object body) {
        return Response.ok(body).cacheControl(noStore()).build();
    }

    private static CacheControl noStore() {
        CacheControl cc = new CacheControl();
        cc.setNoStore(true);
        return cc;
    }
}
