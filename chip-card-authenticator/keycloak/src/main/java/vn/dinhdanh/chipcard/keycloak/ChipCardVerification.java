package vn.dinhdanh.chipcard.keycloak;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import vn.dinhdanh.icao.IcaoException;
import vn.dinhdanh.icao.verify.CardEvidence;
import vn.dinhdanh.icao.verify.CitizenIdentity;
import vn.dinhdanh.icao.verify.VerificationResult;
import vn.dinhdanh.idp.assurance.ChipCardProof;
import vn.dinhdanh.idp.assurance.IdentityAssurance;
import vn.dinhdanh.idp.registry.PopulationRegistryProvider;
import vn.dinhdanh.registry.Citizen;
import vn.dinhdanh.registry.IdentityCard;
import vn.dinhdanh.registry.InvalidPersonalIdNumberException;
import vn.dinhdanh.registry.PersonalIdNumber;
import vn.dinhdanh.registry.PopulationRegistry;

/**
 * One chip-card proof: Passive and Active Authentication by the ICAO core, then the population registry (the
 * citizen is living; the card read is a card the registry knows, valid and not expired).
 */
public final class ChipCardVerification {

    /** The outcome: the core's checks, the registry's answer, and the first reason for refusal if any. */
    public record Verdict(VerificationResult card, Optional<ChipCardError> error, Optional<PersonalIdNumber> pin,
                          Optional<Citizen> citizen, Optional<IdentityCard> registryCard) {
        public boolean verified() {
            return error.isEmpty();
        }

        /**
         * What a verified card proved, for {@code verified_claims}: when, the registry's facts about the card, and the
         * checks it passed in the {@code check_method} vocabulary (Passive Authentication {@code vdig}, Active
         * Authentication {@code vcrypt}, the registry {@code data}).
         *
         * @throws IllegalStateException when the card was not verified
         */
        public ChipCardProof proof() {
            if (!verified() || registryCard.isEmpty()) {
                throw new IllegalStateException("no proof from a refused card");
            }
            List<String> checks = new ArrayList<>();
            if (card.passiveAuthenticationPassed()) {
                checks.add(IdentityAssurance.CHECK_PASSIVE_AUTHENTICATION);
            }
            if (card.activeAuthenticationPassed()) {
                checks.add(IdentityAssurance.CHECK_ACTIVE_AUTHENTICATION);
            }
            checks.add(IdentityAssurance.CHECK_REGISTRY_DATA);
            IdentityCard c = registryCard.get();
            return new ChipCardProof(card.checkedAt(), c.cardNumber(), c.issueDate(), c.expiryDate(), checks);
        }
    }

    private ChipCardVerification() {
    }

    public static Verdict verify(KeycloakSession session, CardEvidence evidence, LocalDate today) throws IcaoException {
        VerificationResult card = ChipCardSettings.current().verifier().verify(evidence);
        if (!card.passiveAuthenticationPassed()) {
            return refused(card, ChipCardError.PASSIVE_AUTHENTICATION_FAILED, null, null, null);
        }
        if (!card.activeAuthenticationPassed()) {
            return refused(card, ChipCardError.ACTIVE_AUTHENTICATION_FAILED, null, null, null);
        }
        if (!card.isValid() || card.citizen().isEmpty()) {
            return refused(card, ChipCardError.PASSIVE_AUTHENTICATION_FAILED, null, null, null);
        }
        CitizenIdentity identity = card.citizen().get();
        PersonalIdNumber pin;
        try {
            pin = PersonalIdNumber.parse(identity.idNumber());
        } catch (InvalidPersonalIdNumberException e) {
            return refused(card, ChipCardError.CITIZEN_NOT_IN_REGISTRY, null, null, null);
        }
        PopulationRegistry registry = PopulationRegistryProvider.of(session);
        Optional<PopulationRegistry.CitizenAndCards> entry = registry.findCitizenAndCards(pin);
        Optional<Citizen> citizen = entry.map(PopulationRegistry.CitizenAndCards::citizen);
        if (citizen.isEmpty()) {
            return refused(card, ChipCardError.CITIZEN_NOT_IN_REGISTRY, pin, null, null);
        }
        if (citizen.get().isDeceased()) {
            return refused(card, ChipCardError.CITIZEN_DECEASED, pin, citizen.get(), null);
        }
        Optional<IdentityCard> registryCard = matchingCard(entry.get().cards(), identity.documentNumber());
        if (registryCard.isEmpty()) {
            return refused(card, ChipCardError.CARD_NOT_IN_REGISTRY, pin, citizen.get(), null);
        }
        Optional<ChipCardError> cardProblem = switch (registryCard.get().status()) {
            case REVOKED -> Optional.of(ChipCardError.CARD_REVOKED);
            case REPORTED_LOST -> Optional.of(ChipCardError.CARD_REPORTED_LOST);
            case REPLACED -> Optional.of(ChipCardError.CARD_REPLACED);
            case VALID -> registryCard.get().isUsableOn(today) && !identity.dateOfExpiry().isBefore(today)
                    ? Optional.empty() : Optional.of(ChipCardError.CARD_EXPIRED);
        };
        return new Verdict(card, cardProblem, Optional.of(pin), citizen, registryCard);
    }

    /** A Vietnamese card's MRZ document number is the last nine digits of the twelve-digit card number. */
    static Optional<IdentityCard> matchingCard(List<IdentityCard> cards, String documentNumber) {
        if (documentNumber == null || documentNumber.isBlank()) {
            return Optional.empty();
        }
        return cards.stream()
                .filter(c -> c.cardNumber().equals(documentNumber) || c.cardNumber().endsWith(documentNumber) && documentNumber.length() >= 9)
                .findFirst();
    }

    private static Verdict refused(VerificationResult card, ChipCardError error, PersonalIdNumber pin, Citizen citizen, IdentityCard registryCard) {
        return new Verdict(card, Optional.of(error), Optional.ofNullable(pin), Optional.ofNullable(citizen), Optional.ofNullable(registryCard));
    }
}
