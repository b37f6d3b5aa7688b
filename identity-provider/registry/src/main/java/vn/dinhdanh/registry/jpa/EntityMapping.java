package vn.dinhdanh.registry.jpa;

import vn.dinhdanh.registry.CardStatus;
import vn.dinhdanh.registry.Citizen;
import vn.dinhdanh.registry.IdentityCard;
import vn.dinhdanh.registry.InvalidPersonalIdNumberException;
import vn.dinhdanh.registry.LifeStatus;
import vn.dinhdanh.registry.PartialDate;
import vn.dinhdanh.registry.PersonalIdNumber;
import vn.dinhdanh.registry.Sex;

/** Converts between the domain records and the JPA entities. */
final class EntityMapping {

    private EntityMapping() {
    }

    static void copy(Citizen c, CitizenEntity e) {
        e.setPersonalIdNumber(c.personalIdNumber().value());
        e.setFullName(c.fullName());
        PartialDate dob = c.dateOfBirth();
        e.setDateOfBirth(dob.toString());
        e.setBirthYear(dob.year());
        e.setBirthMonth(dob.month().isPresent() ? dob.month().getAsInt() : null);
        e.setBirthDay(dob.day().isPresent() ? dob.day().getAsInt() : null);
        e.setSex(c.sex().name());
        e.setNationality(c.nationality());
        e.setEthnicity(c.ethnicity());
        e.setReligion(c.religion());
        e.setPlaceOfOrigin(c.placeOfOrigin());
        e.setPlaceOfResidence(c.placeOfResidence());
        e.setLifeStatus(c.lifeStatus().name());
    }

    static void copy(IdentityCard card, String pin, IdentityCardEntity e) {
        e.setCardNumber(card.cardNumber());
        e.setPersonalIdNumber(pin);
        e.setIssueDate(card.issueDate());
        e.setExpiryDate(card.expiryDate());
        e.setStatus(card.status().name());
    }

    /**
     * The stored number was validated on the way in; it is re-parsed with a clock far enough in the future that a
     * number never becomes unreadable.
     */
    static Citizen toCitizen(CitizenEntity e) {
        PersonalIdNumber pin;
        try {
            pin = PersonalIdNumber.parse(e.getPersonalIdNumber(), FAR_FUTURE);
        } catch (InvalidPersonalIdNumberException ex) {
            throw new IllegalStateException("Registry holds a malformed personal ID number: " + ex.reason().code(), ex);
        }
        return new Citizen(pin, e.getFullName(), PartialDate.parse(e.getDateOfBirth()), Sex.valueOf(e.getSex()),
                e.getNationality(), e.getEthnicity(), e.getReligion(), e.getPlaceOfOrigin(), e.getPlaceOfResidence(),
                LifeStatus.valueOf(e.getLifeStatus()));
    }

    static IdentityCard toCard(IdentityCardEntity e) {
        return new IdentityCard(e.getCardNumber(), e.getIssueDate(), e.getExpiryDate(),
                CardStatus.valueOf(e.getStatus()));
    }

    private static final java.time.Clock FAR_FUTURE = java.time.Clock.fixed(
            java.time.Instant.parse("9999-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
}
