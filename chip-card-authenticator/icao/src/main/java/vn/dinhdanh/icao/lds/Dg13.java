package vn.dinhdanh.icao.lds;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1String;
import vn.dinhdanh.icao.IcaoErrorCode;
import vn.dinhdanh.icao.IcaoException;

/**
 * DG13, Vietnam layout (read from real cards, no official specification): tag 0x6D wraps
 * SEQUENCE { INTEGER version, OID, SET OF SEQUENCE { INTEGER n, value... } }. Parsed
 * defensively: fields keyed by n, any may be absent, unknown fields and unknown value
 * types are kept or skipped, entries may also appear directly in the outer sequence.
 * {@link #toString()} carries no personal data.
 */
public final class Dg13 {
    public static final int TAG = 0x6D;
    public static final int ID_NUMBER = 1;
    public static final int FULL_NAME = 2;
    public static final int DATE_OF_BIRTH = 3;
    public static final int SEX = 4;
    public static final int NATIONALITY = 5;
    public static final int ETHNICITY = 6;
    public static final int RELIGION = 7;
    public static final int PLACE_OF_ORIGIN = 8;
    public static final int PLACE_OF_RESIDENCE = 9;
    public static final int IDENTIFYING_CHARACTERISTICS = 10;
    public static final int DATE_OF_ISSUE = 11;
    public static final int DATE_OF_EXPIRY = 12;
    public static final int PARENTS = 13;
    public static final int SPOUSE = 14;
    public static final int OLD_ID_NUMBER = 15;
    private static final int MAX_FIELDS = 64;
    private static final int MAX_VALUES = 8;

    private final int version;
    private final String oid;
    private final Map<Integer, List<String>> fields;

    private final Optional<LocalDate> dateOfBirth;
    private final Optional<LocalDate> dateOfIssue;
    private final Optional<LocalDate> dateOfExpiry;

    private Dg13(int version, String oid, Map<Integer, List<String>> fields) {
        this.version = version;
        this.oid = oid;
        this.fields = fields;
        this.dateOfBirth = field(DATE_OF_BIRTH).flatMap(Dg13::parseDate);
        this.dateOfIssue = field(DATE_OF_ISSUE).flatMap(Dg13::parseDate);
        this.dateOfExpiry = field(DATE_OF_EXPIRY).flatMap(Dg13::parseDate);
    }

    public static Dg13 parse(byte[] dg13) throws IcaoException {
        return parse(dg13, Limits.DEFAULT);
    }

    public static Dg13 parse(byte[] dg13, Limits limits) throws IcaoException {
        ASN1Sequence content = Lds.unwrap(dg13, TAG, IcaoErrorCode.DG13_WRONG_TAG, IcaoErrorCode.DG13_MALFORMED, limits);
        try {
            ASN1Sequence body = content;
            if (content.size() == 1 && content.getObjectAt(0) instanceof ASN1Sequence s) {
                body = s;
            }
            int version = -1;
            String oid = null;
            Map<Integer, List<String>> fields = new TreeMap<>();
            for (ASN1Encodable e : body) {
                ASN1Primitive p = e.toASN1Primitive();
                if (p instanceof ASN1Integer i && version < 0 && fields.isEmpty()) {
                    version = i.intValueExact();
                } else if (p instanceof ASN1ObjectIdentifier o && oid == null) {
                    oid = o.getId();
                } else if (p instanceof ASN1Set set) {
                    for (ASN1Encodable entry : set) {
                        entry(entry.toASN1Primitive(), fields);
                    }
                } else if (p instanceof ASN1Sequence seq) {
                    if (seq.size() > 0 && seq.getObjectAt(0) instanceof ASN1Integer) {
                        entry(seq, fields);
                    } else {
                        for (ASN1Encodable entry : seq) {
                            entry(entry.toASN1Primitive(), fields);
                        }
                    }
                }
                // any other element type is an unknown extension: ignored by design
            }
            if (fields.isEmpty()) {
                throw new IcaoException(IcaoErrorCode.DG13_MALFORMED, "no fields");
            }
            Map<Integer, List<String>> frozen = new TreeMap<>();
            fields.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
            return new Dg13(version, oid, Collections.unmodifiableMap(frozen));
        } catch (IcaoException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IcaoException(IcaoErrorCode.DG13_MALFORMED, e.getClass().getSimpleName(), e);
        }
    }

