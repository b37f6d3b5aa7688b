package vn.dinhdanh.idp.assurance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A chip-card proof as it was recorded: when the card was proven, the registry's facts about the card read, and the
 * checks it passed (in the {@code check_method} vocabulary of {@link IdentityAssurance}). {@link #toString()} holds no
 * card number.
 *
 * @param time        when the evidence verified
 * @param cardNumber  the card's number in the registry (on a chip-based card, the personal ID number)
 * @param issueDate   the card's date of issue
 * @param expiryDate  the card's date of expiry; null when it does not expire
 * @param checks      the checks that passed, e.g. {@code vdig vcrypt data}
 */
public record ChipCardProof(Instant time, String cardNumber, LocalDate issueDate, LocalDate expiryDate, List<String> checks) {

    public ChipCardProof {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(cardNumber, "cardNumber");
        Objects.requireNonNull(issueDate, "issueDate");
        checks = List.copyOf(checks);
    }

    /** The checks every proof dinhdanh accepts has passed: Passive and Active Authentication, then the registry. */
    public static List<String> checksOfAcceptedProof() {
        return List.of(IdentityAssurance.CHECK_PASSIVE_AUTHENTICATION, IdentityAssurance.CHECK_ACTIVE_AUTHENTICATION,
                IdentityAssurance.CHECK_REGISTRY_DATA);
    }

    @Override
    public String toString() {
        return "ChipCardProof[time=" + time + ", checks=" + checks + "]";
    }
}
