package vn.dinhdanh.icao.virtualcard;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.GeneralSecurityException;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.dinhdanh.icao.verify.Crypto;

/** Key types the issuer can make. Generated keys are cached per (seed, label, spec) in the JVM. */
public enum KeySpec {
    RSA_1024("RSA", 1024, null),
    RSA_2048("RSA", 2048, null),
    RSA_3072("RSA", 3072, null),
    EC_P256("EC", 256, "secp256r1"),
    EC_P384("EC", 384, "secp384r1"),
    EC_P521("EC", 521, "secp521r1"),
    EC_BRAINPOOL_P256R1("EC", 256, "brainpoolP256r1"),
    EC_BRAINPOOL_P384R1("EC", 384, "brainpoolP384r1"),
    EC_P192("EC", 192, "secp192r1");

    private static final Map<String, KeyPair> CACHE = new ConcurrentHashMap<>();

    private final String family;
    private final int bits;
    private final String curve;

    KeySpec(String family, int bits, String curve) {
        this.family = family;
        this.bits = bits;
        this.curve = curve;
    }

    public boolean isRsa() {
        return "RSA".equals(family);
    }

    public int bits() {
        return bits;
    }

    /** Deterministic key pair for (seed, label); cached, since RSA generation is slow. */
    public KeyPair generate(String seed, String label) {
        return CACHE.computeIfAbsent(seed + "|" + label + "|" + name(), k -> {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance(family, Crypto.provider());
                DeterministicRandom rnd = new DeterministicRandom(k);
                if (isRsa()) {
                    g.initialize(new RSAKeyGenParameterSpec(bits, BigInteger.valueOf(65537)), rnd);
                } else {
                    g.initialize(new ECGenParameterSpec(curve), rnd);
                }
                return g.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot generate " + name(), e);
            }
        });
    }
}
