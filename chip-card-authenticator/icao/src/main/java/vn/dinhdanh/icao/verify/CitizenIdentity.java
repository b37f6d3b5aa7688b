package vn.dinhdanh.icao.verify;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Citizen data read from DG13 (and DG1), after both were hash-verified and found to agree.
 * {@link #toString()} is redacted: never log the fields.
 *
 * @param idNumber 12-digit personal identification number
 * @param fullName full name (DG13 field 2; falls back to the MRZ name)
 * @param dateOfBirth date of birth
 * @param sex 'M', 'F' or '<' (unknown)
 * @param nationality DG13 field 5 text, or the MRZ nationality code
 * @param documentNumber card (document) number from the MRZ
 * @param dateOfExpiry card expiry
 */
public record CitizenIdentity(String idNumber, String fullName, LocalDate dateOfBirth, char sex, String nationality,
                              String documentNumber, LocalDate dateOfExpiry, Optional<String> placeOfOrigin,
                              Optional<String> placeOfResidence, Optional<LocalDate> dateOfIssue,
                              Optional<String> oldIdNumber) {
    @Override
    public String toString() {
        return "CitizenIdentity[redacted]";
    }
}
