package vn.dinhdanh.idp.assurance;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.sessions.AuthenticationSessionModel;
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

    /**
     * How often, at most, a chip-card proof that changes nothing else about the card rewrites its time on the account.
     * Writing the account at every card login invalidated its cached copy and cost the chip-card login about a third
     * of its throughput ({@code ./dinhdanh bench}); the exact time of a proof made in the session at hand comes from
     * the session ({@link #SESSION_CHIP_PROOF_TIME}).
     */
    static final Duration PROOF_TIME_RECORDED_EVERY = Duration.ofHours(1);
    /** User-session note: when the chip card was proven in this session (ISO-8601 instant). */
    public static final String SESSION_CHIP_PROOF_TIME = "dinhdanh.chip.proof_time";

    /**
     * Records a chip-card proof on the account, writing only what changed (the time at most once per
     * {@link #PROOF_TIME_RECORDED_EVERY}, unless the card's facts changed), and its exact time in the session.
     */
    public static void recordChipProof(UserModel user, AuthenticationSessionModel auth, ChipCardProof proof) {
        auth.setUserSessionNote(SESSION_CHIP_PROOF_TIME, proof.time().toString());
        recordChipProof(user, proof);
    }

    public static void recordChipProof(UserModel user, ChipCardProof proof) {
        boolean changed = setIfDifferent(user, CHIP_CARD_NUMBER, proof.cardNumber());
        changed |= setIfDifferent(user, CHIP_CARD_ISSUE_DATE, proof.issueDate().toString());
        changed |= setIfDifferent(user, CHIP_CARD_EXPIRY_DATE, proof.expiryDate() == null ? null : proof.expiryDate().toString());
        changed |= setIfDifferent(user, CHIP_PROOF_CHECKS, String.join(" ", proof.checks()));
        Optional<Instant> recorded = instant(user.getFirstAttribute(CHIP_PROOF_TIME));
        if (changed || recorded.isEmpty() || recorded.get().plus(PROOF_TIME_RECORDED_EVERY).isBefore(proof.time())) {
            user.setSingleAttribute(CHIP_PROOF_TIME, proof.time().toString());
        }
    }

    private static boolean setIfDifferent(UserModel user, String name, String value) {
        if (Objects.equals(user.getFirstAttribute(name), value)) {
            return false;
        }
        if (value == null) {
            user.removeAttribute(name);
        } else {
            user.setSingleAttribute(name, value);
        }
        return true;
    }

    /**
     * The account's record, with the exact time of a chip-card proof made in {@code userSession} when it is later than
     * the one the account holds.
     */
    public static VerificationRecord of(UserModel user, UserSessionModel userSession) {
        VerificationRecord record = of(user);
        Optional<Instant> inSession = userSession == null ? Optional.empty() : instant(userSession.getNote(SESSION_CHIP_PROOF_TIME));
        if (inSession.isEmpty() || record.chipCard().isEmpty() || !inSession.get().isAfter(record.chipCard().get().time())) {
            return record;
        }
        ChipCardProof stored = record.chipCard().get();
        return new VerificationRecord(record.level2(), record.registryMatch(), Optional.of(
                new ChipCardProof(inSession.get(), stored.cardNumber(), stored.issueDate(), stored.expiryDate(), stored.checks())));
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
