package vn.dinhdanh.chipcard.keycloak.fuzz;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;
import vn.dinhdanh.chipcard.keycloak.ChipCardEvidenceJson;
import vn.dinhdanh.icao.verify.CardEvidence;

/**
 * The fuzz target of the app's evidence JSON. Contract under test: for any body, {@link ChipCardEvidenceJson#parse}
 * either returns evidence that is complete (EF.SOD, at least one data group numbered 1..16, an AA signature) and
 * turns into a {@link CardEvidence} carrying the same bytes, or throws {@link ChipCardEvidenceJson.InvalidEvidence}
 * with a short message that echoes nothing of the body. Any other throwable (a RuntimeException from Jackson or the
 * decoder, OutOfMemoryError, StackOverflowError) is a finding; the test method's timeout bounds the time per input.
 */
public final class EvidenceFuzzTarget {

    static final byte[] CHALLENGE = {0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, (byte) 0x88};
    /** An ID number (12 digits) or an old ID number (9): no error message may carry such a run of digits. */
    private static final Pattern ID_LIKE = Pattern.compile("[0-9]{9,}");

    private EvidenceFuzzTarget() {
    }

    public static void run(byte[] body) {
        ChipCardEvidenceJson.Parsed parsed;
        try {
            parsed = ChipCardEvidenceJson.parse(new ByteArrayInputStream(body));
        } catch (ChipCardEvidenceJson.InvalidEvidence e) {
            String m = e.getMessage();
            if (m == null || m.isBlank() || m.length() > 120 || ID_LIKE.matcher(m).find() || !m.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                throw new IllegalStateException("InvalidEvidence must carry a short fixed message, got: " + m);
            }
            return;
        }
        if (body.length > ChipCardEvidenceJson.MAX_BYTES) {
            throw new IllegalStateException("accepted a body of " + body.length + " bytes");
        }
        check(parsed.sod() != null, "no EF.SOD");
        check(parsed.aaSignature() != null, "no AA signature");
        Map<Integer, byte[]> groups = parsed.dataGroups();
        check(groups != null && !groups.isEmpty(), "no data group");
        groups.forEach((n, bytes) -> check(n >= 1 && n <= 16 && bytes != null, "data group " + n));
        check(parsed.signedChallenge() != null, "signedChallenge is null instead of empty");

        CardEvidence evidence = parsed.withChallenge(CHALLENGE);
        check(Arrays.equals(evidence.sod(), parsed.sod()), "EF.SOD changed on the way to CardEvidence");
        check(evidence.aaSignature().map(s -> Arrays.equals(s, parsed.aaSignature())).orElse(false), "AA signature changed");
        check(evidence.challenge().map(c -> Arrays.equals(c, CHALLENGE)).orElse(false), "challenge changed");
        check(evidence.dataGroups().keySet().equals(groups.keySet()), "data groups changed");
        groups.forEach((n, bytes) -> check(Arrays.equals(evidence.dataGroups().get(n), bytes), "DG" + n + " changed"));
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("accepted evidence breaks the contract: " + what);
        }
    }
}
