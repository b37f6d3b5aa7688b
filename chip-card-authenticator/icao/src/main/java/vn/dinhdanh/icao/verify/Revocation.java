package vn.dinhdanh.icao.verify;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import vn.dinhdanh.icao.IcaoErrorCode;
import vn.dinhdanh.icao.IcaoException;
import vn.dinhdanh.icao.trust.CscaEntry;
import vn.dinhdanh.icao.trust.TrustStore;

/**
 * DS_REVOCATION: the newest CRL signed by the chaining CSCA's subject is current and does not
 * list the Document Signer (the verdict cached per trust snapshot); a missing CRL is allowed
 * only when the configuration says so.
 */
final class Revocation {
    private Revocation() {
    }

    /** Time-independent CRL verdict, cached per trust snapshot. */
    record CrlVerdict(Instant thisUpdate, Instant nextUpdate, boolean revoked, IcaoErrorCode failure) {
    }

    static CheckOutcome check(VerificationContext ctx) throws IcaoException {
        X509CertificateHolder ds = ctx.ds;
        CscaEntry csca = ctx.csca;
        TrustStore trust = ctx.trust;
        CrlVerdict v = trust.cached(ctx.dsCacheKey.as("crl"), k -> computeCrl(trust, ds, csca));
        if (v.failure() == IcaoErrorCode.CRL_MISSING && ctx.config.missingCrlPolicy() == VerifierConfig.MissingCrlPolicy.ALLOW) {
            return CheckOutcome.NOT_APPLICABLE;
        }
        if (v.failure() != null) {
            throw new IcaoException(v.failure());
        }
        if (ctx.now.isBefore(v.thisUpdate()) || v.nextUpdate() == null || ctx.now.isAfter(v.nextUpdate())) {
            throw new IcaoException(IcaoErrorCode.CRL_STALE);
        }
        if (v.revoked()) {
            throw new IcaoException(IcaoErrorCode.DS_REVOKED);
        }
        return CheckOutcome.PASSED;
    }

    private static CrlVerdict computeCrl(TrustStore trust, X509CertificateHolder ds, CscaEntry csca) {
        List<X509CRLHolder> crls = trust.crlsByIssuer(csca.subject());
        if (crls.isEmpty()) {
            return new CrlVerdict(null, null, false, IcaoErrorCode.CRL_MISSING);
        }
        List<CscaEntry> signers = trust.cscasBySubject(csca.subject());
        X509CRLHolder best = null;
        for (X509CRLHolder crl : crls) {
            boolean signed = false;
            for (CscaEntry s : signers) {
                if (Crypto.verifies(crl, s.publicKey())) {
                    signed = true;
                    break;
                }
            }
            if (signed && (best == null || crl.getThisUpdate().after(best.getThisUpdate()))) {
                best = crl;
            }
        }
        if (best == null) {
            return new CrlVerdict(null, null, false, IcaoErrorCode.CRL_SIGNATURE_INVALID);
        }
        Date next = best.getNextUpdate();
        return new CrlVerdict(best.getThisUpdate().toInstant(), next == null ? null : next.toInstant(),
                best.getRevokedCertificate(ds.getSerialNumber()) != null, null);
    }
}
