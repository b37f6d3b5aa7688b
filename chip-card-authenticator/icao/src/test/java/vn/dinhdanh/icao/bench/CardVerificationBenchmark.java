package vn.dinhdanh.icao.bench;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import vn.dinhdanh.icao.Fixtures;
import vn.dinhdanh.icao.lds.EfSod;
import vn.dinhdanh.icao.verify.CardEvidence;
import vn.dinhdanh.icao.verify.CardVerifier;
import vn.dinhdanh.icao.verify.Crypto;
import vn.dinhdanh.icao.verify.VerificationResult;
import vn.dinhdanh.icao.virtualcard.CardOptions;
import vn.dinhdanh.icao.virtualcard.KeySpec;
import vn.dinhdanh.icao.virtualcard.TestCountry;
import vn.dinhdanh.icao.virtualcard.VirtualCard;

/**
 * Full Passive + Active Authentication of a typical card against the cryptographic floor:
 * the same two signature verifications (EF.SOD signature, AA signature) done directly with
 * the JCA and the same Bouncy Castle provider. Single thread = per core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class CardVerificationBenchmark {
    CardVerifier rsaVerifier;
    CardVerifier ecVerifier;
    CardEvidence rsaEvidence;
    CardEvidence ecEvidence;

    // raw floor inputs
    PublicKey rsaDsKey;
    byte[] rsaSignedAttrs;
    byte[] rsaSodSignature;
    RSAPublicKey rsaAaKey;
    byte[] rsaAaSignature;
    PublicKey ecDsKey;
    byte[] ecSignedAttrs;
    byte[] ecSodSignature;
    PublicKey ecAaKey;
    byte[] ecAaSignature;

    @Setup
    public void setup() throws Exception {
        TestCountry rsa = Fixtures.rsa();
        VirtualCard rsaCard = rsa.issuer().issue(Fixtures.CITIZEN, CardOptions.defaults().aaKey(KeySpec.RSA_2048));
        rsaVerifier = Fixtures.verifier(rsa);
        rsaEvidence = rsaCard.evidence(Fixtures.CHALLENGE);
        TestCountry ec = Fixtures.ec();
        VirtualCard ecCard = ec.issuer().issue(Fixtures.CITIZEN, CardOptions.defaults().aaKey(KeySpec.EC_P256));
        ecVerifier = Fixtures.verifier(ec);
        ecEvidence = ecCard.evidence(Fixtures.CHALLENGE);
        check(rsaVerifier.verify(rsaEvidence));
        check(ecVerifier.verify(ecEvidence));

        rsaDsKey = rsa.ds().keyPair().getPublic();
        SignerInfo si = EfSod.parse(rsaCard.sod()).signerInfos().get(0);
        rsaSignedAttrs = si.getAuthenticatedAttributes().getEncoded(ASN1Encoding.DER);
        rsaSodSignature = si.getEncryptedDigest().getOctets();
        rsaAaKey = (RSAPublicKey) rsaCard.aaKeyPair().getPublic();
        rsaAaSignature = rsaEvidence.aaSignature().orElseThrow();
        ecDsKey = ec.ds().keyPair().getPublic();
        SignerInfo esi = EfSod.parse(ecCard.sod()).signerInfos().get(0);
        ecSignedAttrs = esi.getAuthenticatedAttributes().getEncoded(ASN1Encoding.DER);
        ecSodSignature = esi.getEncryptedDigest().getOctets();
        ecAaKey = ecCard.aaKeyPair().getPublic();
        ecAaSignature = ecEvidence.aaSignature().orElseThrow();
        if (!rawRsa() || !rawEc()) {
            throw new IllegalStateException("raw floor does not verify");
        }
    }

    private static void check(VerificationResult r) {
        if (!r.isValid()) {
            throw new IllegalStateException("benchmark card does not verify: " + r.toJson(false));
        }
    }

    @Benchmark
    public VerificationResult fullRsa2048() {
        return rsaVerifier.verify(rsaEvidence);
    }

    @Benchmark
    public VerificationResult fullEcP256() {
        return ecVerifier.verify(ecEvidence);
    }

    /** SHA256withRSA over the signed attributes + the RSA public operation of ISO 9796-2 AA and its hash. */
    @Benchmark
    public boolean rawRsa() throws Exception {
        Signature s = Signature.getInstance("SHA256withRSA", Crypto.provider());
        s.initVerify(rsaDsKey);
        s.update(rsaSignedAttrs);
        boolean ok = s.verify(rsaSodSignature);
        Cipher c = Cipher.getInstance("RSA/ECB/NoPadding", Crypto.provider());
        c.init(Cipher.DECRYPT_MODE, rsaAaKey);
        byte[] block = c.doFinal(rsaAaSignature);
        MessageDigest md = MessageDigest.getInstance("SHA-1");
        md.update(block, 1, block.length - 22);
        md.update(Fixtures.CHALLENGE);
        byte[] h = md.digest();
        return ok && h.length == 20 && new BigInteger(1, block).signum() > 0;
    }

    /** SHA256withECDSA over the signed attributes + SHA256withPLAIN-ECDSA over the challenge. */
    @Benchmark
    public boolean rawEc() throws Exception {
        Signature s = Signature.getInstance("SHA256withECDSA", Crypto.provider());
        s.initVerify(ecDsKey);
        s.update(ecSignedAttrs);
        boolean ok = s.verify(ecSodSignature);
        Signature a = Signature.getInstance("SHA256withPLAIN-ECDSA", Crypto.provider());
        a.initVerify(ecAaKey);
        a.update(Fixtures.CHALLENGE);
        return ok && a.verify(ecAaSignature);
    }
}
