package vn.dinhdanh.icao.lds;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import vn.dinhdanh.icao.IcaoErrorCode;
import vn.dinhdanh.icao.IcaoException;
import vn.dinhdanh.icao.verify.Crypto;

/** DG15: tag 0x6F around the Active Authentication SubjectPublicKeyInfo (RSA or EC). */
public final class Dg15 {
    public static final int TAG = 0x6F;
    private static final int MIN_RSA_BITS = 1024;
    private static final int MAX_RSA_BITS = 8192;

    private final PublicKey publicKey;

    private Dg15(PublicKey publicKey) {
        this.publicKey = publicKey;
    }

    public static Dg15 parse(byte[] dg15) throws IcaoException {
        return parse(dg15, Limits.DEFAULT);
    }

    public static Dg15 parse(byte[] dg15, Limits limits) throws IcaoException {
        ASN1Sequence content = Lds.unwrap(dg15, TAG, IcaoErrorCode.DG15_WRONG_TAG, IcaoErrorCode.DG15_MALFORMED, limits);
        SubjectPublicKeyInfo spki;
        byte[] encoded;
        try {
            if (content.size() != 1) {
                throw new IcaoException(IcaoErrorCode.DG15_MALFORMED, "DG15 must hold one SubjectPublicKeyInfo");
            }
            spki = SubjectPublicKeyInfo.getInstance(content.getObjectAt(0));
            encoded = spki.getEncoded(ASN1Encoding.DER);
        } catch (IcaoException e) {
            throw e;
        } catch (RuntimeException | IOException e) {
            throw new IcaoException(IcaoErrorCode.DG15_MALFORMED, e.getClass().getSimpleName(), e);
        }
        String family;
        if (PKCSObjectIdentifiers.rsaEncryption.equals(spki.getAlgorithm().getAlgorithm())) {
            family = "RSA";
        } else if (X9ObjectIdentifiers.id_ecPublicKey.equals(spki.getAlgorithm().getAlgorithm())) {
            family = "EC";
        } else {
            throw new IcaoException(IcaoErrorCode.DG15_KEY_UNSUPPORTED, "algorithm " + spki.getAlgorithm().getAlgorithm());
        }
        PublicKey key;
        try {
            key = KeyFactory.getInstance(family, Crypto.provider()).generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IcaoException(IcaoErrorCode.DG15_KEY_UNSUPPORTED, e.getClass().getSimpleName(), e);
        }
        if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS || rsa.getPublicExponent().signum() <= 0
                    || !rsa.getModulus().testBit(0)) {
                throw new IcaoException(IcaoErrorCode.DG15_KEY_UNSUPPORTED, "RSA modulus of " + bits + " bits");
            }
        } else if (!(key instanceof ECPublicKey)) {
            throw new IcaoException(IcaoErrorCode.DG15_KEY_UNSUPPORTED, "key class");
        }
        return new Dg15(key);
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public boolean isRsa() {
        return publicKey instanceof RSAPublicKey;
    }
}
