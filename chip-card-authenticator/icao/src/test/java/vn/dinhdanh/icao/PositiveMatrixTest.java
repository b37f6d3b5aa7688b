package vn.dinhdanh.icao;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.dinhdanh.icao.verify.CardEvidence;
import vn.dinhdanh.icao.verify.CardVerifier;
import vn.dinhdanh.icao.verify.Check;
import vn.dinhdanh.icao.verify.CheckOutcome;
import vn.dinhdanh.icao.verify.CitizenIdentity;
import vn.dinhdanh.icao.verify.VerificationResult;
import vn.dinhdanh.icao.verify.VerifierConfig;
import vn.dinhdanh.icao.virtualcard.CardOptions;
import vn.dinhdanh.icao.virtualcard.KeySpec;
import vn.dinhdanh.icao.virtualcard.SigAlg;
import vn.dinhdanh.icao.virtualcard.SodFault;
import vn.dinhdanh.icao.virtualcard.TestCountry;
import vn.dinhdanh.icao.virtualcard.VirtualCard;

/** Genuine cards across signature schemes, curves, hashes and AA key types all verify. */
class PositiveMatrixTest {

    static TestCountry country(KeySpec ds) {
        return switch (ds) {
            case RSA_2048 -> Fixtures.rsa();
            case EC_P256 -> Fixtures.ec();
            default -> TestCountry.create("matrix-" + ds, KeySpec.EC_P256, ds);
        };
    }

