package vn.dinhdanh.idp.assurance;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How a citizen's identity was verified, as dinhdanh recorded it: the match against the population database, and the
 * latest chip-card proof if there was one.
 *
 * @param level2        whether the account is level 2 (only a chip-card proof raises it)
 * @param registryMatch when the identity was last matched against the population database (the level-1 registration,
 *                      or the registry check of a chip-card proof)
 * @param chipCard      the latest chip-card proof, if one was recorded
 */
public record VerificationRecord(boolean level2, Instant registryMatch, Optional<ChipCardProof> chipCard) {

    public VerificationRecord {
        Objects.requireNonNull(registryMatch, "registryMatch");
        Objects.requireNonNull(chipCard, "chipCard");
        if (chipCard.isPresent() && chipCard.get().time().isAfter(registryMatch)) {
            // a chip-card proof checks the registry too
            registryMatch = chipCard.get().time();
        }
    }

    /** The identity assurance level: {@code high} for a level-2 account, {@code low} for a level-1 account. */
    public String assuranceLevel() {
        return level2 || chipCard.isPresent() ? IdentityAssurance.LEVEL_HIGH : IdentityAssurance.LEVEL_LOW;
    }

    /** When the identity was last verified. */
    public Instant time() {
        return registryMatch;
    }
}
