package vn.dinhdanh.icao;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dinhdanh.icao.IcaoErrorCode.*;

import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.dinhdanh.icao.lds.Dg14;
import vn.dinhdanh.icao.trust.TrustStore;
import vn.dinhdanh.icao.trust.TrustStoreLoader;
import vn.dinhdanh.icao.verify.CardEvidence;
import vn.dinhdanh.icao.verify.CardVerifier;
import vn.dinhdanh.icao.verify.Check;
import vn.dinhdanh.icao.verify.VerificationResult;
import vn.dinhdanh.icao.verify.VerifierConfig;
import vn.dinhdanh.icao.virtualcard.AaBehaviour;
import vn.dinhdanh.icao.virtualcard.CardOptions;
import vn.dinhdanh.icao.virtualcard.Citizen;
import vn.dinhdanh.icao.virtualcard.Credential;
import vn.dinhdanh.icao.virtualcard.KeySpec;
import vn.dinhdanh.icao.virtualcard.SigAlg;
import vn.dinhdanh.icao.virtualcard.SodFault;
import vn.dinhdanh.icao.virtualcard.TestCountry;
import vn.dinhdanh.icao.virtualcard.TestPki;
import vn.dinhdanh.icao.virtualcard.VirtualCard;
import vn.dinhdanh.icao.virtualcard.VirtualCardIssuer;

/**
 * Negative suite after BSI TR-03105 part 5.1 (LDS_H for EF.SOD, DG14/DG15, Active
 * Authentication): every case asserts its one specific error code.
 */
class NegativeSuiteTest {
    private static final Citizen C = Fixtures.CITIZEN;
    private static final byte[] CH = Fixtures.CHALLENGE;

    @FunctionalInterface
    interface Run {
        IcaoErrorCode observe() throws Exception;
    }

    private static final List<Arguments> CASES = new ArrayList<>();

    private static void add(String name, IcaoErrorCode expected, Run run) {
        CASES.add(Arguments.of(name, expected, run));
    }

    // ------------------------------------------------------------------ helpers

    static IcaoErrorCode primary(VerificationResult r) {
        return r.failureCode().orElse(null);
    }

    static IcaoErrorCode ec(CardOptions o) {
        VirtualCard card = Fixtures.ec().issuer().issue(C, o);
        return primary(Fixtures.verifier(Fixtures.ec()).verify(card.evidence(CH)));
    }

    static IcaoErrorCode rsa(CardOptions o) {
        VirtualCard card = Fixtures.rsa().issuer().issue(C, o);
        return primary(Fixtures.verifier(Fixtures.rsa()).verify(card.evidence(CH)));
    }

    static CardOptions rsaAa() {
        return CardOptions.defaults().aaKey(KeySpec.RSA_1024);
    }

    static IcaoErrorCode fault(SodFault f) {
        return ec(CardOptions.defaults().fault(f));
    }

    static IcaoErrorCode rsaFault(SodFault f) {
        return rsa(rsaAa().fault(f));
    }

    /** EC card, evidence modified before verification. */
    static IcaoErrorCode ecEvidence(CardOptions o, Consumer<CardEvidence.Builder> change) {
        VirtualCard card = Fixtures.ec().issuer().issue(C, o);
        return primary(Fixtures.verifier(Fixtures.ec()).verify(evidence(card, CH, card.respondToChallenge(CH), change)));
    }

    static IcaoErrorCode rsaEvidence(CardOptions o, Consumer<CardEvidence.Builder> change) {
        VirtualCard card = Fixtures.rsa().issuer().issue(C, o);
        return primary(Fixtures.verifier(Fixtures.rsa()).verify(evidence(card, CH, card.respondToChallenge(CH), change)));
    }

    static CardEvidence evidence(VirtualCard card, byte[] challenge, byte[] sig, Consumer<CardEvidence.Builder> change) {
        CardEvidence.Builder b = CardEvidence.builder().sod(card.sod()).com(card.com()).challenge(challenge).aaSignature(sig);
        card.dataGroups().forEach(b::dataGroup);
        change.accept(b);
        return b.build();
    }

    /** The outcome code of one check (for secondary failures). */
    static IcaoErrorCode checkCode(VerificationResult r, Check c) {
        return r.check(c).map(x -> x.code()).orElse(null);
    }

    static IcaoErrorCode sodBytes(byte[] sod) {
        return ecEvidence(CardOptions.defaults(), b -> b.sod(sod));
    }

    static byte[] goodEcSod() {
        return Fixtures.ec().issuer().issue(C).sod();
    }

    /** Card signed by a custom PKI; trust holds {@code trustCsca} (or the card CSCA) and the given CRL. */
    static IcaoErrorCode pki(TestPki.CscaOptions cscaOpt, TestPki.DsOptions dsOpt, TestPki.CrlOptions crlOpt,
                             VerifierConfig cfg) throws IcaoException {
        String seed = "neg-pki";
        Credential csca = TestPki.csca(seed, cscaOpt);
        Credential ds = TestPki.documentSigner(seed, csca, dsOpt);
        Map<String, byte[]> crls = crlOpt == null ? Map.of() : Map.of("c.crl", TestPki.crl(seed, csca, crlOpt));
        TrustStore trust = TrustStoreLoader.defaults().fromBytes(Map.of("c.der", csca.certificateDer()), Map.of(), crls);
        VirtualCard card = new VirtualCardIssuer(seed, ds).issue(C);
        return primary(new CardVerifier(trust, cfg).verify(card.evidence(CH)));
    }

    static IcaoErrorCode pki(TestPki.CscaOptions cscaOpt, TestPki.DsOptions dsOpt) throws IcaoException {
        return pki(cscaOpt, dsOpt, new TestPki.CrlOptions(), Fixtures.config());
    }

