package vn.dinhdanh.chipcard.keycloak;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Pending chip-card requests, kept in Keycloak's single-use object store (replicated in a cluster), so each
 * expires on its own and a consumed one can never be answered again. Challenges come from a
 * {@link SecureRandom}; every challenge ever issued is remembered until it would have expired, so evidence
 * carrying an earlier request's challenge is recognised as a replay.
 */
public final class ChipCardRequests {

    private static final String REQUEST = "dinhdanh.chip.request.";
    private static final String CODE = "dinhdanh.chip.code.";
    private static final String CHALLENGE = "dinhdanh.chip.challenge.";
    private static final String SHORT_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SingleUseObjectProvider store;

    public ChipCardRequests(KeycloakSession session) {
        this.store = session.singleUseObjects();
    }

    public ChipCardRequest create(String realmId, String authSession, String service, String level, String expectedPin, int lifespanSeconds) {
        byte[] challenge = new byte[8];
        RANDOM.nextBytes(challenge);
        byte[] handleBytes = new byte[32];
        RANDOM.nextBytes(handleBytes);
        String handle = Base64.getUrlEncoder().withoutPadding().encodeToString(handleBytes);
        String shortCode = uniqueShortCode(handle, lifespanSeconds);
        long expiresAt = Time.currentTime() + lifespanSeconds;
        ChipCardRequest request = new ChipCardRequest(handle, shortCode, challenge, expiresAt, realmId, authSession, service, level,
                expectedPin, ChipCardRequest.Status.PENDING, 0, null, null);
        store.put(REQUEST + handle, lifespanSeconds + 60L, request.toNotes());
        store.put(CHALLENGE + Base64.getEncoder().encodeToString(challenge), lifespanSeconds + 60L, Map.of("handle", handle));
        return request;
    }

    private String uniqueShortCode(String handle, int lifespanSeconds) {
        for (int tries = 0; tries < 20; tries++) {
            StringBuilder code = new StringBuilder(8);
            for (int i = 0; i < 8; i++) {
                code.append(SHORT_CODE_ALPHABET.charAt(RANDOM.nextInt(SHORT_CODE_ALPHABET.length())));
            }
            if (store.putIfAbsent(CODE + code, lifespanSeconds)) {
                store.replace(CODE + code, Map.of("handle", handle));
                return code.toString();
            }
        }
        throw new IllegalStateException("No free short code");
    }

    public Optional<ChipCardRequest> find(String handleOrCode) {
        if (handleOrCode == null || handleOrCode.isBlank() || handleOrCode.length() > 64) {
            return Optional.empty();
        }
        Optional<ChipCardRequest> byHandle = ChipCardRequest.fromNotes(store.get(REQUEST + handleOrCode));
        if (byHandle.isPresent()) {
            return byHandle;
        }
        Map<String, String> code = store.get(CODE + normaliseCode(handleOrCode));
        return code == null ? Optional.empty() : ChipCardRequest.fromNotes(store.get(REQUEST + code.get("handle")));
    }

    static String normaliseCode(String code) {
        return code.replace("-", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    }

    /** The handle of the request that issued this challenge, if the server ever issued it. */
    public Optional<String> issuerOf(byte[] challenge) {
        Map<String, String> notes = store.get(CHALLENGE + Base64.getEncoder().encodeToString(challenge));
        return notes == null ? Optional.empty() : Optional.ofNullable(notes.get("handle"));
    }

    public void update(ChipCardRequest request) {
        store.replace(REQUEST + request.handle(), request.toNotes());
    }

    /** Takes the request out of the store: it can never be used again. Empty if someone else took it first. */
    public Optional<ChipCardRequest> consume(String handle) {
        Optional<ChipCardRequest> taken = ChipCardRequest.fromNotes(store.remove(REQUEST + handle));
        taken.ifPresent(r -> store.remove(CODE + r.shortCode()));
        return taken;
    }
}
