package vn.dinhdanh.icao.virtualcard;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Plain values of a citizen to put on a virtual card. {@link #toString()} is redacted.
 *
 * @param idNumber 12-digit personal identification number
 * @param fullName full name in Vietnamese (UTF-8), e.g. "Nguyễn Văn An"
 * @param dateOfBirth date of birth
 * @param sex 'M' or 'F'
 * @param placeOfOrigin quê quán
 * @param placeOfResidence nơi thường trú
 * @param dateOfIssue card issue date
 * @param dateOfExpiry card expiry date
 * @param fatherName may be null
 * @param motherName may be null
 */
public record Citizen(String idNumber, String fullName, LocalDate dateOfBirth, char sex, String placeOfOrigin,
                      String placeOfResidence, LocalDate dateOfIssue, LocalDate dateOfExpiry, String fatherName,
                      String motherName) {
    public Citizen {
        Objects.requireNonNull(idNumber, "idNumber");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(dateOfIssue, "dateOfIssue");
        Objects.requireNonNull(dateOfExpiry, "dateOfExpiry");
        if (!idNumber.matches("\\d{12}")) {
            throw new IllegalArgumentException("idNumber must be 12 digits");
        }
        if (sex != 'M' && sex != 'F') {
            throw new IllegalArgumentException("sex must be M or F");
        }
    }

    /** Minimal citizen: issue 2021-07-01, expiry 2046-07-01 (synthetic places). */
    public static Citizen of(String idNumber, String fullName, LocalDate dateOfBirth, char sex) {
        return new Citizen(idNumber, fullName, dateOfBirth, sex, "Hà Nội", "Số 1 Phố Demo, Hà Nội",
                LocalDate.of(2021, 7, 1), LocalDate.of(2046, 7, 1), null, null);
    }

    /** A synthetic demo citizen whose ID number agrees with the date of birth and sex. */
    public static Citizen demo() {
        return new Citizen("001090012345", "Nguyễn Văn An", LocalDate.of(1990, 5, 17), 'M', "Hà Nội",
                "Số 1 Phố Demo, Hoàn Kiếm, Hà Nội", LocalDate.of(2021, 7, 1), LocalDate.of(2046, 7, 1),
                "Nguyễn Văn Bình", "Trần Thị Cúc");
    }

    public Citizen withIdNumber(String id) {
        return new Citizen(id, fullName, dateOfBirth, sex, placeOfOrigin, placeOfResidence, dateOfIssue, dateOfExpiry,
                fatherName, motherName);
    }

    public Citizen withDateOfBirth(LocalDate dob) {
        return new Citizen(idNumber, fullName, dob, sex, placeOfOrigin, placeOfResidence, dateOfIssue, dateOfExpiry,
                fatherName, motherName);
    }

    public Citizen withSex(char s) {
        return new Citizen(idNumber, fullName, dateOfBirth, s, placeOfOrigin, placeOfResidence, dateOfIssue, dateOfExpiry,
                fatherName, motherName);
    }

    public Citizen withDateOfExpiry(LocalDate expiry) {
        return new Citizen(idNumber, fullName, dateOfBirth, sex, placeOfOrigin, placeOfResidence, dateOfIssue, expiry,
                fatherName, motherName);
    }

    @Override
    public String toString() {
        return "Citizen[redacted]";
    }
}
