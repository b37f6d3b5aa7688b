package vn.dinhdanh.icao;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.RuntimeOperatorException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.dinhdanh.icao.verify.Check;
import vn.dinhdanh.icao.verify.CheckOutcome;
import vn.dinhdanh.icao.verify.CheckResult;
import vn.dinhdanh.icao.verify.Crypto;
import vn.dinhdanh.icao.verify.VerificationResult;
import vn.dinhdanh.icao.virtualcard.CardOptions;
import vn.dinhdanh.icao.virtualcard.SigAlg;
import vn.dinhdanh.icao.virtualcard.SodFault;
import vn.dinhdanh.icao.virtualcard.TestCountry;
import vn.dinhdanh.icao.virtualcard.VirtualCard;

/**
 * Cross-checks our own SOD_SIGNATURE check (a JCA Signature over the DER signed attributes,
 * with the scheme SOD_ALGORITHMS chose) against Bouncy Castle's CMS verification of the same
 * EF.SOD, on genuine cards of every scheme the virtual-card issuer signs with and on every
 * fault that touches the signature, the signed attributes or the message digest.
 *
 * <p>Bouncy Castle's {@link SignerInformation#verify} judges more than the signature: it also
 * refuses a missing or wrong content-type attribute and a missing, malformed or wrong
 * message-digest attribute, which our verifier reports separately as SOD_SIGNED_ATTRIBUTES.
 * So each case asserts two things:
 * <ul>
 *   <li>BC's signature step alone (its ContentVerifier over the encoded signed attributes)
 *       agrees with our SOD_SIGNATURE;</li>
 *   <li>BC's whole {@code verify} agrees with SOD_SIGNATURE and SOD_SIGNED_ATTRIBUTES together,
 *       which is exactly SOD_SIGNATURE when the case leaves the attributes sound (asserted).</li>
 * </ul>
 * Cases where our verifier stops before the signature (an ICAO rule BC does not have) are
 * listed in {@link #NO_SIGNATURE_VERDICT} with the check and code that stop it: the test
 * asserts that this is still what happens and then skips, rather than compare a verdict we do
 * not give.
 */
class SodSignatureCrossCheckTest {

    /** A signature scheme of the virtual-card issuer, with the test country whose DS key fits it. */
    enum Scheme {
        ECDSA(SigAlg.ECDSA),
        RSA_PKCS1(SigAlg.RSA_PKCS1),
        RSA_PSS(SigAlg.RSA_PSS);

        final SigAlg alg;

        Scheme(SigAlg alg) {
            this.alg = alg;
        }

        TestCountry country() {
            return this == ECDSA ? Fixtures.ec() : Fixtures.rsa();
        }
    }

    /** Faults that break only the content-type or message-digest attribute, not the signature. */
    private static final Set<SodFault> ATTRIBUTE_FAULTS = EnumSet.of(
            SodFault.DROP_CONTENT_TYPE_ATTR, SodFault.WRONG_CONTENT_TYPE_ATTR, SodFault.DROP_MESSAGE_DIGEST_ATTR,
            SodFault.WRONG_MESSAGE_DIGEST, SodFault.MESSAGE_DIGEST_NOT_OCTETS);

    /** Faults on every scheme: the signature bytes, the key, the signed attributes, the algorithms. */
    private static final List<SodFault> COMMON_FAULTS = List.of(
            SodFault.BAD_SIGNATURE, SodFault.TRUNCATED_SIGNATURE, SodFault.SIGNED_BY_OTHER_KEY,
            SodFault.DROP_CONTENT_TYPE_ATTR, SodFault.WRONG_CONTENT_TYPE_ATTR, SodFault.MULTI_VALUED_CONTENT_TYPE,
            SodFault.DROP_MESSAGE_DIGEST_ATTR, SodFault.WRONG_MESSAGE_DIGEST, SodFault.MESSAGE_DIGEST_NOT_OCTETS,
            SodFault.DUPLICATE_SIGNED_ATTR, SodFault.SIGNING_TIME_ATTR, SodFault.NO_SIGNED_ATTRIBUTES,
            SodFault.SIGNATURE_DIGEST_MISMATCH, SodFault.WEAK_SIGNATURE_OID, SodFault.UNKNOWN_SIGNATURE_ALGORITHM);

    /** Faults that only make sense for one family of scheme. */
    private static final Map<Scheme, List<SodFault>> SCHEME_FAULTS = Map.of(
            Scheme.ECDSA, List.of(SodFault.RSA_OID_WITH_EC_KEY),
            Scheme.RSA_PKCS1, List.of(SodFault.ECDSA_OID_WITH_RSA_KEY, SodFault.RSA_ENCRYPTION_OID),
            Scheme.RSA_PSS, List.of(SodFault.ECDSA_OID_WITH_RSA_KEY, SodFault.PSS_MGF_HASH_MISMATCH,
                    SodFault.PSS_TRAILER_2, SodFault.PSS_NO_PARAMS, SodFault.PSS_WRONG_SALT));