    private static void entry(ASN1Primitive p, Map<Integer, List<String>> fields) throws IcaoException {
        if (!(p instanceof ASN1Sequence seq) || seq.size() < 1 || !(seq.getObjectAt(0) instanceof ASN1Integer n)) {
            return; // tolerated: unknown entry shape
        }
        int key;
        try {
            key = n.intValueExact();
        } catch (ArithmeticException e) {
            return; // tolerated: absurd field number, ignored
        }
        if (key < 0) {
            return;
        }
        if (fields.size() >= MAX_FIELDS && !fields.containsKey(key)) {
            throw new IcaoException(IcaoErrorCode.DG13_MALFORMED, "too many fields");
        }
        List<String> values = fields.computeIfAbsent(key, k -> new ArrayList<>());
        for (int i = 1; i < seq.size(); i++) {
            collect(seq.getObjectAt(i).toASN1Primitive(), values, 0);
        }
    }

    private static void collect(ASN1Primitive p, List<String> out, int depth) throws IcaoException {
        if (out.size() >= MAX_VALUES || depth > 2) {
            return;
        }
        if (p instanceof ASN1String s) {
            out.add(s.getString().strip());
        } else if (p instanceof ASN1Integer i) {
            out.add(i.getValue().toString());
        } else if (p instanceof ASN1Sequence || p instanceof ASN1Set) {
            for (ASN1Encodable e : (Iterable<ASN1Encodable>) (p instanceof ASN1Sequence s ? s : (ASN1Set) p)) {
                collect(e.toASN1Primitive(), out, depth + 1);
            }
        }
    }

    public int version() {
        return version;
    }

    public Optional<String> oid() {
        return Optional.ofNullable(oid);
    }

    /** All fields by number, each a list of text values (field 13 holds father then mother). */
    public Map<Integer, List<String>> fields() {
        return fields;
    }

    public Optional<String> field(int n) {
        List<String> v = fields.get(n);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    public Optional<String> idNumber() {
        return field(ID_NUMBER);
    }

    public Optional<String> fullName() {
        return field(FULL_NAME);
    }

    public Optional<LocalDate> dateOfBirth() {
        return dateOfBirth;
    }

    public Optional<String> sex() {
        return field(SEX);
    }

    /** 'M', 'F' or empty, from the Vietnamese or English text of field 4. */
    public Optional<Character> sexCode() {
        return sex().map(s -> s.toLowerCase(java.util.Locale.ROOT)).flatMap(s -> {
            if (s.equals("nam") || s.equals("m") || s.equals("male")) {
                return Optional.of('M');
            }
            if (s.equals("nữ") || s.equals("nu") || s.equals("f") || s.equals("female")) {
                return Optional.of('F');
            }
            return Optional.empty();
        });
    }

    public Optional<LocalDate> dateOfIssue() {
        return dateOfIssue;
    }

    public Optional<LocalDate> dateOfExpiry() {
        return dateOfExpiry;
    }

    public Optional<String> fatherName() {
        List<String> v = fields.get(PARENTS);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    public Optional<String> motherName() {
        List<String> v = fields.get(PARENTS);
        return v == null || v.size() < 2 ? Optional.empty() : Optional.of(v.get(1));
    }

    /** dd/mm/yyyy (also accepts dd-mm-yyyy and dd.mm.yyyy). */
    public static Optional<LocalDate> parseDate(String s) {
        String t = s.strip().replace('-', '/').replace('.', '/');
        String[] parts = t.split("/");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(parts[2]), Integer.parseInt(parts[1]), Integer.parseInt(parts[0])));
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "Dg13[version=" + version + ", fields=" + fields.keySet() + "]";
    }
}
