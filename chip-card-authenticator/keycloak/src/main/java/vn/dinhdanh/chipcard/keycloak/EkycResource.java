package vn.dinhdanh.chipcard.keycloak;

import vn.dinhdanh.idp.limits.RateLimits;
import vn.dinhdanh.idp.keycloak.KeycloakInternals;
import vn.dinhdanh.idp.events.AuditLog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import vn.dinhdanh.icao.IcaoException;
import vn.dinhdanh.registry.RegistryUnavailableException;
import vn.dinhdanh.registry.Citizen;
import vn.dinhdanh.idp.assurance.ChipCardProof;
import vn.dinhdanh.idp.assurance.VerificationRecord;
import vn.dinhdanh.idp.assurance.VerifiedClaims;

/**
 * Chip verification for relying parties (eKYC), contract version 1, at {@code /realms/{realm}/chip-card/ekyc}.
 * A client holding a client-credentials token with the {@value #SCOPE} scope asks for a challenge, then posts
 * the card evidence and receives a verdict: each check, authenticity, the registry match, the life and card
 * status, and the citizen claims its scopes allow, also as {@code verified_claims} (OpenID Connect for Identity
 * Assurance 1.0, as in ID tokens and userinfo). No user session is created; every call is audited.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class EkycResource {

    public static final String SCOPE = "ekyc";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakSession session;
    private final ChipCardRequests requests;

    EkycResource(KeycloakSession session) {
        this.session = session;
        this.requests = new ChipCardRequests(session);
    }

    @POST
    @Path("challenges")
    public Response challenge() {
        Optional<KeycloakInternals.BearerToken> token = KeycloakInternals.verifiedBearerToken(session);
        Optional<Response> refusal = refusal(token);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        KeycloakInternals.BearerToken auth = token.get();
        ClientModel client = auth.client();
        OptionalLong wait = new RateLimits(session, session.getContext().getRealm()).take(RateLimits.EKYC_PER_CLIENT, client.getId());
        if (wait.isPresent()) {
            audit(client, "EKYC_REQUEST", ChipCardError.RATE_LIMITED.code());
            return ChipCardAppResource.rateLimited(wait.getAsLong(), "Too many eKYC calls by this client: retry after the Retry-After seconds");
        }
        ChipCardRequest r = requests.create(session.getContext().getRealm().getId(), binding(client), client.getClientId(), SCOPE, null,
                ChipCardSettings.current().requestLifespanSeconds(session.getContext().getRealm()));
        audit(client, "EKYC_CHALLENGE", null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", ChipCardAppResource.CONTRACT_VERSION);
        body.put("challengeId", r.handle());
        body.put("challenge", Base64.getEncoder().encodeToString(r.challenge()));
        body.put("expiresAt", r.expiresAt());
        return ChipCardAppResource.ok(body);
    }

    @POST
    @Path("verifications")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response verify(InputStream body) {
        Optional<KeycloakInternals.BearerToken> token = KeycloakInternals.verifiedBearerToken(session);
        Optional<Response> refusal = refusal(token);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        KeycloakInternals.BearerToken auth = token.get();
        ClientModel client = auth.client();
        OptionalLong wait = new RateLimits(session, session.getContext().getRealm()).take(RateLimits.EKYC_PER_CLIENT, client.getId());
        if (wait.isPresent()) {
            audit(client, "EKYC_REQUEST", ChipCardError.RATE_LIMITED.code());
            return ChipCardAppResource.rateLimited(wait.getAsLong(), "Too many eKYC calls by this client: retry after the Retry-After seconds");
        }
        JsonNode root;
        ChipCardEvidenceJson.Parsed evidence;
        try {
            byte[] bytes = body.readNBytes(ChipCardEvidenceJson.MAX_BYTES + 1);
            if (bytes.length > ChipCardEvidenceJson.MAX_BYTES) {
                throw new ChipCardEvidenceJson.InvalidEvidence("The evidence is too large");
            }
            root = ChipCardEvidenceJson.readTree(bytes);
            evidence = ChipCardEvidenceJson.parse(root);
        } catch (IOException e) {
            return refuse(client, ChipCardError.INVALID_EVIDENCE, "The evidence is not valid JSON");
        } catch (ChipCardEvidenceJson.InvalidEvidence e) {
            return refuse(client, ChipCardError.INVALID_EVIDENCE, e.getMessage());
        }
        String challengeId = root.path("challengeId").asText("");
        Optional<ChipCardRequest> request = requests.find(challengeId).filter(r -> r.handle().equals(challengeId));
        if (request.isEmpty() || !request.get().authSession().equals(binding(client))) {
            return refuse(client, ChipCardError.REQUEST_NOT_FOUND, "Unknown challengeId for this client");
        }
        if (requests.consume(challengeId).isEmpty()) {
            return refuse(client, ChipCardError.REQUEST_USED, "This challenge has already been answered");
        }
        if (request.get().expiredAt(Time.currentTime())) {
            return refuse(client, ChipCardError.REQUEST_EXPIRED, "This challenge has expired");
        }
        ChipCardVerification.Verdict verdict;
        try {
            verdict = ChipCardVerification.verify(session, evidence.withChallenge(request.get().challenge()), LocalDate.now(VIETNAM));
        } catch (IcaoException e) {
            return refuse(client, ChipCardError.PASSIVE_AUTHENTICATION_FAILED, "The trust store could not be read");
        } catch (RegistryUnavailableException e) {
            return refuse(client, ChipCardError.REGISTRY_UNAVAILABLE, "The population registry did not answer: ask for a new challenge and try again");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("version", ChipCardAppResource.CONTRACT_VERSION);
        answer.put("verdict", verdict.verified() ? "verified" : "refused");
        verdict.error().ifPresent(e -> answer.put("error", e.code()));
        answer.put("authenticity", Map.of(
                "passiveAuthentication", verdict.card().passiveAuthenticationPassed(),
                "activeAuthentication", verdict.card().activeAuthenticationPassed()));
        Map<String, Object> registry = new LinkedHashMap<>();
        registry.put("citizenFound", verdict.citizen().isPresent());
        verdict.citizen().ifPresent(c -> registry.put("lifeStatus", c.lifeStatus().name()));
        registry.put("cardFound", verdict.registryCard().isPresent());
        verdict.registryCard().ifPresent(c -> registry.put("cardStatus", c.status().name()));
        answer.put("registry", registry);
        answer.put("checks", ChipCardAppResource.checks(verdict));
        if (verdict.verified()) {
            Map<String, Object> claims = claims(verdict.citizen().get(), auth, client);
            answer.put("claims", claims);
            // the same structure as verified_claims in ID tokens and userinfo, so that one parser serves the bank
            ChipCardProof proof = verdict.proof();
            answer.put("verified_claims", VerifiedClaims.complete(new VerificationRecord(true, proof.time(), Optional.of(proof)),
                    claims, claims.containsKey("personal_id_number")));
        }
        audit(client, "EKYC_VERIFICATION", verdict.error().map(ChipCardError::code).orElse(null), verdict.pin().map(p -> p.value()).orElse(null));
        return ChipCardAppResource.ok(answer);
    }

    /** The citizen claims the client's granted scopes allow, as in userinfo. */
    private static Map<String, Object> claims(Citizen c, KeycloakInternals.BearerToken auth, ClientModel client) {
        Set<String> scopes = auth.scopes();
        Map<String, Object> claims = new LinkedHashMap<>();
        if (scopes.contains("profile")) {
            claims.put("name", c.fullName());
            claims.put("family_name", c.familyName());
            claims.put("given_name", c.givenName());
            claims.put("birthdate", c.dateOfBirth().toString());
            claims.put("gender", c.sex() == vn.dinhdanh.registry.Sex.FEMALE ? "female" : "male");
        }
        if (scopes.contains("address") && c.placeOfResidence() != null) {
            claims.put("address", Map.of("formatted", c.placeOfResidence(), "country", "VN"));
        }
        if (scopes.contains("citizen_id") && Boolean.parseBoolean(client.getAttribute("dinhdanh.government"))) {
            claims.put("personal_id_number", c.personalIdNumber().value());
        }
        return claims;
    }

    private static Optional<Response> refusal(Optional<KeycloakInternals.BearerToken> auth) {
        if (auth.isEmpty()) {
            return Optional.of(ChipCardAppResource.error(ChipCardError.NOT_AUTHORIZED, "A valid access token is required: the bank's DPoP-bound token with a fresh DPoP proof (or a bearer token of a client without DPoP)"));
        }
        if (!auth.get().scopes().contains(SCOPE)) {
            return Optional.of(ChipCardAppResource.error(ChipCardError.FORBIDDEN, "The token lacks the " + SCOPE + " scope"));
        }
        return Optional.empty();
    }

    private Response refuse(ClientModel client, ChipCardError error, String description) {
        audit(client, "EKYC_VERIFICATION", error.code());
        return ChipCardAppResource.error(error, description);
    }

    private void audit(ClientModel client, String event, String error) {
        audit(client, event, error, null);
    }

    private void audit(ClientModel client, String event, String error, String personalIdNumber) {
        // Client, time and outcome, and the citizen by a keyed pseudonym only; never the citizen's number or name.
        AuditLog record = AuditLog.event(session, event).with("realm", session.getContext().getRealm().getName())
                .with("client", client.getClientId()).subject(personalIdNumber);
        if (error == null) {
            record.success();
        } else {
            record.error(error);
        }
    }

    private static String binding(ClientModel client) {
        return "ekyc:" + client.getId();
    }
}
