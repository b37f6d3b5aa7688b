package vn.dinhdanh.icao.lds;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Sequence;
import vn.dinhdanh.icao.IcaoErrorCode;
import vn.dinhdanh.icao.IcaoException;

/**
 * DG1: a TD1 machine readable zone (3 lines of 30 characters) with every check digit
 * verified. {@link #toString()} carries no personal data.
 */
public final class Mrz {
    public static final int TAG = 0x61;
    public static final int TD1_LENGTH = 90;

    private final String documentCode;
    private final String issuingState;
    private final String documentNumber;
    private final String optionalData1;
    private final String dateOfBirth;
    private final char sex;
    private final String dateOfExpiry;
    private final String nationality;
    private final String optionalData2;
    private final String primaryIdentifier;
    private final String secondaryIdentifier;

    private Mrz(String mrz) {
        this.documentCode = trim(mrz.substring(0, 2));
        this.issuingState = trim(mrz.substring(2, 5));
        this.documentNumber = trim(mrz.substring(5, 14));
        this.optionalData1 = trim(mrz.substring(15, 30));
        this.dateOfBirth = mrz.substring(30, 36);
        this.sex = mrz.charAt(37);
        this.dateOfExpiry = mrz.substring(38, 44);
        this.nationality = trim(mrz.substring(45, 48));
        this.optionalData2 = trim(mrz.substring(48, 59));
        String name = mrz.substring(60, 90);
        int sep = name.indexOf("<<");
        if (sep < 0) {
            this.primaryIdentifier = trim(name);
            this.secondaryIdentifier = "";
        } else {
            this.primaryIdentifier = trim(name.substring(0, sep));
            this.secondaryIdentifier = trim(name.substring(sep + 2));
        }
    }

    private static String trim(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '<') {
            end--;
        }
        return s.substring(0, end).replace('<', ' ');
    }

    /** Parses DG1 (tag 0x61 around 5F1F). */
    public static Mrz parseDg1(byte[] dg1) throws IcaoException {
        return parseDg1(dg1, Limits.DEFAULT);
    }

    public static Mrz parseDg1(byte[] dg1, Limits limits) throws IcaoException {
        ASN1Sequence content = Lds.unwrap(dg1, TAG, IcaoErrorCode.DG1_WRONG_TAG, IcaoErrorCode.DG1_MALFORMED, limits);
        byte[] mrz;
        try {
            if (content.size() != 1) {
                throw new IcaoException(IcaoErrorCode.DG1_MALFORMED, "DG1 must hold one MRZ element");
            }
            mrz = Lds.applicationPrimitive(content.getObjectAt(0), 0x1F, IcaoErrorCode.DG1_MALFORMED);
        } catch (RuntimeException e) {
            throw new IcaoException(IcaoErrorCode.DG1_MALFORMED, e.getClass().getSimpleName(), e);
        }
        return parse(new String(mrz, StandardCharsets.ISO_8859_1));
    }

    /** Parses a 90-character TD1 MRZ string (no line breaks). */
    public static Mrz parse(String mrz) throws IcaoException {
        if (mrz.length() != TD1_LENGTH) {
            throw new IcaoException(IcaoErrorCode.DG1_MRZ_LENGTH, "length " + mrz.length());
        }
        for (int i = 0; i < mrz.length(); i++) {
            char c = mrz.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '<')) {
                throw new IcaoException(IcaoErrorCode.DG1_MRZ_FORMAT, "invalid character at " + i);
            }
        }
        if (!digits(mrz, 30, 36) || !digits(mrz, 38, 44) || "MF<".indexOf(mrz.charAt(37)) < 0
                || mrz.charAt(14) == '<') {
            throw new IcaoException(IcaoErrorCode.DG1_MRZ_FORMAT, "field format");
        }
        check(mrz, 5, 14, 14, IcaoErrorCode.DG1_CHECK_DIGIT_DOCUMENT_NUMBER);
        check(mrz, 30, 36, 36, IcaoErrorCode.DG1_CHECK_DIGIT_BIRTH_DATE);
        check(mrz, 38, 44, 44, IcaoErrorCode.DG1_CHECK_DIGIT_EXPIRY);
        String composite = mrz.substring(5, 30) + mrz.substring(30, 37) + mrz.substring(38, 45) + mrz.substring(48, 59);
        if (checkDigit(composite) != value(mrz.charAt(59))) {
            throw new IcaoException(IcaoErrorCode.DG1_CHECK_DIGIT_COMPOSITE);
        }
        Mrz m = new Mrz(mrz);
        if (m.birthDate().isEmpty() && !mrz.substring(30, 36).contains("<")) {
            throw new IcaoException(IcaoErrorCode.DG1_MRZ_FORMAT, "date of birth");
        }
        if (m.expiryDate().isEmpty()) {
            throw new IcaoException(IcaoErrorCode.DG1_MRZ_FORMAT, "date of expiry");
        }
        return m;
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static void check(String mrz, int from, int to, int cd, IcaoErrorCode code) throws IcaoException {
        if (checkDigit(mrz.substring(from, to)) != value(mrz.charAt(cd))) {
            throw new IcaoException(code);
        }
    }

    /** ICAO 9303 check digit (weights 7, 3, 1). */
    public static int checkDigit(String s) {
        int[] w = {7, 3, 1};
        int sum = 0;
        for (int i = 0; i < s.length(); i++) {
            sum += value(s.charAt(i)) * w[i % 3];
        }
        return sum % 10;
    }

    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return 0;
    }

    public String documentCode() {
        return documentCode;
    }

    public String issuingState() {
        return issuingState;
    }

    public String documentNumber() {
        return documentNumber;
    }

    /** For Vietnamese cards, starts with the 12-digit personal ID number. */
    public String optionalData1() {
        return optionalData1;
    }

    /** YYMMDD as in the MRZ. */
    public String dateOfBirthRaw() {
        return dateOfBirth;
    }

    /** 'M', 'F' or '<'. */
    public char sex() {
        return sex;
    }

    public String dateOfExpiryRaw() {
        return dateOfExpiry;
    }

    public String nationality() {
        return nationality;
    }

    public String optionalData2() {
        return optionalData2;
    }

    public String primaryIdentifier() {
        return primaryIdentifier;
    }

    public String secondaryIdentifier() {
        return secondaryIdentifier;
    }

    /**
     * Date of birth. The MRZ has two year digits; the century is chosen so that the birth year
     * lies before the expiry year (20YY), which needs no clock. DG13 carries the full date.
     */
    public Optional<LocalDate> birthDate() {
        Optional<LocalDate> d = date(dateOfBirth);
        Optional<LocalDate> exp = expiryDate();
        if (d.isPresent() && exp.isPresent() && d.get().getYear() >= exp.get().getYear()) {
            return Optional.of(d.get().minusYears(100));
        }
        return d;
    }

    /** Date of expiry, always 20YY. */
    public Optional<LocalDate> expiryDate() {
        return date(dateOfExpiry);
    }

    private static Optional<LocalDate> date(String yymmdd) {
        try {
            int yy = Integer.parseInt(yymmdd.substring(0, 2));
            int mm = Integer.parseInt(yymmdd.substring(2, 4));
            int dd = Integer.parseInt(yymmdd.substring(4, 6));
            return Optional.of(LocalDate.of(2000 + yy, mm, dd));
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "Mrz[TD1 " + documentCode + " " + issuingState + "]";
    }
}