    static Stream<Arguments> sodMatrix() {
        List<Arguments> out = new ArrayList<>();
        for (String digest : List.of("SHA-256", "SHA-384", "SHA-512")) {
            out.add(Arguments.of(KeySpec.RSA_2048, SigAlg.RSA_PKCS1, digest));
            out.add(Arguments.of(KeySpec.RSA_2048, SigAlg.RSA_PSS, digest));
            out.add(Arguments.of(KeySpec.EC_P256, SigAlg.ECDSA, digest));
            out.add(Arguments.of(KeySpec.EC_P384, SigAlg.ECDSA, digest));
            out.add(Arguments.of(KeySpec.EC_BRAINPOOL_P256R1, SigAlg.ECDSA, digest));
            out.add(Arguments.of(KeySpec.EC_BRAINPOOL_P384R1, SigAlg.ECDSA, digest));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "DS {0} {1} {2}")
    @MethodSource("sodMatrix")
    void whenSodSignedWithSchemeAndDigest_thenCardIsValid(KeySpec ds, SigAlg alg, String digest) {
        TestCountry c = country(ds);
        VirtualCard card = c.issuer().issue(Fixtures.CITIZEN, CardOptions.defaults().sodSignature(alg).digest(digest));
        VerificationResult r = Fixtures.verifier(c).verify(card.evidence(Fixtures.CHALLENGE));
        assertThat(r.isValid()).as(r.toJson(false)).isTrue();
    }

    static Stream<Arguments> aaMatrix() {
        return Stream.of(
                Arguments.of(KeySpec.RSA_1024, "SHA-1"),
                Arguments.of(KeySpec.RSA_1024, "SHA-256"),
                Arguments.of(KeySpec.RSA_2048, "SHA-1"),
                Arguments.of(KeySpec.RSA_2048, "SHA-224"),
                Arguments.of(KeySpec.RSA_2048, "SHA-384"),
                Arguments.of(KeySpec.RSA_2048, "SHA-512"),
                Arguments.of(KeySpec.EC_P256, "SHA-256"),
                Arguments.of(KeySpec.EC_P256, "SHA-1"),
                Arguments.of(KeySpec.EC_P384, "SHA-384"),
                Arguments.of(KeySpec.EC_P521, "SHA-512"),
                Arguments.of(KeySpec.EC_BRAINPOOL_P256R1, "SHA-256"),
                Arguments.of(KeySpec.EC_BRAINPOOL_P384R1, "SHA-384"));
    }

    @ParameterizedTest(name = "AA {0} {1}")
    @MethodSource("aaMatrix")
    void whenChipAnswersWithKeyAndHash_thenActiveAuthenticationPasses(KeySpec aa, String digest) {
        CardOptions o = CardOptions.defaults().aaKey(aa).aaKeyLabel("aa-" + aa);
        o = aa.isRsa() ? o.aaRsaDigest(digest) : o.aaEcDigest(digest);
        VirtualCard card = Fixtures.ec().issuer().issue(Fixtures.CITIZEN, o);
        VerificationResult r = Fixtures.verifier(Fixtures.ec()).verify(card.evidence(Fixtures.CHALLENGE));
        assertThat(r.isValid()).as(r.toJson(false)).isTrue();
        assertThat(r.activeAuthenticationPassed()).isTrue();
    }

    @Test
    void whenGenuineCard_thenResultCarriesCitizenDocumentAndEveryCheck() {
        VirtualCard card = Fixtures.ec().issuer().issue(Fixtures.CITIZEN);
        VerificationResult r = Fixtures.verifier(Fixtures.ec()).verify(card.evidence(Fixtures.CHALLENGE));
        assertThat(r.isValid()).isTrue();
        assertThat(r.passiveAuthenticationPassed()).isTrue();
        assertThat(r.failureCode()).isEmpty();
        assertThat(r.checks()).extracting(x -> x.check()).containsExactly(Check.values());
        assertThat(r.checks()).allMatch(x -> x.outcome() == CheckOutcome.PASSED);
        assertThat(r.verifiedDataGroups()).containsExactlyInAnyOrder(1, 13, 14, 15);
        assertThat(r.documentNumber()).contains("090012345");
        assertThat(r.documentExpiry()).contains(LocalDate.of(2046, 7, 1));
        CitizenIdentity id = r.citizen().orElseThrow();
        assertThat(id.idNumber()).isEqualTo("001090012345");
        assertThat(id.fullName()).isEqualTo("Nguyễn Văn An");
        assertThat(id.dateOfBirth()).isEqualTo(LocalDate.of(1990, 5, 17));
        assertThat(id.sex()).isEqualTo('M');
        assertThat(id.nationality()).isEqualTo("Việt Nam");
        assertThat(id.dateOfIssue()).contains(LocalDate.of(2021, 7, 1));
        assertThat(id.toString()).doesNotContain("001090012345").doesNotContain("Nguyễn");
        assertThat(r.toString()).doesNotContain("001090012345");
        assertThat(r.toJson(false)).doesNotContain("001090012345").doesNotContain("090012345").contains("\"valid\": true");
        assertThat(r.toJson(true)).contains("001090012345");
    }

    @Test
    void whenSignerIdentifiedBySubjectKeyIdentifier_thenValid() {
        assertValid(Fixtures.ec(), CardOptions.defaults().fault(SodFault.SIGNER_SKI));
    }

    @Test
    void whenSignatureAlgorithmIsRsaEncryption_thenDigestComesFromSignerInfo() {
        assertValid(Fixtures.rsa(), CardOptions.defaults().fault(SodFault.RSA_ENCRYPTION_OID));
    }

    @Test
    void whenSigningTimeAttributePresent_thenValid() {
        assertValid(Fixtures.ec(), CardOptions.defaults().fault(SodFault.SIGNING_TIME_ATTR));
    }

    @Test
    void whenSha1AllowedByConfig_thenSha1SodVerifies() {
        VirtualCard card = Fixtures.ec().issuer().issue(Fixtures.CITIZEN, CardOptions.defaults().digest("SHA-1"));
        VerifierConfig cfg = Fixtures.config().toBuilder().allowSha1(true).build();
        VerificationResult r = new CardVerifier(trust(Fixtures.ec()), cfg).verify(card.evidence(Fixtures.CHALLENGE));
        assertThat(r.isValid()).as(r.toJson(false)).isTrue();
    }

    @Test
    void whenCrlMissingAndPolicyAllows_thenRevocationIsNotApplicable() throws IcaoException {
        var trust = vn.dinhdanh.icao.trust.TrustStoreLoader.defaults().fromBytes(
                java.util.Map.of("c.der", Fixtures.ec().csca().certificateDer()), java.util.Map.of(), java.util.Map.of());
        VerifierConfig cfg = Fixtures.config().toBuilder().missingCrlPolicy(VerifierConfig.MissingCrlPolicy.ALLOW).build();
        VerificationResult r = new CardVerifier(trust, cfg).verify(Fixtures.ec().issuer().issue(Fixtures.CITIZEN).evidence(Fixtures.CHALLENGE));
        assertThat(r.isValid()).isTrue();
        assertThat(r.outcome(Check.DS_REVOCATION)).isEqualTo(CheckOutcome.NOT_APPLICABLE);
    }

    @Test
    void whenActiveAuthenticationNotRequiredAndAbsent_thenPassiveOnlyIsValid() {
        VirtualCard card = Fixtures.ec().issuer().issue(Fixtures.CITIZEN);
        VerifierConfig cfg = Fixtures.config().toBuilder().requireActiveAuthentication(false).build();
        VerificationResult r = new CardVerifier(trust(Fixtures.ec()), cfg).verify(card.evidence(null));
        assertThat(r.isValid()).isTrue();
        assertThat(r.outcome(Check.ACTIVE_AUTHENTICATION)).isEqualTo(CheckOutcome.NOT_APPLICABLE);
    }

    @Test
    void whenOnlyDg13IsPresented_thenValidWithCitizenFromDg13() {
        VirtualCard card = Fixtures.ec().issuer().issue(Fixtures.CITIZEN);
        CardEvidence.Builder b = CardEvidence.builder().sod(card.sod()).challenge(Fixtures.CHALLENGE)
                .aaSignature(card.respondToChallenge(Fixtures.CHALLENGE));
        for (int dg : List.of(13, 14, 15)) {
            b.dataGroup(dg, card.dataGroup(dg));
        }
        VerificationResult r = Fixtures.verifier(Fixtures.ec()).verify(b.build());
        assertThat(r.isValid()).as(r.toJson(false)).isTrue();
        assertThat(r.citizen().orElseThrow().idNumber()).isEqualTo("001090012345");
        assertThat(r.outcome(Check.CITIZEN_CONSISTENCY)).isEqualTo(CheckOutcome.NOT_APPLICABLE);
    }

    @Test
    void whenSameDsVerifiedTwice_thenCachedChainGivesSameVerdict() {
        CardVerifier v = Fixtures.verifier(Fixtures.ec());
        VirtualCard card = Fixtures.ec().issuer().issue(Fixtures.CITIZEN);
        assertThat(v.verify(card.evidence(Fixtures.CHALLENGE)).isValid()).isTrue();
        assertThat(v.verify(card.evidence(Fixtures.CHALLENGE)).isValid()).isTrue();
        VirtualCard bad = Fixtures.ec().issuer().issue(Fixtures.CITIZEN, CardOptions.defaults().corruptHash(1));
        assertThat(v.verify(bad.evidence(Fixtures.CHALLENGE)).failureCode()).contains(IcaoErrorCode.DG1_HASH_MISMATCH);
    }

    static vn.dinhdanh.icao.trust.TrustStore trust(TestCountry c) {
        try {
            return c.trustStore();
        } catch (IcaoException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertValid(TestCountry c, CardOptions o) {
        VirtualCard card = c.issuer().issue(Fixtures.CITIZEN, o);
        VerificationResult r = Fixtures.verifier(c).verify(card.evidence(Fixtures.CHALLENGE));
        assertThat(r.isValid()).as(r.toJson(false)).isTrue();
    }
}
