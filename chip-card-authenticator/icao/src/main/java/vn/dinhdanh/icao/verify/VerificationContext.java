package vn.dinhdanh.icao.verify;

import java.security.PublicKey;
import java.security.spec.AlgorithmParameterSpec;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import vn.dinhdanh.icao.lds.Dg13;
import vn.dinhdanh.icao.lds.Dg14;
import vn.dinhdanh.icao.lds.Dg15;
import vn.dinhdanh.icao.lds.EfSod;
import vn.dinhdanh.icao.lds.LdsSecurityObjectInfo;
import vn.dinhdanh.icao.lds.Mrz;
import vn.dinhdanh.icao.trust.CscaEntry;
import vn.dinhdanh.icao.trust.TrustStore;

/** Mutable state of one verification run; confined to the calling thread. */
final class VerificationContext {
    final VerifierConfig config;
    final TrustStore trust;
    final CardEvidence evidence;
    final Instant now;
    final Map<Check, CheckResult> results = new EnumMap<>(Check.class);
    final Set<Integer> verifiedDataGroups = new TreeSet<>();

    EfSod sod;
    LdsSecurityObjectInfo lds;
    SignerInfo signer;
    String signerDigest;
    String signatureJcaName;
    AlgorithmParameterSpec signatureParams;
    vn.dinhdanh.icao.lds.Algorithms.KeyFamily signatureFamily;
    X509CertificateHolder ds;
    CacheKey dsCacheKey;
    DocumentSignerCertificate.DsInfo dsInfo;
    PublicKey dsKey;
    CscaEntry csca;
    Mrz mrz;
    Dg13 dg13;
    Dg14 dg14;
    Dg15 dg15;

    VerificationContext(VerifierConfig config, TrustStore trust, CardEvidence evidence) {
        this.config = config;
        this.trust = trust;
        this.evidence = evidence;
        this.now = config.clock().instant();
    }

    boolean passed(Check c) {
        CheckResult r = results.get(c);
        return r != null && r.outcome() == CheckOutcome.PASSED;
    }
}
