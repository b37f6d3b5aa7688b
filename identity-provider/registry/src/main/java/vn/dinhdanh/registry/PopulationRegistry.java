package vn.dinhdanh.registry;

import java.util.List;
import java.util.Optional;

/**
 * The national population registry, read-only. Implementations: {@link vn.dinhdanh.registry.jpa.JpaPopulationRegistry}
 * (own database) and {@link vn.dinhdanh.registry.http.HttpPopulationRegistry} (external registry).
 */
public interface PopulationRegistry {

    Optional<Citizen> findCitizen(PersonalIdNumber pin);

    /** The newest card (latest issue date), whatever its status. */
    Optional<IdentityCard> currentCard(PersonalIdNumber pin);

    /** All cards of the citizen, newest first. Empty if the citizen is unknown or has none. */
    List<IdentityCard> cards(PersonalIdNumber pin);

    long countCitizens();

    /** A citizen with all their cards, newest first: what a chip-card login checks. */
    record CitizenAndCards(Citizen citizen, List<IdentityCard> cards) {
    }

    /**
     * The citizen and their cards, in one call: an implementation that pays for each call (a transaction, a request)
     * answers both at once.
     */
    default Optional<CitizenAndCards> findCitizenAndCards(PersonalIdNumber pin) {
        return findCitizen(pin).map(citizen -> new CitizenAndCards(citizen, cards(pin)));
    }
}
