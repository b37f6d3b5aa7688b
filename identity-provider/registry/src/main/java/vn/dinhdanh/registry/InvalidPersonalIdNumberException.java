package vn.dinhdanh.registry;

import java.util.Locale;
import java.util.Objects;

/**
 * A personal identification number is malformed, or disagrees with other data about the citizen.
 * The message never contains the number itself.
 */
public final class InvalidPersonalIdNumberException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Each way a number can be wrong. {@link #code()} is stable and safe to show to users and logs. */
    public enum Reason {
        /** Nothing was entered. */
        EMPTY("The personal ID number is empty"),
        /** Not exactly twelve ASCII digits. */
        NOT_TWELVE_DIGITS("The personal ID number must be exactly 12 digits"),
        /** Digits 1-3 are not one of the 63 province codes of Circular 07/2016/TT-BCA. */
        UNKNOWN_PROVINCE("Digits 1-3 are not a known province code"),
        /** Digit 4 denotes a century that has not started yet. */
        CENTURY_IN_FUTURE("Digit 4 denotes a century that has not started yet"),
        /** Digits 4-6 denote a birth year after the current year. */
        BIRTH_YEAR_IN_FUTURE("Digits 4-6 denote a birth year in the future"),
        /** Digit 4 encodes a sex other than the one recorded for the citizen. */
        SEX_MISMATCH("Digit 4 disagrees with the citizen's sex"),
        /** Digits 4-6 (century and year) encode a birth year other than the one recorded for the citizen. */
        BIRTH_YEAR_MISMATCH("Digits 4-6 disagree with the citizen's year of birth");

        private final String code;
        private final String description;

        Reason(String description) {
            this.code = "pin." + name().toLowerCase(Locale.ROOT);
            this.description = description;
        }

        /** Stable machine-readable code, e.g. {@code pin.unknown_province}. */
        public String code() {
            return code;
        }

        /** English description without personal data. */
        public String description() {
            return description;
        }
    }

    private final Reason reason;

    public InvalidPersonalIdNumberException(Reason reason) {
        super(Objects.requireNonNull(reason, "reason").code() + ": " + reason.description());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
