package vn.dinhdanh.icao.lds;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.asn1.bsi.BSIObjectIdentifiers;

/** Algorithm identifiers used by ICAO 9303 and their JCA names. */
public final class Algorithms {
    private Algorithms() {
    }

    /** Digest OID to JCA name. */
    public static final Map<ASN1ObjectIdentifier, String> DIGESTS = Map.of(
            PKCSObjectIdentifiers.md5, "MD5",
            OIWObjectIdentifiers.idSHA1, "SHA-1",
            NISTObjectIdentifiers.id_sha224, "SHA-224",
            NISTObjectIdentifiers.id_sha256, "SHA-256",
            NISTObjectIdentifiers.id_sha384, "SHA-384",
            NISTObjectIdentifiers.id_sha512, "SHA-512");

    /** Digest JCA name to OID. */
    public static ASN1ObjectIdentifier digestOid(String name) {
        for (Map.Entry<ASN1ObjectIdentifier, String> e : DIGESTS.entrySet()) {
            if (e.getValue().equals(name)) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("unknown digest " + name);
    }

    public static Optional<String> digestName(ASN1ObjectIdentifier oid) {
        return Optional.ofNullable(DIGESTS.get(oid));
    }

    public static int digestLength(String name) {
        switch (name) {
            case "MD5": return 16;
            case "SHA-1": return 20;
            case "SHA-224": return 28;
            case "SHA-256": return 32;
            case "SHA-384": return 48;
            case "SHA-512": return 64;
            default: throw new IllegalArgumentException(name);
        }
    }

    private static final Map<String, MessageDigest> PROTOTYPES = new java.util.concurrent.ConcurrentHashMap<>();

    /** A fresh MessageDigest (cloned from a prototype); JDK digests exist for every name in {@link #DIGESTS}. */
    public static MessageDigest digest(String name) {
        try {
            MessageDigest proto = PROTOTYPES.get(name);
            if (proto == null) {
                proto = MessageDigest.getInstance(name);
                PROTOTYPES.putIfAbsent(name, proto);
            }
            return (MessageDigest) proto.clone();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + name, e);
        } catch (CloneNotSupportedException e) {
            try {
                return MessageDigest.getInstance(name);
            } catch (NoSuchAlgorithmException e2) {
                throw new IllegalStateException("JDK lacks " + name, e2);
            }
        }
    }

    public static byte[] hash(String name, byte[] data) {
        return digest(name).digest(data);
    }

    /** Kind of signature: the key family it needs. */
    public enum KeyFamily { RSA, RSA_PSS, EC }

    /**
     * A signature algorithm recognised in a SignerInfo or certificate.
     *
     * @param jcaName JCA algorithm name (for PSS: the hash, parameters set separately)
     * @param digest digest JCA name (may be null for rsaEncryption, taken from the SignerInfo)
     */
    public record SignatureAlg(String jcaName, String digest, KeyFamily family) {
    }

    private static final Map<ASN1ObjectIdentifier, SignatureAlg> SIGNATURES = Map.ofEntries(
            Map.entry(PKCSObjectIdentifiers.md5WithRSAEncryption, new SignatureAlg("MD5withRSA", "MD5", KeyFamily.RSA)),
            Map.entry(PKCSObjectIdentifiers.sha1WithRSAEncryption, new SignatureAlg("SHA1withRSA", "SHA-1", KeyFamily.RSA)),
            Map.entry(PKCSObjectIdentifiers.sha224WithRSAEncryption, new SignatureAlg("SHA224withRSA", "SHA-224", KeyFamily.RSA)),
            Map.entry(PKCSObjectIdentifiers.sha256WithRSAEncryption, new SignatureAlg("SHA256withRSA", "SHA-256", KeyFamily.RSA)),
            Map.entry(PKCSObjectIdentifiers.sha384WithRSAEncryption, new SignatureAlg("SHA384withRSA", "SHA-384", KeyFamily.RSA)),
            Map.entry(PKCSObjectIdentifiers.sha512WithRSAEncryption, new SignatureAlg("SHA512withRSA", "SHA-512", KeyFamily.RSA)),
            Map.entry(PKCSObjectIdentifiers.rsaEncryption, new SignatureAlg(null, null, KeyFamily.RSA)),
            Map.entry(PKCSObjectIdentifiers.id_RSASSA_PSS, new SignatureAlg("RSASSA-PSS", null, KeyFamily.RSA_PSS)),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA1, new SignatureAlg("SHA1withECDSA", "SHA-1", KeyFamily.EC)),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA224, new SignatureAlg("SHA224withECDSA", "SHA-224", KeyFamily.EC)),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA256, new SignatureAlg("SHA256withECDSA", "SHA-256", KeyFamily.EC)),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA384, new SignatureAlg("SHA384withECDSA", "SHA-384", KeyFamily.EC)),
            Map.entry(X9ObjectIdentifiers.ecdsa_with_SHA512, new SignatureAlg("SHA512withECDSA", "SHA-512", KeyFamily.EC)));

    public static Optional<SignatureAlg> signature(ASN1ObjectIdentifier oid) {
        return Optional.ofNullable(SIGNATURES.get(oid));
    }

    /** JCA name of an RSA PKCS#1 v1.5 signature with the given digest. */
    public static String rsaPkcs1Name(String digest) {
        return digest.replace("-", "") + "withRSA";
    }

    /** ECDSA plain (r||s) signature algorithms for EC Active Authentication, by DG14 OID. */
    private static final Map<ASN1ObjectIdentifier, String> AA_EC = Map.of(
            BSIObjectIdentifiers.ecdsa_plain_SHA1, "SHA-1",
            BSIObjectIdentifiers.ecdsa_plain_SHA224, "SHA-224",
            BSIObjectIdentifiers.ecdsa_plain_SHA256, "SHA-256",
            BSIObjectIdentifiers.ecdsa_plain_SHA384, "SHA-384",
            BSIObjectIdentifiers.ecdsa_plain_SHA512, "SHA-512",
            X9ObjectIdentifiers.ecdsa_with_SHA1, "SHA-1",
            X9ObjectIdentifiers.ecdsa_with_SHA224, "SHA-224",
            X9ObjectIdentifiers.ecdsa_with_SHA256, "SHA-256",
            X9ObjectIdentifiers.ecdsa_with_SHA384, "SHA-384",
            X9ObjectIdentifiers.ecdsa_with_SHA512, "SHA-512");

    /** Digest of the EC AA signature algorithm named in DG14. */
    public static Optional<String> aaEcDigest(ASN1ObjectIdentifier oid) {
        return Optional.ofNullable(AA_EC.get(oid));
    }

    public static boolean isWeakDigest(String digest, boolean allowSha1) {
        return "MD5".equals(digest) || ("SHA-1".equals(digest) && !allowSha1);
    }
}
