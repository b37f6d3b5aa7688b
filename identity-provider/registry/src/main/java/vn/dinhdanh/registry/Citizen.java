package vn.dinhdanh.registry;

import java.util.Objects;

/**
 * A citizen record from the population registry. The full name is stored in Vietnamese order (family name first)
 * and normalised by {@link CitizenNames#normalise(String)} (NFC, single spaces). {@link #toString()} shows only the
 * masked personal ID number.
 */
public record Citizen(PersonalIdNumber personalIdNumber, String fullName, PartialDate dateOfBirth, Sex sex,
        String nationality, String ethnicity, String religion, String placeOfOrigin, String placeOfResidence,
        LifeStatus lifeStatus) {

    public Citizen {
        Objects.requireNonNull(personalIdNumber, "personalIdNumber");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(lifeStatus, "lifeStatus");
        fullName = CitizenNames.normalise(fullName);
        if (fullName.isEmpty()) {
            throw new IllegalArgumentException("Full name is empty");
        }
        nationality = optional(nationality);
        ethnicity = optional(ethnicity);
        religion = optional(religion);
        placeOfOrigin = optional(placeOfOrigin);
        placeOfResidence = optional(placeOfResidence);
    }

    private static String optional(String s) {
        if (s == null) {
            return null;
        }
        String n = CitizenNames.normalise(s);
        return n.isEmpty() ? null : n;
    }

    /** First word of the full name (Vietnamese order: family name first), e.g. "Nguyễn". */
    public String familyName() {
        int space = fullName.indexOf(' ');
        return space < 0 ? fullName : fullName.substring(0, space);
    }

    /** Everything after the family name (middle and given names), e.g. "Văn An"; empty for a one-word name. */
    public String givenName() {
        int space = fullName.indexOf(' ');
        return space < 0 ? "" : fullName.substring(space + 1);
    }

    public boolean isDeceased() {
        return lifeStatus == LifeStatus.DECEASED;
    }

    @Override
    public String toString() {
        return "Citizen[" + personalIdNumber + ", " + lifeStatus + "]";
    }
}