    /** Why our verifier gives no SOD_SIGNATURE verdict: the earlier check that fails, and its code. */
    record Stop(Check check, IcaoErrorCode code, String why) {
    }

    /**
     * Faults where the two legitimately differ because our verifier refuses before the signature
     * (SOD_SIGNATURE is SKIPPED); BC's verdict is only reported.
     */
    private static final Map<SodFault, Stop> NO_SIGNATURE_VERDICT = Map.of(
            SodFault.NO_SIGNED_ATTRIBUTES, new Stop(Check.SOD_SIGNER_INFO, IcaoErrorCode.SOD_SIGNED_ATTRS_MISSING,
                    "ICAO 9303 requires signed attributes; plain CMS allows a signature over the content itself"),
            SodFault.DUPLICATE_SIGNED_ATTR, new Stop(Check.SOD_SIGNER_INFO, IcaoErrorCode.SOD_SIGNED_ATTR_DUPLICATE,
                    "we refuse an attribute type given twice before looking at the signature"),
            SodFault.MULTI_VALUED_CONTENT_TYPE, new Stop(Check.SOD_SIGNER_INFO, IcaoErrorCode.SOD_SIGNED_ATTR_DUPLICATE,
                    "we refuse a multi-valued content-type before looking at the signature"),
            SodFault.SIGNATURE_DIGEST_MISMATCH, new Stop(Check.SOD_ALGORITHMS, IcaoErrorCode.SOD_DIGEST_ALGORITHM_MISMATCH,
                    "we require the signature hash to be the SignerInfo digest; CMS does not"),
            SodFault.WEAK_SIGNATURE_OID, new Stop(Check.SOD_ALGORITHMS, IcaoErrorCode.SOD_WEAK_SIGNATURE_ALGORITHM,
                    "we refuse SHA-1 signatures by policy; BC verifies them"),
            SodFault.UNKNOWN_SIGNATURE_ALGORITHM, new Stop(Check.SOD_ALGORITHMS, IcaoErrorCode.SOD_SIGNATURE_ALGORITHM_UNSUPPORTED,
                    "no signature scheme to run"),
            SodFault.PSS_MGF_HASH_MISMATCH, new Stop(Check.SOD_ALGORITHMS, IcaoErrorCode.SOD_PSS_PARAMETERS_INVALID,
                    "we read PSS parameters strictly (MGF1 hash = message hash) before verifying"),
            SodFault.PSS_TRAILER_2, new Stop(Check.SOD_ALGORITHMS, IcaoErrorCode.SOD_PSS_PARAMETERS_INVALID,
                    "we read PSS parameters strictly (trailer field 1) before verifying"),
            SodFault.PSS_NO_PARAMS, new Stop(Check.SOD_ALGORITHMS, IcaoErrorCode.SOD_PSS_PARAMETERS_INVALID,
                    "we require explicit PSS parameters; absent ones mean SHA-1 defaults to BC"));

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Scheme s : Scheme.values()) {
            for (String digest : List.of("SHA-256", "SHA-384", "SHA-512")) {
                out.add(Arguments.of(s, digest, null));
            }
            for (SodFault f : COMMON_FAULTS) {
                out.add(Arguments.of(s, "SHA-256", f));
            }
            for (SodFault f : SCHEME_FAULTS.get(s)) {
                out.add(Arguments.of(s, "SHA-256", f));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} fault {2}")
    @MethodSource("cases")
    void bouncyCastleCmsAgreesWithOurSignatureCheck(Scheme scheme, String digest, SodFault fault) throws Exception {
        TestCountry country = scheme.country();
        CardOptions options = CardOptions.defaults().sodSignature(scheme.alg).digest(digest);
        if (fault != null) {
            options.fault(fault);
        }
        VirtualCard card = country.issuer().issue(Fixtures.CITIZEN, options);
        VerificationResult ours = Fixtures.verifier(country).verify(card.evidence(Fixtures.CHALLENGE));
        CheckOutcome signature = ours.outcome(Check.SOD_SIGNATURE);
        CheckOutcome attributes = ours.outcome(Check.SOD_SIGNED_ATTRIBUTES);

        SignerInformation signer = singleSigner(card.sod());
        X509CertificateHolder dsCertificate = country.ds().certificate();
        Verdict bcWhole = bcVerify(signer, dsCertificate);
        Verdict bcSignature = bcSignatureStep(signer, dsCertificate);
        String context = "ours: " + ours.toJson(false) + "\nBC verify: " + bcWhole + "\nBC signature step: " + bcSignature;

        System.out.printf("%s %s %s: ours SOD_SIGNATURE %s, SOD_SIGNED_ATTRIBUTES %s; BC verify %s; BC signature step %s%n",
                scheme, digest, fault, signature, attributes, bcWhole, bcSignature);

        Stop stop = fault == null ? null : NO_SIGNATURE_VERDICT.get(fault);
        if (stop != null) {
            // the reason for skipping must still hold, or this case has to be compared again
            CheckResult stopped = ours.check(stop.check()).orElseThrow();
            assertThat(stopped.outcome()).as(context).isEqualTo(CheckOutcome.FAILED);
            assertThat(stopped.code()).as(context).isEqualTo(stop.code());
            assertThat(signature).as(context).isEqualTo(CheckOutcome.SKIPPED);
            Assumptions.abort("no SOD_SIGNATURE verdict to compare: " + stop.check() + " fails with " + stop.code()
                    + " (" + stop.why() + "); BC verify " + bcWhole);
        }

        assertThat(signature).as(context).isIn(CheckOutcome.PASSED, CheckOutcome.FAILED);
        boolean attributesSound = fault == null || !ATTRIBUTE_FAULTS.contains(fault);
        assertThat(attributes).as(context)
                .isEqualTo(attributesSound ? CheckOutcome.PASSED : CheckOutcome.FAILED);

        assertThat(bcSignature.accepted()).as(context).isEqualTo(signature == CheckOutcome.PASSED);
        assertThat(bcWhole.accepted()).as(context)
                .isEqualTo(signature == CheckOutcome.PASSED && attributes == CheckOutcome.PASSED);
        if (attributesSound) {
            assertThat(bcWhole.accepted()).as(context).isEqualTo(signature == CheckOutcome.PASSED);
        }
        if (fault == null) {
            assertThat(bcWhole.accepted()).as("genuine card: " + context).isTrue();
        }
    }

    /** BC's answer: accepted, or refused with the reason (false, or the exception it threw). */
    record Verdict(boolean accepted, String reason) {
        @Override
        public String toString() {
            return accepted ? "accepted" : "refused (" + reason + ")";
        }
    }

    /** EF.SOD is [APPLICATION 23] wrapping a CMS ContentInfo; its SignedData has one signer. */
    static SignerInformation singleSigner(byte[] sod) throws IOException, CMSException {
        ASN1TaggedObject wrapper = ASN1TaggedObject.getInstance(ASN1Primitive.fromByteArray(sod));
        assertThat(wrapper.getTagClass()).isEqualTo(BERTags.APPLICATION);
        assertThat(wrapper.getTagNo()).isEqualTo(23);
        CMSSignedData cms = new CMSSignedData(ContentInfo.getInstance(wrapper.getExplicitBaseObject()));
        Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
        assertThat(signers).hasSize(1);
        return signers.iterator().next();
    }

    private static SignerInformationVerifier verifier(X509CertificateHolder ds) throws OperatorCreationException, CertificateException {
        // the library's own BC instance: this JVM's provider list has no "BC" and must not get one
        return new JcaSimpleSignerInfoVerifierBuilder().setProvider(Crypto.provider()).build(ds);
    }

    /** BC's whole SignerInformation.verify: attributes, message digest and signature. */
    static Verdict bcVerify(SignerInformation signer, X509CertificateHolder ds) throws OperatorCreationException, CertificateException {
        try {
            boolean ok = signer.verify(verifier(ds));
            return new Verdict(ok, ok ? null : "verify returned false");
        } catch (CMSException | RuntimeOperatorException | IllegalArgumentException e) {
            // IllegalArgumentException: BC's name finder knows no scheme for the signature OID
            return new Verdict(false, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** BC's signature step alone: its content verifier for the SignerInfo's algorithms, over the signed attributes. */
    static Verdict bcSignatureStep(SignerInformation signer, X509CertificateHolder ds) throws Exception {
        byte[] signedAttributes = signer.getEncodedSignedAttributes();
        if (signedAttributes == null) {
            return new Verdict(false, "no signed attributes");
        }
        ContentVerifier cv;
        try {
            cv = verifier(ds).getContentVerifier(signer.toASN1Structure().getDigestEncryptionAlgorithm(),
                    signer.getDigestAlgorithmID());
        } catch (OperatorCreationException | IllegalArgumentException e) {
            return new Verdict(false, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        try (OutputStream out = cv.getOutputStream()) {
            out.write(signedAttributes);
        }
        try {
            boolean ok = cv.verify(signer.getSignature());
            return new Verdict(ok, ok ? null : "verify returned false");
        } catch (RuntimeOperatorException e) {
            return new Verdict(false, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
