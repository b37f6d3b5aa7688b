package vn.dinhdanh.idp.assurance;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.UserModel;
import vn.dinhdanh.idp.federation.AccountLevel;

/**
 * Where an account keeps how its citizen was verified: read-only user attributes (the realm's user profile lets
 * administrators view them and nobody edit them), written when the verification happens and read when
 * {@code verified_claims} are released.
 */
public final class VerificationAttributes {

    /** When the registration's declared identity matched the population database (ISO-8601 instant). */
    public static final String REGISTRY_MATCH_TIME = "registry_match_time";
    /** The latest chip-card proof: when, the registry's card number and dates, and the checks it passed. */
    public static final String CHIP_PROOF_TIME = "chip_card_proof_time";
    public static final String CHIP_CARD_NUMBER = "chip_card_number";
    public static final String CHIP_CARD_ISSUE_DATE = "chip_card_issue_date";
    public static final String CHIP_CARD_EXPIRY_DATE = "chip_card_expiry_date";
    public static final String CHIP_PROOF_CHECKS = "chip_card_proof_checks";

    private VerificationAttributes() {
    }

    public static void recordRegistryMatch(UserModel user, Instant time) {
        user.setSingleAttribute(REGISTRY_MATCH_TIME, time.toString());
    }

    public static void recordChipProof(UserModel user, ChipCardProof proof) {
        user.setSingleAttribute(CHIP_PROOF_TIME, proof.time().toString());
        user.setSingleAttribute(CHIP_CARD_NUMBER, proof.cardNumber());
        user.setSingleAttribute(CHIP_CARD_ISSUE_DATE, proof.issueDate().toString());
        if (proof.expiryDate() == null) {
            user.removeAttribute(CHIP_CARD_EXPIRY_DATE);
        } else {
            user.setSingleAttribute(CHIP_CARD_EXPIRY_DATE, proof.expiryDate().toString());
        }
        user.setSingleAttribute(CHIP_PROOF_CHECKS, String.join(" ", proof.checks()));
    }

    /**
     * The account's record. An account made before these attributes existed counts its creation as the registry
     * match (an account is created only after a registry match or a chip-card proof); a chip-card proof whose
     * attributes are missing or unreadable is left out.
     */
    public static VerificationRecord of(UserModel user) {
        Instant registry = instant(user.getFirstAttribute(REGISTRY_MATCH_TIME))
                .orElseGet(() -> user.getCreatedTimestamp() == null ? Instant.EPOCH : Instant.ofEpochMilli(user.getCreatedTimestamp()));
        return new VerificationRecord(AccountLevel.isLevel2(user), registry, chipProof(user));
    }

    static Optional<ChipCardProof> chipProof(UserModel user) {
        Optional<Instant> time = instant(user.getFirstAttribute(CHIP_PROOF_TIME));
        String number = user.getFirstAttribute(CHIP_CARD_NUMBER);
        Optional<LocalDate> issued = date(user.getFirstAttribute(CHIP_CARD_ISSUE_DATE));
        String expiry = user.getFirstAttribute(CHIP_CARD_EXPIRY_DATE);
        Optional<LocalDate> expires = date(expiry);
        String checks = user.getFirstAttribute(CHIP_PROOF_CHECKS);
        if (time.isEmpty() || number == null || number.isBlank() || issued.isEmpty() || expiry != null && expires.isEmpty()
                || checks == null || checks.isBlank()) {
            return Optional.empty();
        }
        List<String> methods = Arrays.stream(checks.trim().split("\\s+")).toList();
        return Optional.of(new ChipCardProof(time.get(), number, issued.get(), expires.orElse(null), methods));
    }

    private static Optional<Instant> instant(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(Instant.parse(value));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> date(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(LocalDate.parse(value));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
