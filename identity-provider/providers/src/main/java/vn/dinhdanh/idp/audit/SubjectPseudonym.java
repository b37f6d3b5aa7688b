package vn.dinhdanh.idp.audit;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed pseudonym by which the audit trail names a citizen: HMAC-SHA-256 of the personal ID number under a key
 * that lives outside the database (the operator's secret). With the key an investigator can find every record of one
 * citizen; without it the trail reveals no number (a plain hash of a 12-digit number would be reversed by trying them
 * all).
 */
public final class SubjectPseudonym {

    public static final int MIN_KEY_LENGTH = 32;
    /** How the published key of the demo profile begins; a production start refuses such a key. */
    public static final String DEMO_KEY_PREFIX = "DEMO-ONLY";
    private static final Pattern PIN = Pattern.compile("\\d{12}");
    private final SecretKeySpec key;

    public SubjectPseudonym(String key) {
        if (key == null || key.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("the audit pseudonym key must have at least " + MIN_KEY_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The pseudonym of this personal ID number; null for anything that is not one (a typo is no citizen). */
    public String of(String personalIdNumber) {
        if (personalIdNumber == null || !PIN.matcher(personalIdNumber.trim()).matches()) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(("pin:" + personalIdNumber.trim()).getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA-256 is missing from this JVM", e);
        }
    }
}
