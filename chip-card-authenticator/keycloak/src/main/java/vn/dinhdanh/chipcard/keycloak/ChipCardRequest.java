package vn.dinhdanh.chipcard.keycloak;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import vn.dinhdanh.idp.assurance.ChipCardProof;

/**
 * A pending cross-device chip-card login: created for one browser authentication session, read by the mobile
 * app through an unguessable handle (or a short code), answered once with card evidence.
 *
 * @param handle       unguessable request handle (in the QR code)
 * @param shortCode    short code the citizen can type into the app instead of scanning
 * @param challenge    the 8-byte Active Authentication challenge
 * @param expiresAt    epoch seconds
 * @param realmId      realm of the authentication session
 * @param authSession  root authentication session id + "." + tab id the request is bound to
 * @param service      display name of the relying party that asked
 * @param level        level of assurance requested ("high")
 * @param expectedPin  personal ID number the citizen already proved or typed, if any
 * @param status       PENDING, VERIFIED or FAILED
 * @param attempts     bad submissions so far
 * @param verifiedPin  personal ID number read from the verified card
 * @param error        code of the last failure
 * @param proof        what the verified card proved (time, the registry's card facts, the checks), for verified_claims
 */
public record ChipCardRequest(String handle, String shortCode, byte[] challenge, long expiresAt, String realmId,
                              String authSession, String service, String level, String expectedPin, Status status,
                              int attempts, String verifiedPin, String error, ChipCardProof proof) {

    public enum Status { PENDING, VERIFIED, FAILED }

    public boolean expiredAt(long epochSeconds) {
        return epochSeconds >= expiresAt;
    }

    public ChipCardRequest verified(String pin, ChipCardProof proof) {
        return new ChipCardRequest(handle, shortCode, challenge, expiresAt, realmId, authSession, service, level,
                expectedPin, Status.VERIFIED, attempts, pin, null, proof);
    }

    public ChipCardRequest failedAttempt(ChipCardError cause, int maxAttempts) {
        int n = attempts + 1;
        return new ChipCardRequest(handle, shortCode, challenge, expiresAt, realmId, authSession, service, level,
                expectedPin, n >= maxAttempts ? Status.FAILED : Status.PENDING, n, null, cause.code(), null);
    }

    Map<String, String> toNotes() {
        Map<String, String> m = new HashMap<>();
        m.put("handle", handle);
        m.put("shortCode", shortCode);
        m.put("challenge", Base64.getEncoder().encodeToString(challenge));
        m.put("expiresAt", Long.toString(expiresAt));
        m.put("realmId", realmId);
        m.put("authSession", authSession);
        m.put("service", service);
        m.put("level", level);
        m.put("status", status.name());
        m.put("attempts", Integer.toString(attempts));
        if (expectedPin != null) m.put("expectedPin", expectedPin);
        if (verifiedPin != null) m.put("verifiedPin", verifiedPin);
        if (error != null) m.put("error", error);
        if (proof != null) {
            m.put("proofTime", proof.time().toString());
            m.put("cardNumber", proof.cardNumber());
            m.put("cardIssueDate", proof.issueDate().toString());
            if (proof.expiryDate() != null) m.put("cardExpiryDate", proof.expiryDate().toString());
            m.put("proofChecks", String.join(" ", proof.checks()));
        }
        return m;
    }

    static Optional<ChipCardRequest> fromNotes(Map<String, String> m) {
        if (m == null || m.get("handle") == null) {
            return Optional.empty();
        }
        return Optional.of(new ChipCardRequest(m.get("handle"), m.get("shortCode"), Base64.getDecoder().decode(m.get("challenge")),
                Long.parseLong(m.get("expiresAt")), m.get("realmId"), m.get("authSession"), m.get("service"), m.get("level"),
                m.get("expectedPin"), Status.valueOf(m.get("status")), Integer.parseInt(m.get("attempts")), m.get("verifiedPin"),
                m.get("error"), proofFromNotes(m)));
    }

    private static ChipCardProof proofFromNotes(Map<String, String> m) {
        if (m.get("proofTime") == null) {
            return null;
        }
        return new ChipCardProof(Instant.parse(m.get("proofTime")), m.get("cardNumber"), LocalDate.parse(m.get("cardIssueDate")),
                m.get("cardExpiryDate") == null ? null : LocalDate.parse(m.get("cardExpiryDate")),
                List.of(m.get("proofChecks").split(" ")));
    }

    @Override
    public String toString() {
        return "ChipCardRequest[status=" + status + ", attempts=" + attempts + "]";
    }
}