    static IcaoErrorCode parse(Run r) throws Exception {
        return r.observe();
    }

    static IcaoErrorCode code(ThrowingRunnable r) {
        try {
            r.run();
            return null;
        } catch (IcaoException e) {
            return e.code();
        }
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws IcaoException;
    }

    static byte[] flipLast(byte[] container, byte[] inner) {
        byte[] out = container.clone();
        int at = indexOf(out, inner);
        if (at < 0) {
            throw new IllegalStateException("inner not found");
        }
        out[at + inner.length - 1] ^= 0x01;
        return out;
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static byte[] app(int tagNo, boolean explicit, ASN1Encodable inner) {
        try {
            return new DERTaggedObject(explicit, BERTags.APPLICATION, tagNo, inner).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] dg1Mrz(String mrz) {
        try {
            return VirtualCardIssuer.dg1(mrz);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String replaceAt(String s, int i, char c) {
        return s.substring(0, i) + c + s.substring(i + 1);
    }

    static char other(char digit) {
        return digit == '9' ? '0' : (char) (digit + 1);
    }

    static byte[] rawDg15(KeySpec spec) {
        KeyPair kp = spec.generate("neg", "dg15-other");
        return app(15, true, org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(kp.getPublic().getEncoded()));
    }

    static {
        // ============================================================== EF.SOD encoding (LDS_H)
        add("sod empty", SOD_MISSING, () -> sodBytes(new byte[0]));
        add("sod wrong outer tag", SOD_WRONG_TAG, () -> {
            byte[] s = goodEcSod();
            s[0] = 0x30;
            return sodBytes(s);
        });
        add("sod truncated by one byte", INPUT_LENGTH_INVALID, () -> sodBytes(Arrays.copyOf(goodEcSod(), goodEcSod().length - 1)));
        add("sod truncated to half", INPUT_LENGTH_INVALID, () -> sodBytes(Arrays.copyOf(goodEcSod(), goodEcSod().length / 2)));
        add("sod 2 GB length field", INPUT_LENGTH_INVALID, () -> sodBytes(new byte[] {0x77, (byte) 0x84, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x30, 0x00}));
        add("sod 5-byte length field", INPUT_LENGTH_INVALID, () -> sodBytes(new byte[] {0x77, (byte) 0x85, 0, 0, 0, 0, 2, 0x30, 0}));
        add("sod trailing garbage", INPUT_TRAILING_DATA, () -> {
            byte[] s = goodEcSod();
            byte[] t = Arrays.copyOf(s, s.length + 3);
            return sodBytes(t);
        });
        add("sod nesting 200 deep", INPUT_NESTING_TOO_DEEP, () -> {
            byte[] s = new byte[2 + 400 + 400];
            s[0] = 0x77;
            s[1] = (byte) 0x80;
            for (int i = 0; i < 200; i++) {
                s[2 + 2 * i] = 0x30;
                s[3 + 2 * i] = (byte) 0x80;
            }
            return sodBytes(s);
        });
        add("sod larger than limit", INPUT_TOO_LARGE, () -> {
            byte[] s = new byte[70_000];
            s[0] = 0x77;
            return sodBytes(s);
        });
        add("sod indefinite-length primitive", INPUT_LENGTH_INVALID, () -> sodBytes(new byte[] {0x77, (byte) 0x80, 0x04, (byte) 0x80, 1, 0, 0, 0, 0}));
        add("sod wrapper holds an INTEGER", SOD_MALFORMED, () -> sodBytes(app(23, true, new ASN1Integer(5))));
        add("sod wrapper holds two ContentInfos", SOD_MALFORMED, () -> sodBytes(new DERTaggedObject(false, BERTags.APPLICATION, 23,
                new DERSequence(new ASN1Encodable[] {new DERSequence(), new DERSequence()})).getEncoded()));
        add("sod bad high tag number", INPUT_TAG_INVALID, () -> sodBytes(new byte[] {0x77, 0x03, 0x1F, (byte) 0x80, 0x00}));
        add("sod ContentInfo type not signedData", SOD_NOT_SIGNED_DATA, () -> fault(SodFault.WRONG_CONTENT_INFO_TYPE));

        // ============================================================== SignedData / SignerInfo
        add("SignedData version 1", SOD_SIGNED_DATA_VERSION, () -> fault(SodFault.SIGNED_DATA_VERSION_1));
        add("SignedData digestAlgorithms empty", SOD_NO_DIGEST_ALGORITHMS, () -> fault(SodFault.EMPTY_DIGEST_ALGORITHMS));
        add("SignedData without certificates", SOD_NO_DS_CERTIFICATE, () -> fault(SodFault.NO_DS_CERTIFICATE));
        add("two SignerInfos", SOD_SIGNER_COUNT, () -> fault(SodFault.TWO_SIGNER_INFOS));
        add("no SignerInfo", SOD_SIGNER_COUNT, () -> fault(SodFault.NO_SIGNER_INFOS));
        add("eContentType id-data", SOD_ECONTENT_TYPE, () -> fault(SodFault.WRONG_ECONTENT_TYPE));
        add("eContent absent", SOD_ECONTENT_MISSING, () -> fault(SodFault.NO_ECONTENT));
        add("SignerInfo v3 with issuerAndSerialNumber", SOD_SIGNER_INFO_VERSION, () -> fault(SodFault.SIGNER_INFO_VERSION_WRONG));
        add("SignerInfo v1 with subjectKeyIdentifier", SOD_SIGNER_INFO_VERSION,
                () -> ec(CardOptions.defaults().fault(SodFault.SIGNER_SKI).fault(SodFault.SIGNER_INFO_VERSION_WRONG)));
        add("no signed attributes", SOD_SIGNED_ATTRS_MISSING, () -> fault(SodFault.NO_SIGNED_ATTRIBUTES));
        add("duplicate signed attribute", SOD_SIGNED_ATTR_DUPLICATE, () -> fault(SodFault.DUPLICATE_SIGNED_ATTR));
        add("content-type with two values", SOD_SIGNED_ATTR_DUPLICATE, () -> fault(SodFault.MULTI_VALUED_CONTENT_TYPE));
        add("content-type attribute missing", SOD_CONTENT_TYPE_ATTR_MISSING, () -> fault(SodFault.DROP_CONTENT_TYPE_ATTR));
        add("content-type attribute id-data", SOD_CONTENT_TYPE_ATTR_MISMATCH, () -> fault(SodFault.WRONG_CONTENT_TYPE_ATTR));
        add("message-digest attribute missing", SOD_MESSAGE_DIGEST_ATTR_MISSING, () -> fault(SodFault.DROP_MESSAGE_DIGEST_ATTR));
        add("message-digest wrong", SOD_MESSAGE_DIGEST_MISMATCH, () -> fault(SodFault.WRONG_MESSAGE_DIGEST));
        add("message-digest not an OCTET STRING", SOD_MESSAGE_DIGEST_MISMATCH, () -> fault(SodFault.MESSAGE_DIGEST_NOT_OCTETS));
        add("message-digest wrong (RSA)", SOD_MESSAGE_DIGEST_MISMATCH, () -> rsaFault(SodFault.WRONG_MESSAGE_DIGEST));

        // ============================================================== algorithms
        add("digest not declared in SignedData", SOD_DIGEST_ALGORITHM_UNDECLARED, () -> fault(SodFault.UNDECLARED_DIGEST));
        add("SignerInfo SHA-256 vs LDS SHA-384", SOD_DIGEST_ALGORITHM_MISMATCH, () -> ec(CardOptions.defaults().ldsDigest("SHA-384")));
        add("SignerInfo SHA-384 vs LDS SHA-512", SOD_DIGEST_ALGORITHM_MISMATCH, () -> ec(CardOptions.defaults().digest("SHA-384").ldsDigest("SHA-512")));
        add("signature algorithm hash differs from digest", SOD_DIGEST_ALGORITHM_MISMATCH, () -> fault(SodFault.SIGNATURE_DIGEST_MISMATCH));
        add("unknown SignerInfo digest algorithm", SOD_DIGEST_ALGORITHM_UNSUPPORTED, () -> fault(SodFault.UNKNOWN_DIGEST_ALGORITHM));
        add("unknown LDS hash algorithm", SOD_DIGEST_ALGORITHM_UNSUPPORTED, () -> fault(SodFault.LDS_UNKNOWN_HASH));
        add("SHA-1 digest refused by default", SOD_WEAK_DIGEST_ALGORITHM, () -> ec(CardOptions.defaults().digest("SHA-1")));
        add("MD5 digest refused (RSA)", SOD_WEAK_DIGEST_ALGORITHM, () -> rsa(rsaAa().digest("MD5")));
        add("LDS hash SHA-1 with SHA-256 signer", SOD_WEAK_DIGEST_ALGORITHM, () -> ec(CardOptions.defaults().ldsDigest("SHA-1")));
        add("ecdsa-with-SHA1 signature", SOD_WEAK_SIGNATURE_ALGORITHM, () -> fault(SodFault.WEAK_SIGNATURE_OID));
        add("sha1WithRSA signature", SOD_WEAK_SIGNATURE_ALGORITHM, () -> rsaFault(SodFault.WEAK_SIGNATURE_OID));
        add("unknown signature algorithm", SOD_SIGNATURE_ALGORITHM_UNSUPPORTED, () -> fault(SodFault.UNKNOWN_SIGNATURE_ALGORITHM));
        add("ECDSA OID with RSA key", SOD_SIGNATURE_KEY_MISMATCH, () -> rsaFault(SodFault.ECDSA_OID_WITH_RSA_KEY));
        add("RSA OID with EC key", SOD_SIGNATURE_KEY_MISMATCH, () -> fault(SodFault.RSA_OID_WITH_EC_KEY));
        add("PSS MGF1 hash differs", SOD_PSS_PARAMETERS_INVALID, () -> rsa(rsaAa().sodSignature(SigAlg.RSA_PSS).fault(SodFault.PSS_MGF_HASH_MISMATCH)));
        add("PSS trailer field 2", SOD_PSS_PARAMETERS_INVALID, () -> rsa(rsaAa().sodSignature(SigAlg.RSA_PSS).fault(SodFault.PSS_TRAILER_2)));
        add("PSS without parameters", SOD_PSS_PARAMETERS_INVALID, () -> rsa(rsaAa().sodSignature(SigAlg.RSA_PSS).fault(SodFault.PSS_NO_PARAMS)));
        add("PSS salt length differs from signature", SOD_SIGNATURE_INVALID, () -> rsa(rsaAa().sodSignature(SigAlg.RSA_PSS).fault(SodFault.PSS_WRONG_SALT)));

        // ============================================================== signer identifier and signature
        add("signer serial number wrong", SOD_SIGNER_ID_MISMATCH, () -> fault(SodFault.SIGNER_SERIAL_WRONG));
        add("signer issuer wrong", SOD_SIGNER_ID_MISMATCH, () -> fault(SodFault.SIGNER_ISSUER_WRONG));
        add("signer subjectKeyIdentifier wrong", SOD_SIGNER_ID_MISMATCH, () -> fault(SodFault.SIGNER_SKI_WRONG));
        add("certificate in SOD is not the signer", SOD_SIGNER_ID_MISMATCH, () -> fault(SodFault.CSCA_INSTEAD_OF_DS_CERTIFICATE));
        add("ECDSA signature bit flipped", SOD_SIGNATURE_INVALID, () -> fault(SodFault.BAD_SIGNATURE));
        add("RSA signature bit flipped", SOD_SIGNATURE_INVALID, () -> rsaFault(SodFault.BAD_SIGNATURE));
        add("RSA signature truncated", SOD_SIGNATURE_INVALID, () -> rsaFault(SodFault.TRUNCATED_SIGNATURE));
        add("RSA-PSS signature bit flipped", SOD_SIGNATURE_INVALID, () -> rsa(rsaAa().sodSignature(SigAlg.RSA_PSS).fault(SodFault.BAD_SIGNATURE)));
        add("signed by another key", SOD_SIGNATURE_INVALID, () -> fault(SodFault.SIGNED_BY_OTHER_KEY));

        // ============================================================== LDSSecurityObject
        add("LDS version 2", LDS_VERSION_UNSUPPORTED, () -> fault(SodFault.LDS_VERSION_2));
        add("LDS version 1 without LDSVersionInfo", LDS_VERSION_UNSUPPORTED, () -> fault(SodFault.LDS_VERSION_1_WITHOUT_INFO));
        add("LDS lists DG1 twice", LDS_DG_HASH_DUPLICATE, () -> fault(SodFault.LDS_DUPLICATE_DG));
        add("LDS hash of wrong length", LDS_DG_HASH_LENGTH, () -> fault(SodFault.LDS_BAD_HASH_LENGTH));
        add("LDS lists DG17", LDS_DG_NUMBER_INVALID, () -> fault(SodFault.LDS_DG_NUMBER_17));

        // ============================================================== Document Signer
        add("DS certificate signature corrupted", DS_CHAIN_SIGNATURE_INVALID, () -> {
            VirtualCard card = Fixtures.ec().issuer().issue(C);
            byte[] sod = flipLast(card.sod(), Fixtures.ec().ds().certificateDer());
            return sodBytes(sod);
        });
        add("DS expired", DS_EXPIRED, () -> pki(new TestPki.CscaOptions(), new TestPki.DsOptions()
                .validity(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2021-01-01T00:00:00Z"))));
        add("DS not yet valid", DS_NOT_YET_VALID, () -> pki(new TestPki.CscaOptions(), new TestPki.DsOptions()
                .validity(Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z"))));
        add("DS without digitalSignature", DS_KEY_USAGE, () -> pki(new TestPki.CscaOptions(), new TestPki.DsOptions().digitalSignature(false)));
        add("DS is a CA", DS_IS_CA, () -> pki(new TestPki.CscaOptions(), new TestPki.DsOptions().ca(true)));
        add("DS RSA-1024", DS_WEAK_KEY, () -> pki(new TestPki.CscaOptions(), new TestPki.DsOptions().keySpec(KeySpec.RSA_1024)));
        add("DS EC P-192", DS_WEAK_KEY, () -> pki(new TestPki.CscaOptions(), new TestPki.DsOptions().keySpec(KeySpec.EC_P192).label("p192")));
        add("DS certificate signed with SHA-1", DS_WEAK_SIGNATURE_ALGORITHM, () -> pki(new TestPki.CscaOptions(), new TestPki.DsOptions().certDigest("SHA-1")));
        add("DS issuer is an unknown CSCA", CSCA_UNKNOWN, () -> pki(new TestPki.CscaOptions(), new TestPki.DsOptions()
                .issuer(new X500Name("C=VN,O=dinhdanh TEST,CN=TEST unknown CSCA"))));
        add("DS authority key identifier wrong", DS_AKI_MISMATCH, () -> pki(new TestPki.CscaOptions(), new TestPki.DsOptions()
                .wrongAuthorityKeyId(new byte[] {1, 2, 3, 4})));
        add("DS signed by another key under the CSCA name", DS_CHAIN_SIGNATURE_INVALID, () -> pki(new TestPki.CscaOptions(),
                new TestPki.DsOptions().authorityKeyId(false).signWith(KeySpec.EC_P256.generate("neg", "rogue"))));
        add("trust store holds another CSCA with the same name", DS_AKI_MISMATCH, () -> {
            TestCountry other = TestCountry.ec("other-country");
            VirtualCard card = Fixtures.ec().issuer().issue(C);
            return primary(new CardVerifier(other.trustStore(), Fixtures.config()).verify(card.evidence(CH)));
        });
        add("trust store holds only an unrelated CSCA", CSCA_UNKNOWN, () -> {
            Credential csca = TestPki.csca("unrelated", new TestPki.CscaOptions().label("XX"));
            TrustStore t = TrustStoreLoader.defaults().fromBytes(Map.of("x.der", csca.certificateDer()), Map.of(), Map.of());
            VirtualCard card = Fixtures.ec().issuer().issue(C);
            return primary(new CardVerifier(t, Fixtures.config()).verify(card.evidence(CH)));
        });

        // ============================================================== CSCA
        add("CSCA expired", CSCA_EXPIRED, () -> pki(new TestPki.CscaOptions().label("EXP")
                .validity(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z")), new TestPki.DsOptions()));
        add("CSCA not yet valid", CSCA_NOT_YET_VALID, () -> pki(new TestPki.CscaOptions().label("NYV")
                .validity(Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2040-01-01T00:00:00Z")), new TestPki.DsOptions()));
        add("CSCA not a CA", CSCA_NOT_CA, () -> pki(new TestPki.CscaOptions().label("NOCA").ca(false), new TestPki.DsOptions()));
        add("CSCA without keyCertSign", CSCA_KEY_USAGE, () -> pki(new TestPki.CscaOptions().label("NOKCS").keyCertSign(false), new TestPki.DsOptions()));
        add("CSCA RSA-1024", CSCA_WEAK_KEY, () -> pki(new TestPki.CscaOptions().label("WEAK").keySpec(KeySpec.RSA_1024), new TestPki.DsOptions()));

        add("CSCA self-signed with SHA-1", CSCA_WEAK_SIGNATURE_ALGORITHM, () -> pki(new TestPki.CscaOptions().label("SHA1").digest("SHA-1"), new TestPki.DsOptions()));

        // ============================================================== revocation
        add("no CRL, fail closed", CRL_MISSING, () -> pki(new TestPki.CscaOptions(), new TestPki.DsOptions(), null, Fixtures.config()));
        add("CRL signed by another key", CRL_SIGNATURE_INVALID, () -> pki(new TestPki.CscaOptions(), new TestPki.DsOptions(),
                new TestPki.CrlOptions().signWith(KeySpec.EC_P256.generate("neg", "rogue-crl")), Fixtures.config()));
        add("CRL past nextUpdate", CRL_STALE, () -> pki(new TestPki.CscaOptions(), new TestPki.DsOptions(),
                new TestPki.CrlOptions().nextUpdate(Instant.parse("2026-01-01T00:00:00Z")), Fixtures.config()));
        add("CRL without nextUpdate", CRL_STALE, () -> pki(new TestPki.CscaOptions(), new TestPki.DsOptions(),
                new TestPki.CrlOptions().nextUpdate(null), Fixtures.config()));
        add("CRL issued in the future", CRL_STALE, () -> pki(new TestPki.CscaOptions(), new TestPki.DsOptions(),
                new TestPki.CrlOptions().thisUpdate(Instant.parse("2027-01-01T00:00:00Z")).nextUpdate(Instant.parse("2028-01-01T00:00:00Z")), Fixtures.config()));
        add("DS revoked", DS_REVOKED, () -> pki(new TestPki.CscaOptions(), new TestPki.DsOptions().serial(BigInteger.valueOf(4242)),
                new TestPki.CrlOptions().revoke(BigInteger.valueOf(4242)), Fixtures.config()));

        // ============================================================== data group hashes
        add("DG1 hash in SOD corrupted", DG1_HASH_MISMATCH, () -> ec(CardOptions.defaults().corruptHash(1)));
        add("DG13 hash in SOD corrupted", DG13_HASH_MISMATCH, () -> ec(CardOptions.defaults().corruptHash(13)));
        add("DG14 hash in SOD corrupted", DG14_HASH_MISMATCH, () -> ec(CardOptions.defaults().corruptHash(14)));
        add("DG15 hash in SOD corrupted", DG15_HASH_MISMATCH, () -> ec(CardOptions.defaults().corruptHash(15)));
        add("DG1 tampered", DG1_HASH_MISMATCH, () -> ecEvidence(CardOptions.defaults(), b -> {
            byte[] dg1 = Fixtures.ec().issuer().issue(C).dataGroup(1);
            dg1[dg1.length - 1] = 'X';
            b.dataGroup(1, dg1);
        }));
        add("DG13 tampered", DG13_HASH_MISMATCH, () -> ecEvidence(CardOptions.defaults(), b -> {
            try {
                b.dataGroup(13, VirtualCardIssuer.dg13(C.withIdNumber("001090012346")));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }));
        add("DG15 swapped for another key", DG15_HASH_MISMATCH, () -> ecEvidence(CardOptions.defaults(), b -> b.dataGroup(15, rawDg15(KeySpec.EC_P256))));
        add("DG14 tampered (RSA card)", DG14_HASH_MISMATCH, () -> rsaEvidence(rsaAa(), b -> b.dataGroup(14,
                app(14, true, new DERSet(new DERSequence(new ASN1Encodable[] {new ASN1ObjectIdentifier("0.4.0.127.0.7.2.2.3.2.2"), new ASN1Integer(1)}))))));
        add("DG2 in SOD but tampered", DG_HASH_MISMATCH, () -> {
            byte[] dg2 = app(0x15, false, new DERSequence(new DERUTF8String("face")));
            VirtualCard card = Fixtures.ec().issuer().issue(C, CardOptions.defaults().dataGroup(2, dg2));
            byte[] bad = dg2.clone();
            bad[bad.length - 1] ^= 1;
            return primary(Fixtures.verifier(Fixtures.ec()).verify(evidence(card, CH, card.respondToChallenge(CH), b -> b.dataGroup(2, bad))));
        });
        add("extra DG2 not in SOD", DG_NOT_IN_SOD, () -> ecEvidence(CardOptions.defaults(), b -> b.dataGroup(2, new byte[] {0x75, 0})));
        add("DG15 left out of SOD", DG_NOT_IN_SOD, () -> ec(CardOptions.defaults().omitHash(15)));
        add("DG number 0", DG_NUMBER_INVALID, () -> ecEvidence(CardOptions.defaults(), b -> b.dataGroup(0, new byte[] {1})));
        add("DG number 17", DG_NUMBER_INVALID, () -> ecEvidence(CardOptions.defaults(), b -> b.dataGroup(17, new byte[] {1})));
        add("DG larger than limit", DG_TOO_LARGE, () -> ecEvidence(CardOptions.defaults(), b -> b.dataGroup(3, new byte[600 * 1024])));
        add("neither DG1 nor DG13", REQUIRED_DG_MISSING, () -> {
            VirtualCard card = Fixtures.ec().issuer().issue(C);
            CardEvidence.Builder b = CardEvidence.builder().sod(card.sod()).challenge(CH).aaSignature(card.respondToChallenge(CH))
                    .dataGroup(14, card.dataGroup(14)).dataGroup(15, card.dataGroup(15));
            return primary(Fixtures.verifier(Fixtures.ec()).verify(b.build()));
        });

        // ============================================================== EF.COM
        add("EF.COM lists DG3 absent from SOD", COM_SOD_MISMATCH, () -> ecEvidence(CardOptions.defaults(), b -> {
            try {
                b.com(VirtualCardIssuer.com(List.of(1, 3, 13, 14, 15)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }));
        add("EF.COM wrong tag", COM_WRONG_TAG, () -> ecEvidence(CardOptions.defaults(), b -> b.com(new byte[] {0x61, 0})));
        add("EF.COM without tag list", COM_MALFORMED, () -> ecEvidence(CardOptions.defaults(), b -> b.com(new byte[] {0x60, 0})));

        // ============================================================== DG1
        String mrz = VirtualCardIssuer.mrz(C);
        add("DG1 wrong tag", DG1_WRONG_TAG, () -> ec(CardOptions.defaults().dataGroup(1, app(2, false, new DERSequence()))));
        add("DG1 without MRZ element", DG1_MALFORMED, () -> ec(CardOptions.defaults().dataGroup(1, app(1, true, new ASN1Integer(3)))));
        add("DG1 MRZ 88 characters", DG1_MRZ_LENGTH, () -> ec(CardOptions.defaults().mrz(mrz.substring(0, 88))));
        add("DG1 MRZ lowercase", DG1_MRZ_FORMAT, () -> ec(CardOptions.defaults().mrz(replaceAt(mrz, 62, 'a'))));
        add("DG1 document number check digit", DG1_CHECK_DIGIT_DOCUMENT_NUMBER, () -> ec(CardOptions.defaults().mrz(replaceAt(mrz, 14, other(mrz.charAt(14))))));
        add("DG1 birth date check digit", DG1_CHECK_DIGIT_BIRTH_DATE, () -> ec(CardOptions.defaults().mrz(replaceAt(mrz, 36, other(mrz.charAt(36))))));
        add("DG1 expiry check digit", DG1_CHECK_DIGIT_EXPIRY, () -> ec(CardOptions.defaults().mrz(replaceAt(mrz, 44, other(mrz.charAt(44))))));
        add("DG1 composite check digit", DG1_CHECK_DIGIT_COMPOSITE, () -> ec(CardOptions.defaults().mrz(replaceAt(mrz, 59, other(mrz.charAt(59))))));
        add("DG1 issuing state not VNM", DG1_ISSUER_UNEXPECTED, () -> ec(CardOptions.defaults().mrz("IDUTO" + mrz.substring(5))));

        // ============================================================== DG13 and citizen consistency
        add("DG13 wrong tag", DG13_WRONG_TAG, () -> ec(CardOptions.defaults().dataGroup(13, app(12, true, new DERSequence()))));
        add("DG13 without fields", DG13_MALFORMED, () -> ec(CardOptions.defaults().dataGroup(13,
                app(13, true, new DERSequence(new ASN1Encodable[] {new ASN1Integer(1), new ASN1ObjectIdentifier("1.2.3")})))));
        add("DG13 without ID number", DG13_ID_NUMBER_MISSING, () -> ec(CardOptions.defaults().dataGroup(13,
                app(13, true, new DERSequence(new ASN1Encodable[] {new ASN1Integer(1), new ASN1ObjectIdentifier("1.2.3"),
                    new DERSet(new DERSequence(new ASN1Encodable[] {new ASN1Integer(2), new DERUTF8String("Nguyễn Văn An")}))})))));
        add("ID number century digit contradicts birth year", CITIZEN_ID_NUMBER_INVALID, () -> {
            Citizen bad = C.withIdNumber("001290012345");
            return primary(Fixtures.verifier(Fixtures.ec()).verify(Fixtures.ec().issuer().issue(bad).evidence(CH)));
        });
        add("ID number sex digit contradicts sex", CITIZEN_ID_NUMBER_INVALID, () -> {
            Citizen bad = C.withSex('F');
            return primary(Fixtures.verifier(Fixtures.ec()).verify(Fixtures.ec().issuer().issue(bad).evidence(CH)));
        });
        add("DG1 and DG13 ID numbers differ", CITIZEN_ID_MISMATCH, () -> ec(CardOptions.defaults().dg1Citizen(C.withIdNumber("079090012345"))));
        add("DG1 document number not from the ID number", CITIZEN_DOCUMENT_NUMBER_MISMATCH,
                () -> ec(CardOptions.defaults().mrz(VirtualCardIssuer.mrz(C, "123456789"))));
        add("DG1 and DG13 birth dates differ", CITIZEN_BIRTH_DATE_MISMATCH, () -> ec(CardOptions.defaults().dg1Citizen(C.withDateOfBirth(LocalDate.of(1990, 5, 18)))));
        add("DG1 and DG13 sex differ", CITIZEN_SEX_MISMATCH, () -> ec(CardOptions.defaults().dg1Citizen(C.withSex('F'))));
        add("card expired", DOCUMENT_EXPIRED, () -> {
            Citizen old = C.withDateOfExpiry(LocalDate.of(2026, 1, 1));
            return primary(Fixtures.verifier(Fixtures.ec()).verify(Fixtures.ec().issuer().issue(old).evidence(CH)));
        });

        // ============================================================== DG14 / DG15
        add("DG14 wrong tag", DG14_WRONG_TAG, () -> ec(CardOptions.defaults().dataGroup(14, app(15, true, new DERSet()))));
        add("DG14 empty SET", DG14_MALFORMED, () -> ec(CardOptions.defaults().dataGroup(14, app(14, true, new DERSet()))));
        add("DG14 SecurityInfo not a SEQUENCE", DG14_MALFORMED, () -> ec(CardOptions.defaults().dataGroup(14, app(14, true, new DERSet(new ASN1Integer(1))))));
        add("DG14 AA info version 2", DG14_AA_INFO_VERSION, () -> ec(CardOptions.defaults().dataGroup(14, app(14, true, new DERSet(
                new DERSequence(new ASN1Encodable[] {Dg14.AA_PROTOCOL, new ASN1Integer(2), new ASN1ObjectIdentifier("0.4.0.127.0.7.1.1.4.1.3")}))))));
        add("DG14 two AA infos", DG14_AA_INFO_DUPLICATE, () -> ec(CardOptions.defaults().dataGroup(14, app(14, true, new DERSet(new ASN1Encodable[] {
            new DERSequence(new ASN1Encodable[] {Dg14.AA_PROTOCOL, new ASN1Integer(1), new ASN1ObjectIdentifier("0.4.0.127.0.7.1.1.4.1.3")}),
            new DERSequence(new ASN1Encodable[] {Dg14.AA_PROTOCOL, new ASN1Integer(1), new ASN1ObjectIdentifier("0.4.0.127.0.7.1.1.4.1.4")})})))));
        add("DG15 wrong tag", DG15_WRONG_TAG, () -> ec(CardOptions.defaults().dataGroup(15, app(14, true, new DERSequence()))));
        add("DG15 not a SubjectPublicKeyInfo", DG15_MALFORMED, () -> ec(CardOptions.defaults().dataGroup(15, app(15, true, new ASN1Integer(7)))));
        add("DG15 unsupported key algorithm", DG15_KEY_UNSUPPORTED, () -> ec(CardOptions.defaults().dataGroup(15, app(15, true,
                new DERSequence(new ASN1Encodable[] {new DERSequence(new ASN1ObjectIdentifier("1.3.101.112")),
                    new org.bouncycastle.asn1.DERBitString(new byte[32])})))));
        add("DG15 RSA-512 key", DG15_KEY_UNSUPPORTED, () -> {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(512);
            byte[] dg15 = app(15, true, org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(g.generateKeyPair().getPublic().getEncoded()));
            return ec(CardOptions.defaults().dataGroup(15, dg15));
        });

        // ============================================================== Active Authentication
        add("AA RSA wrong challenge", AA_WRONG_CHALLENGE, () -> rsaEvidence(rsaAa(), b -> b.challenge(new byte[] {9, 9, 9, 9, 9, 9, 9, 9})));
        add("AA RSA replayed answer", AA_WRONG_CHALLENGE, () -> rsa(rsaAa().aaBehaviour(AaBehaviour.REPLAY)));
        add("AA RSA SHA-256 wrong challenge", AA_WRONG_CHALLENGE, () -> rsaEvidence(rsaAa().aaRsaDigest("SHA-256"), b -> b.challenge(new byte[8])));
        add("AA RSA cloned chip (wrong key)", AA_WRONG_KEY, () -> rsa(rsaAa().aaBehaviour(AaBehaviour.CLONED)));
        add("AA RSA wrong header", AA_WRONG_KEY, () -> rsa(rsaAa().aaBehaviour(AaBehaviour.WRONG_HEADER)));
        add("AA RSA signature not below modulus", AA_WRONG_KEY, () -> rsaEvidence(rsaAa(), b -> {
            byte[] s = new byte[128];
            Arrays.fill(s, (byte) 0xFF);
            b.aaSignature(s);
        }));
        add("AA RSA wrong trailer", AA_WRONG_TRAILER, () -> rsa(rsaAa().aaBehaviour(AaBehaviour.WRONG_TRAILER)));
        add("AA RSA unknown hash identifier", AA_WRONG_TRAILER, () -> rsa(rsaAa().aaBehaviour(AaBehaviour.UNKNOWN_HASH_ID)));
        add("AA RSA truncated signature", AA_SIGNATURE_TRUNCATED, () -> {
            VirtualCard card = Fixtures.rsa().issuer().issue(C, rsaAa());
            byte[] sig = card.respondToChallenge(CH);
            return primary(Fixtures.verifier(Fixtures.rsa()).verify(evidence(card, CH, Arrays.copyOf(sig, sig.length - 1), b -> { })));
        });
        add("AA EC truncated signature", AA_SIGNATURE_TRUNCATED, () -> {
            VirtualCard card = Fixtures.ec().issuer().issue(C);
            byte[] sig = card.respondToChallenge(CH);
            return primary(Fixtures.verifier(Fixtures.ec()).verify(evidence(card, CH, Arrays.copyOf(sig, 32), b -> { })));
        });
        add("AA empty signature", AA_SIGNATURE_TRUNCATED, () -> ecEvidence(CardOptions.defaults(), b -> b.aaSignature(new byte[0])));
        add("AA EC wrong challenge", AA_SIGNATURE_INVALID, () -> ecEvidence(CardOptions.defaults(), b -> b.challenge(new byte[8])));
        add("AA EC cloned chip (wrong key)", AA_SIGNATURE_INVALID, () -> ec(CardOptions.defaults().aaBehaviour(AaBehaviour.CLONED)));
        add("AA challenge of 7 bytes", AA_CHALLENGE_INVALID, () -> ecEvidence(CardOptions.defaults(), b -> b.challenge(new byte[7])));
        add("AA signature missing", AA_SIGNATURE_MISSING, () -> ecEvidence(CardOptions.defaults(), b -> b.aaSignature(null)));
        add("AA required but no DG15", AA_DG15_MISSING, () -> ec(CardOptions.defaults().includeDg15(false)));
        add("AA with DG15 that PA did not validate", AA_DG15_NOT_VALIDATED, () -> {
            VirtualCard card = Fixtures.ec().issuer().issue(C, CardOptions.defaults().omitHash(15));
            return checkCode(Fixtures.verifier(Fixtures.ec()).verify(card.evidence(CH)), Check.ACTIVE_AUTHENTICATION);
        });
        add("AA after failed SOD signature", AA_DG15_NOT_VALIDATED, () -> {
            VirtualCard card = Fixtures.ec().issuer().issue(C, CardOptions.defaults().fault(SodFault.BAD_SIGNATURE));
            return checkCode(Fixtures.verifier(Fixtures.ec()).verify(card.evidence(CH)), Check.ACTIVE_AUTHENTICATION);
        });
        add("AA EC without AA info in DG14", AA_ALGORITHM_MISSING, () -> ec(CardOptions.defaults().aaInfoInDg14(false)));
        add("AA EC without DG14", AA_ALGORITHM_MISSING, () -> ec(CardOptions.defaults().includeDg14(false)));
        add("AA EC algorithm unknown in DG14", AA_ALGORITHM_UNSUPPORTED, () -> ec(CardOptions.defaults().dataGroup(14, app(14, true, new DERSet(
                new DERSequence(new ASN1Encodable[] {Dg14.AA_PROTOCOL, new ASN1Integer(1), new ASN1ObjectIdentifier("1.2.3.4")}))))));

        // ============================================================== trust store
        add("master list signer not trusted", MASTER_LIST_SIGNER_UNTRUSTED, () -> {
            Credential mlCsca = TestPki.csca("ml", new TestPki.CscaOptions().label("ML"));
            byte[] ml = Fixtures.ec().masterList(mlCsca);
            return code(() -> TrustStoreLoader.defaults().masterList(ml, List.of(Fixtures.ec().csca().certificate())));
        });
        add("master list content tampered", MASTER_LIST_SIGNATURE_INVALID, () -> {
            Credential mlCsca = TestPki.csca("ml", new TestPki.CscaOptions().label("ML"));
            byte[] ml = flipLast(Fixtures.ec().masterList(mlCsca), Fixtures.ec().csca().certificateDer());
            return code(() -> TrustStoreLoader.defaults().masterList(ml, List.of(mlCsca.certificate())));
        });
        add("master list not CMS", MASTER_LIST_MALFORMED, () -> {
            byte[] notCms = new DERSequence(new ASN1Integer(1)).getEncoded();
            return code(() -> TrustStoreLoader.defaults().masterList(notCms, List.of()));
        });
        add("trust store without CSCA", TRUST_STORE_EMPTY, () -> code(() -> TrustStoreLoader.defaults().fromBytes(Map.of(), Map.of(), Map.of())));
        add("trust certificate file is garbage", TRUST_CERTIFICATE_MALFORMED, () -> {
            TrustStore t = TrustStoreLoader.defaults().fromBytes(Map.of("a.der", Fixtures.ec().csca().certificateDer(),
                    "b.der", new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}), Map.of(), Map.of());
            return t.issues().get(0).code();
        });
        add("CRL file is garbage", CRL_MALFORMED, () -> {
            TrustStore t = TrustStoreLoader.defaults().fromBytes(Map.of("a.der", Fixtures.ec().csca().certificateDer()),
                    Map.of(), Map.of("x.crl", new byte[] {0x30, 0x00}));
            return t.issues().get(0).code();
        });
        add("DS certificate put in the trust folder is no CSCA", TRUST_LINK_CERTIFICATE_UNVERIFIED, () -> {
            TrustStore t = TrustStoreLoader.defaults().fromBytes(Map.of("csca.der", Fixtures.ec().csca().certificateDer(),
                    "ds.der", Fixtures.ec().ds().certificateDer()), Map.of(), Map.of());
            return t.issues().get(0).code();
        });
        add("DS certificate with undecodable key usage", DS_CERTIFICATE_MALFORMED, () -> {
            byte[] sod = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(
                    "src/test/resources/vn/dinhdanh/icao/fuzz/IcaoParsersFuzzTestInputs/fuzzParsers/regression-ds-bad-keyusage"));
            VirtualCard card = Fixtures.ec().issuer().issue(C);
            CardEvidence e = evidence(card, CH, card.respondToChallenge(CH), b -> b.sod(Arrays.copyOfRange(sod, 1, sod.length)));
            return checkCode(Fixtures.verifier(Fixtures.ec()).verify(e), Check.SOD_SIGNER_IDENTIFIER);
        });
        add("link certificate without its old CSCA", TRUST_LINK_CERTIFICATE_UNVERIFIED, () -> {
            Credential oldCsca = TestPki.csca("link", new TestPki.CscaOptions().label("OLD"));
            Credential newCsca = TestPki.csca("link", new TestPki.CscaOptions().label("NEW"));
            Credential link = TestPki.link("link", oldCsca, newCsca);
            TrustStore t = TrustStoreLoader.defaults().fromBytes(Map.of("new.der", newCsca.certificateDer(),
                    "link.der", link.certificateDer()), Map.of(), Map.of());
            return t.issues().get(0).code();
        });
    }

    static Stream<Arguments> cases() {
        return CASES.stream();
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("cases")
    void whenCardIsFaulty_thenItsSpecificCodeIsReported(String name, IcaoErrorCode expected, Run run) throws Exception {
        assertThat(run.observe()).as(name).isEqualTo(expected);
    }

    @Test
    void whenSuiteIsCounted_thenItHasAtLeast90DistinctCases() {
        Set<String> names = new HashSet<>();
        for (Arguments a : CASES) {
            names.add((String) a.get()[0]);
        }
        assertThat(names).hasSize(CASES.size());
        assertThat(CASES.size()).isGreaterThanOrEqualTo(90);
    }
}
