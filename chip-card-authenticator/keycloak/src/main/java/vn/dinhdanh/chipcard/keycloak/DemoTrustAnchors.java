package vn.dinhdanh.chipcard.keycloak;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The CSCAs a production server must never trust: the demo state's CSCA, whose private key anyone can derive from the
 * published seed, and every CSCA of the virtual-card issuer (its subjects say "TEST only - not a trust anchor").
 */
public final class DemoTrustAnchors {

    /** SHA-256 of the subject public key info of the demo CSCA (seed {@code dinhdanh-demo-DEMO-ONLY}). */
    static final Set<String> DEMO_KEY_FINGERPRINTS = Set.of("55156e6b34158e56308621a9f0a84d35fb9f82ba2270fe4dc6b55eae19c6e80d");
    static final String TEST_MARK = "not a trust anchor";

    private DemoTrustAnchors() {
    }

    public static boolean isDemo(X509CertificateHolder certificate) {
        for (RDN rdn : certificate.getSubject().getRDNs(BCStyle.OU)) {
            if (IETFUtils.valueToString(rdn.getFirst().getValue()).contains(TEST_MARK)) {
                return true;
            }
        }
        return DEMO_KEY_FINGERPRINTS.contains(keyFingerprint(certificate));
    }

    static String keyFingerprint(X509CertificateHolder certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getSubjectPublicKeyInfo().getEncoded()));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("The key of a CSCA could not be encoded", e);
        }
    }
}
