package vn.dinhdanh.icao.verify;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Access to one private (unregistered) Bouncy Castle provider instance, so the library
 * works whether or not the host (e.g. Keycloak) registered BC, and never changes the
 * JVM's provider list.
 */
public final class Crypto {
    private static final Provider BC = new BouncyCastleProvider();

    private Crypto() {
    }

    public static Provider provider() {
        return BC;
    }

    /** RSA or EC public key from a SubjectPublicKeyInfo. */
    public static PublicKey publicKey(SubjectPublicKeyInfo spki) throws GeneralSecurityException {
        ASN1ObjectIdentifier alg = spki.getAlgorithm().getAlgorithm();
        String family;
        if (PKCSObjectIdentifiers.rsaEncryption.equals(alg) || PKCSObjectIdentifiers.id_RSASSA_PSS.equals(alg)) {
            family = "RSA";
        } else if (X9ObjectIdentifiers.id_ecPublicKey.equals(alg)) {
            family = "EC";
        } else {
            throw new GeneralSecurityException("unsupported key algorithm " + alg);
        }
        try {
            return KeyFactory.getInstance(family, BC).generatePublic(new X509EncodedKeySpec(spki.getEncoded(ASN1Encoding.DER)));
        } catch (IOException e) {
            throw new GeneralSecurityException("key encoding", e);
        }
    }

    /** Key size in bits: RSA modulus or EC field size. */
    public static int keyBits(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize();
        }
        return 0;
    }

    private static ContentVerifierProvider verifier(PublicKey key) throws OperatorCreationException {
        return new JcaContentVerifierProviderBuilder().setProvider(BC).build(key);
    }

    /** Verifies a certificate's signature; false on any failure, never throws. */
    public static boolean verifies(X509CertificateHolder cert, PublicKey issuerKey) {
        try {
            return cert.isSignatureValid(verifier(issuerKey));
        } catch (OperatorCreationException | org.bouncycastle.cert.CertException | RuntimeException e) {
            return false;
        }
    }

    /** Verifies a CRL's signature; false on any failure, never throws. */
    public static boolean verifies(X509CRLHolder crl, PublicKey issuerKey) {
        try {
            return crl.isSignatureValid(verifier(issuerKey));
        } catch (OperatorCreationException | org.bouncycastle.cert.CertException | RuntimeException e) {
            return false;
        }
    }
}
