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
    private static final String LOCK = "dinhdanh.chip.answering.";
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
                expectedPin, ChipCardRequest.Status.PENDING, 0, null, null, null);
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

    /** How long one submission may hold a request (a verification takes milliseconds; a crashed node frees it then). */
    static final long ANSWER_LOCK_SECONDS = 30;

    /**
     * Takes the request for one submission: at most one submission of a request is checked at a time, across the
     * cluster (an atomic put-if-absent in the store), and it works on the request as it is once taken, so that two
     * parallel posts can neither lose a bad attempt nor overwrite a verified request. Release with {@link #release}.
     *
     * @return the request as it stands now, or empty when another submission holds it (or it is gone)
     */
    public Optional<ChipCardRequest> takeForAnswer(String handle) {
        if (!store.putIfAbsent(LOCK + handle, ANSWER_LOCK_SECONDS)) {
            return Optional.empty();
        }
        Optional<ChipCardRequest> current = ChipCardRequest.fromNotes(store.get(REQUEST + handle));
        if (current.isEmpty()) {
            release(handle);
        }
        return current;
    }

    /** Whether another submission holds this request right now. */
    public boolean busy(String handle) {
        return store.contains(LOCK + handle);
    }

    public void release(String handle) {
        store.remove(LOCK + handle);
    }

    /** Writes the outcome of a submission; call it only while holding the request ({@link #takeForAnswer}). */
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
