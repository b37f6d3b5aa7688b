package vn.dinhdanh.icao.verify;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import vn.dinhdanh.icao.IcaoErrorCode;
import vn.dinhdanh.icao.IcaoException;
import vn.dinhdanh.icao.lds.Algorithms;

/**
 * Active Authentication signature checks (ICAO 9303 part 11, section 6.1).
 *
 * <p>RSA: ISO/IEC 9796-2 digital signature scheme 1 with partial message recovery. The
 * recovered representative is {@code 0x6A || M1 || H(M1 || challenge) || trailer} where the
 * trailer is {@code 0xBC} (implicit SHA-1) or {@code 0x?? 0xCC} naming the hash (0x33 SHA-1,
 * 0x34 SHA-256, 0x35 SHA-512, 0x36 SHA-384, 0x38 SHA-224). RSA keys of 1024 bits and SHA-1
 * are accepted here because the verifier chooses the challenge.
 *
 * <p>EC: ECDSA over the challenge with the hash named in DG14, signature as plain r||s.
 */
public final class ActiveAuthenticator {
    public static final int CHALLENGE_LENGTH = 8;

    private ActiveAuthenticator() {
    }

    /** Verifies an RSA ISO/IEC 9796-2 AA signature over {@code challenge}. */
    public static void verifyRsa(RSAPublicKey key, byte[] challenge, byte[] signature) throws IcaoException {
        checkChallenge(challenge);
        BigInteger n = key.getModulus();
        int k = (n.bitLength() + 7) / 8;
        if (signature == null || signature.length != k) {
            throw new IcaoException(IcaoErrorCode.AA_SIGNATURE_TRUNCATED, "length " + (signature == null ? 0 : signature.length) + " != " + k);
        }
        BigInteger s = new BigInteger(1, signature);
        if (s.signum() == 0 || s.compareTo(n) >= 0) {
            throw new IcaoException(IcaoErrorCode.AA_WRONG_KEY, "signature out of range");
        }
        BigInteger t = s.modPow(key.getPublicExponent(), n);
        byte[] block = fixed(t, k);
        if ((block[0] & 0xFF) != 0x6A) {
            block = fixed(n.subtract(t), k);
            if ((block[0] & 0xFF) != 0x6A) {
                throw new IcaoException(IcaoErrorCode.AA_WRONG_KEY, "no ISO/IEC 9796-2 header");
            }
        }
        int last = block[k - 1] & 0xFF;
        String digest;
        int trailerLength;
        if (last == 0xBC) {
            digest = "SHA-1";
            trailerLength = 1;
        } else if (last == 0xCC) {
            trailerLength = 2;
            switch (block[k - 2] & 0xFF) {
                case 0x33 -> digest = "SHA-1";
                case 0x34 -> digest = "SHA-256";
                case 0x35 -> digest = "SHA-512";
                case 0x36 -> digest = "SHA-384";
                case 0x38 -> digest = "SHA-224";
                default -> throw new IcaoException(IcaoErrorCode.AA_WRONG_TRAILER, "unknown hash identifier");
            }
        } else {
            throw new IcaoException(IcaoErrorCode.AA_WRONG_TRAILER, "trailer byte");
        }
        int hLen = Algorithms.digestLength(digest);
        int m1Length = k - 1 - hLen - trailerLength;
        if (m1Length < 1) {
            throw new IcaoException(IcaoErrorCode.AA_WRONG_TRAILER, "hash does not fit the key");
        }
        MessageDigest md = Algorithms.digest(digest);
        md.update(block, 1, m1Length);
        md.update(challenge);
        byte[] expected = md.digest();
        byte[] d = java.util.Arrays.copyOfRange(block, 1 + m1Length, 1 + m1Length + hLen);
        if (!MessageDigest.isEqual(expected, d)) {
            throw new IcaoException(IcaoErrorCode.AA_WRONG_CHALLENGE);
        }
    }

    /** Verifies an EC AA signature (plain r||s) with the algorithm named by DG14. */
    public static void verifyEc(ECPublicKey key, ASN1ObjectIdentifier algorithm, byte[] challenge, byte[] signature)
            throws IcaoException {
        checkChallenge(challenge);
        String digest = Algorithms.aaEcDigest(algorithm)
                .orElseThrow(() -> new IcaoException(IcaoErrorCode.AA_ALGORITHM_UNSUPPORTED, "OID " + algorithm));
        int orderBytes = (key.getParams().getOrder().bitLength() + 7) / 8;
        if (signature == null || signature.length != 2 * orderBytes) {
            throw new IcaoException(IcaoErrorCode.AA_SIGNATURE_TRUNCATED, "length " + (signature == null ? 0 : signature.length) + " != " + 2 * orderBytes);
        }
        try {
            Signature v = Signature.getInstance(digest.replace("-", "") + "withPLAIN-ECDSA", Crypto.provider());
            v.initVerify(key);
            v.update(challenge);
            if (!v.verify(signature)) {
                throw new IcaoException(IcaoErrorCode.AA_SIGNATURE_INVALID);
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IcaoException(IcaoErrorCode.AA_SIGNATURE_INVALID, e.getClass().getSimpleName(), e);
        }
    }

    /** Dispatches on the key type. {@code dg14Algorithm} is needed for EC only. */
    public static void verify(PublicKey key, ASN1ObjectIdentifier dg14Algorithm, byte[] challenge, byte[] signature)
            throws IcaoException {
        if (key instanceof RSAPublicKey rsa) {
            verifyRsa(rsa, challenge, signature);
        } else if (key instanceof ECPublicKey ec) {
            if (dg14Algorithm == null) {
                throw new IcaoException(IcaoErrorCode.AA_ALGORITHM_MISSING);
            }
            verifyEc(ec, dg14Algorithm, challenge, signature);
        } else {
            throw new IcaoException(IcaoErrorCode.DG15_KEY_UNSUPPORTED);
        }
    }

    private static void checkChallenge(byte[] challenge) throws IcaoException {
        if (challenge == null || challenge.length != CHALLENGE_LENGTH) {
            throw new IcaoException(IcaoErrorCode.AA_CHALLENGE_INVALID);
        }
    }

    private static byte[] fixed(BigInteger v, int k) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[k];
        int copy = Math.min(raw.length, k);
        System.arraycopy(raw, raw.length - copy, out, k - copy, copy);
        return out;
    }
}
