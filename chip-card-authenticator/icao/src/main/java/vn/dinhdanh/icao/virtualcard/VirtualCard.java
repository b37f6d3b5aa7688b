package vn.dinhdanh.icao.virtualcard;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import vn.dinhdanh.icao.lds.Algorithms;
import vn.dinhdanh.icao.verify.CardEvidence;
import vn.dinhdanh.icao.verify.Crypto;

/**
 * A virtual chip: its files (EF.COM, DGs, EF.SOD) and an Active Authentication key it uses
 * to answer challenges the way a real chip does. Test artefact only.
 */
public final class VirtualCard {
    private final byte[] com;
    private final Map<Integer, byte[]> dataGroups;
    private final byte[] sod;
    private final KeyPair aaKey;
    private final KeyPair cloneKey;
    private final CardOptions options;
    private final String seed;

    VirtualCard(byte[] com, Map<Integer, byte[]> dataGroups, byte[] sod, KeyPair aaKey, KeyPair cloneKey,
                CardOptions options, String seed) {
        this.com = com;
        this.dataGroups = Collections.unmodifiableMap(new TreeMap<>(dataGroups));
        this.sod = sod;
        this.aaKey = aaKey;
        this.cloneKey = cloneKey;
        this.options = options;
        this.seed = seed;
    }

    public byte[] com() {
        return com.clone();
    }

    public byte[] sod() {
        return sod.clone();
    }

    /** Data groups by number (copies). */
    public Map<Integer, byte[]> dataGroups() {
        Map<Integer, byte[]> m = new TreeMap<>();
        dataGroups.forEach((k, v) -> m.put(k, v.clone()));
        return m;
    }

    public byte[] dataGroup(int n) {
        byte[] b = dataGroups.get(n);
        return b == null ? null : b.clone();
    }

    /** Files as base64 strings keyed "EF.COM", "EF.SOD", "DG1", ... for JSON. */
    public Map<String, String> toBase64Files() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("EF.COM", Base64.getEncoder().encodeToString(com));
        m.put("EF.SOD", Base64.getEncoder().encodeToString(sod));
        dataGroups.forEach((k, v) -> m.put("DG" + k, Base64.getEncoder().encodeToString(v)));
        return m;
    }

    /** The AA key pair (for tests; a real chip never reveals it). */
    public KeyPair aaKeyPair() {
        return aaKey;
    }

    /** INTERNAL AUTHENTICATE: signs the 8-byte challenge like a chip. */
    public byte[] respondToChallenge(byte[] challenge) {
        byte[] signed = challenge.clone();
        if (options.aaBehaviour == AaBehaviour.REPLAY) {
            signed = Algorithms.hash("SHA-256", challenge);
            signed = java.util.Arrays.copyOf(signed, challenge.length);
        }
        KeyPair kp = options.aaBehaviour == AaBehaviour.CLONED ? cloneKey : aaKey;
        try {
            if (kp.getPublic() instanceof RSAPublicKey) {
                return iso9796(kp, signed);
            }
            Signature s = Signature.getInstance(options.aaEcDigest.replace("-", "") + "withPLAIN-ECDSA", Crypto.provider());
            s.initSign(kp.getPrivate(), new DeterministicRandom(seed + "|aa|" + Base64.getEncoder().encodeToString(challenge)));
            s.update(signed);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("virtual chip cannot sign", e);
        }
    }

    /** Evidence as a reader app would post it after asking the chip to sign {@code challenge}. */
    public CardEvidence evidence(byte[] challenge) {
        CardEvidence.Builder b = CardEvidence.builder().sod(sod).com(com).challenge(challenge)
                .aaSignature(challenge == null ? null : respondToChallenge(challenge));
        dataGroups.forEach(b::dataGroup);
        return b.build();
    }

    private byte[] iso9796(KeyPair kp, byte[] challenge) {
        RSAPublicKey pub = (RSAPublicKey) kp.getPublic();
        BigInteger n = pub.getModulus();
        int k = (n.bitLength() + 7) / 8;
        String digest = options.aaRsaDigest;
        int trailerLength = "SHA-1".equals(digest) ? 1 : 2;
        if (options.aaBehaviour == AaBehaviour.UNKNOWN_HASH_ID) {
            trailerLength = 2;
        }
        int hLen = Algorithms.digestLength(digest);
        byte[] m1 = new byte[k - 1 - hLen - trailerLength];
        new DeterministicRandom(seed + "|m1|" + Base64.getEncoder().encodeToString(challenge)).nextBytes(m1);
        MessageDigest md = Algorithms.digest(digest);
        md.update(m1);
        md.update(challenge);
        byte[] d = md.digest();
        byte[] block = new byte[k];
        block[0] = options.aaBehaviour == AaBehaviour.WRONG_HEADER ? (byte) 0x4B : (byte) 0x6A;
        System.arraycopy(m1, 0, block, 1, m1.length);
        System.arraycopy(d, 0, block, 1 + m1.length, hLen);
        if (options.aaBehaviour == AaBehaviour.UNKNOWN_HASH_ID) {
            block[k - 2] = (byte) 0x3F;
            block[k - 1] = (byte) 0xCC;
        } else if (trailerLength == 1) {
            block[k - 1] = (byte) 0xBC;
        } else {
            block[k - 2] = (byte) switch (digest) {
                case "SHA-256" -> 0x34;
                case "SHA-512" -> 0x35;
                case "SHA-384" -> 0x36;
                case "SHA-224" -> 0x38;
                default -> 0x33;
            };
            block[k - 1] = (byte) 0xCC;
        }
        if (options.aaBehaviour == AaBehaviour.WRONG_TRAILER) {
            block[k - 1] = (byte) 0xBD;
        }
        BigInteger d2 = ((RSAPrivateKey) kp.getPrivate()).getPrivateExponent();
        BigInteger s = new BigInteger(1, block).modPow(d2, n);
        byte[] raw = s.toByteArray();
        byte[] out = new byte[k];
        int copy = Math.min(raw.length, k);
        System.arraycopy(raw, raw.length - copy, out, k - copy, copy);
        return out;
    }

    @Override
    public String toString() {
        return "VirtualCard[" + dataGroups.keySet() + "]";
    }
}
