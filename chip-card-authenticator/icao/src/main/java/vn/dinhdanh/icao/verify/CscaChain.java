package vn.dinhdanh.icao.verify;

import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import vn.dinhdanh.icao.IcaoErrorCode;
import vn.dinhdanh.icao.IcaoException;
import vn.dinhdanh.icao.lds.Algorithms;
import vn.dinhdanh.icao.trust.CscaEntry;
import vn.dinhdanh.icao.trust.TrustStore;

/**
 * DS_CHAIN: the Document Signer certificate is signed by a trusted CSCA (found by subject and
 * authority key identifier, the verdict cached per trust snapshot), and that CSCA is valid now,
 * a CA allowed to sign certificates, and strong enough.
 */
final class CscaChain {
    private CscaChain() {
    }

    /** Time-independent verdict of a DS-to-CSCA chain, cached per trust snapshot. */
    record ChainVerdict(CscaEntry csca, IcaoErrorCode failure, Instant notBefore, Instant notAfter, boolean ca,
                        boolean keyCertSign, String signatureDigest) {
        ChainVerdict(IcaoErrorCode failure) {
            this(null, failure, null, null, false, false, null);
        }

        static ChainVerdict of(CscaEntry c) {
            X509CertificateHolder h = c.certificate();
            BasicConstraints bc = BasicConstraints.fromExtensions(h.getExtensions());
            KeyUsage ku = KeyUsage.fromExtensions(h.getExtensions());
            return new ChainVerdict(c, null, h.getNotBefore().toInstant(), h.getNotAfter().toInstant(),
                    bc != null && bc.isCA(), ku != null && ku.hasUsages(KeyUsage.keyCertSign),
                    AlgorithmPolicy.certificateDigest(h.getSignatureAlgorithm()));
        }
    }

    static CheckOutcome verify(VerificationContext ctx) throws IcaoException {
        X509CertificateHolder ds = ctx.ds;
        TrustStore trust = ctx.trust;
        ChainVerdict v = trust.cached(ctx.dsCacheKey.as("chain"), k -> computeChain(trust, ds));
        if (v.failure() != null) {
            throw new IcaoException(v.failure());
        }
        CscaEntry csca = v.csca();
        if (ctx.now.isBefore(v.notBefore())) {
            throw new IcaoException(IcaoErrorCode.CSCA_NOT_YET_VALID);
        }
        if (ctx.now.isAfter(v.notAfter())) {
            throw new IcaoException(IcaoErrorCode.CSCA_EXPIRED);
        }
        if (!v.ca()) {
            throw new IcaoException(IcaoErrorCode.CSCA_NOT_CA);
        }
        if (!v.keyCertSign()) {
            throw new IcaoException(IcaoErrorCode.CSCA_KEY_USAGE);
        }
        if (AlgorithmPolicy.weakKey(csca.publicKey(), ctx.config)) {
            throw new IcaoException(IcaoErrorCode.CSCA_WEAK_KEY, Crypto.keyBits(csca.publicKey()) + " bits");
        }
        if (v.signatureDigest() != null && Algorithms.isWeakDigest(v.signatureDigest(), ctx.config.allowSha1())) {
            throw new IcaoException(IcaoErrorCode.CSCA_WEAK_SIGNATURE_ALGORITHM, v.signatureDigest());
        }
        ctx.csca = csca;
        return CheckOutcome.PASSED;
    }

    private static ChainVerdict computeChain(TrustStore trust, X509CertificateHolder ds) {
        List<CscaEntry> candidates = trust.cscasBySubject(ds.getIssuer());
        if (candidates.isEmpty()) {
            return new ChainVerdict(IcaoErrorCode.CSCA_UNKNOWN);
        }
        AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.fromExtensions(ds.getExtensions());
        byte[] akid = aki == null ? null : aki.getKeyIdentifier();
        List<CscaEntry> matching = candidates;
        if (akid != null) {
            matching = candidates.stream()
                    .filter(c -> c.subjectKeyIdentifier().map(s -> java.util.Arrays.equals(s, akid)).orElse(true))
                    .toList();
            if (matching.isEmpty()) {
                return new ChainVerdict(IcaoErrorCode.DS_AKI_MISMATCH);
            }
        }
        for (CscaEntry c : matching) {
            if (Crypto.verifies(ds, c.publicKey())) {
                return ChainVerdict.of(c);
            }
        }
        return new ChainVerdict(IcaoErrorCode.DS_CHAIN_SIGNATURE_INVALID);
    }
}
