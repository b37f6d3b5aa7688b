package vn.dinhdanh.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import vn.dinhdanh.registry.InvalidPersonalIdNumberException.Reason;

/**
 * A 12-digit Vietnamese personal identification number (Decree 137/2015, Circular 07/2016/TT-BCA).
 * <ul>
 * <li>digits 1-3: province where the birth was registered;</li>
 * <li>digit 4: century and sex: 0/1 = 1900-1999 male/female, 2/3 = 2000-2099, 4/5 = 2100-2199, 6/7, 8/9 ...;</li>
 * <li>digits 5-6: last two digits of the birth year;</li>
 * <li>digits 7-12: random.</li>
 * </ul>
 * Immutable; equality is on the digits. {@link #toString()} is masked so the number never reaches a log by accident.
 */
public final class PersonalIdNumber {

    private final String value;

    private PersonalIdNumber(String value) {
        this.value = value;
    }

    /** Parses and validates against the system clock's current year. */
    public static PersonalIdNumber parse(String raw) throws InvalidPersonalIdNumberException {
        return parse(raw, Clock.systemDefaultZone());
    }

    /**
     * Parses and validates the number. Leading and trailing white space is ignored.
     *
     * @throws InvalidPersonalIdNumberException with the first rule the number breaks
     */
    public static PersonalIdNumber parse(String raw, Clock clock) throws InvalidPersonalIdNumberException {
        Objects.requireNonNull(clock, "clock");
        if (raw == null || raw.isBlank()) {
            throw new InvalidPersonalIdNumberException(Reason.EMPTY);
        }
        String digits = raw.strip();
        if (digits.length() != 12) {
            throw new InvalidPersonalIdNumberException(Reason.NOT_TWELVE_DIGITS);
        }
        for (int i = 0; i < 12; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidPersonalIdNumberException(Reason.NOT_TWELVE_DIGITS);
            }
        }
        if (!Provinces.isKnown(digits.substring(0, 3))) {
            throw new InvalidPersonalIdNumberException(Reason.UNKNOWN_PROVINCE);
        }
        int currentYear = LocalDate.now(clock).getYear();
        int centuryStart = centuryStart(digits.charAt(3) - '0');
        if (centuryStart > currentYear) {
            throw new InvalidPersonalIdNumberException(Reason.CENTURY_IN_FUTURE);
        }
        if (birthYearOf(digits) > currentYear) {
            throw new InvalidPersonalIdNumberException(Reason.BIRTH_YEAR_IN_FUTURE);
        }
        return new PersonalIdNumber(digits);
    }

    /**
     * Digit 4 for a sex and a birth year: the century digit (0 for the 1900s, 2 for the 2000s ...) plus one for
     * females.
     *
     * @throws IllegalArgumentException if the year is outside 1900-2399
     */
    public static int centurySexDigit(Sex sex, int birthYear) {
        Objects.requireNonNull(sex, "sex");
        if (birthYear < 1900 || birthYear > 2399) {
            throw new IllegalArgumentException("Birth year outside 1900-2399");
        }
        return (birthYear - 1900) / 100 * 2 + (sex == Sex.FEMALE ? 1 : 0);
    }

    /** The first six digits (province, century/sex, year) for a citizen; six random digits complete a number. */
    public static String prefix(String provinceCode, Sex sex, int birthYear) {
        if (!Provinces.isKnown(provinceCode)) {
            throw new IllegalArgumentException("Unknown province code");
        }
        return provinceCode + centurySexDigit(sex, birthYear) + String.format("%02d", birthYear % 100);
    }

    private static int centuryStart(int digit) {
        return 1900 + (digit / 2) * 100;
    }

    private static int birthYearOf(String digits) {
        return centuryStart(digits.charAt(3) - '0') + Integer.parseInt(digits.substring(4, 6));
    }

    /** The 12 digits. Personal data: never log it. */
    public String value() {
        return value;
    }

    /** Digits 1-3, e.g. {@code "001"} for Hà Nội. */
    public String provinceCode() {
        return value.substring(0, 3);
    }

    /** Even digit 4 = male, odd = female. */
    public Sex sex() {
        return (value.charAt(3) - '0') % 2 == 0 ? Sex.MALE : Sex.FEMALE;
    }

    /** Century from digit 4 plus digits 5-6. */
    public int birthYear() {
        return birthYearOf(value);
    }

    /**
     * Whether this number disagrees with a recorded sex and year of birth.
     *
     * @return {@link Reason#BIRTH_YEAR_MISMATCH} if the century or year differ (checked first),
     *         {@link Reason#SEX_MISMATCH} if the sex differs, empty if the number is consistent
     */
    public Optional<Reason> disagreementWith(Sex sex, int birthYear) {
        Objects.requireNonNull(sex, "sex");
        if (birthYear != birthYear()) {
            return Optional.of(Reason.BIRTH_YEAR_MISMATCH);
        }
        if (sex != sex()) {
            return Optional.of(Reason.SEX_MISMATCH);
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof PersonalIdNumber other && value.equals(other.value));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Masked: province code, seven asterisks, last two digits, e.g. {@code 001*******45}. */
    @Override
    public String toString() {
        return value.substring(0, 3) + "*******" + value.substring(10);
    }
}
