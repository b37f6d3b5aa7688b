package vn.dinhdanh.icao.verify;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Instant;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import vn.dinhdanh.icao.IcaoErrorCode;
import vn.dinhdanh.icao.IcaoException;
import vn.dinhdanh.icao.lds.Algorithms;
import vn.dinhdanh.icao.lds.EfSod;

/**
 * The Document Signer certificate carried in EF.SOD: SOD_SIGNER_IDENTIFIER finds the one the
 * SignerInfo names (each certificate decoded once per trust snapshot), then DS_VALIDITY,
 * DS_KEY_USAGE and DS_KEY_STRENGTH judge it.
 */
final class DocumentSignerCertificate {
    private DocumentSignerCertificate() {
    }

    /** Time-independent facts of a DS certificate, decoded once per trust snapshot. */
    record DsInfo(X509CertificateHolder certificate, PublicKey key, byte[] subjectKeyId, Instant notBefore,
                  Instant notAfter, boolean digitalSignature, boolean ca, IcaoErrorCode failure) {
    }

    static CheckOutcome signerIdentifier(VerificationContext ctx) throws IcaoException {
        SignerIdentifier sid = ctx.signer.getSID();
        byte[] keyId = null;
        IssuerAndSerialNumber ias = null;
        try {
            if (sid.isTagged()) {
                keyId = ASN1OctetString.getInstance(sid.getId()).getOctets();
            } else {
                ias = IssuerAndSerialNumber.getInstance(sid.getId());
                ias.getName();
                ias.getSerialNumber().getValue();
            }
        } catch (RuntimeException e) {
            throw new IcaoException(IcaoErrorCode.SOD_SIGNER_ID_MISMATCH, "unreadable signer identifier", e);
        }
        for (byte[] der : ctx.sod.certificateEncodings()) {
            CacheKey key = CacheKey.of("ds", der);
            DsInfo info = ctx.trust.cached(key, k -> dsInfo(der, ctx.config));
            if (info.failure() != null) {
                throw new IcaoException(info.failure(), "certificate in EF.SOD");
            }
            X509CertificateHolder c = info.certificate();
            boolean match = keyId != null
                    ? info.subjectKeyId() != null && java.util.Arrays.equals(info.subjectKeyId(), keyId)
                    : c.getIssuer().equals(ias.getName()) && c.getSerialNumber().equals(ias.getSerialNumber().getValue());
            if (match) {
                ctx.ds = c;
                ctx.dsKey = info.key();
                ctx.dsInfo = info;
                ctx.dsCacheKey = key;
                return CheckOutcome.PASSED;
            }
        }
        throw new IcaoException(IcaoErrorCode.SOD_SIGNER_ID_MISMATCH);
    }

    private static DsInfo dsInfo(byte[] der, VerifierConfig config) {
        try {
            X509CertificateHolder ds = EfSod.certificate(der, config.limits());
            PublicKey key = Crypto.publicKey(ds.getSubjectPublicKeyInfo());
            KeyUsage ku = KeyUsage.fromExtensions(ds.getExtensions());
            BasicConstraints bc = BasicConstraints.fromExtensions(ds.getExtensions());
            SubjectKeyIdentifier ski = SubjectKeyIdentifier.fromExtensions(ds.getExtensions());
            return new DsInfo(ds, key, ski == null ? null : ski.getKeyIdentifier(), ds.getNotBefore().toInstant(),
                    ds.getNotAfter().toInstant(), ku != null && ku.hasUsages(KeyUsage.digitalSignature),
                    bc != null && bc.isCA(), null);
        } catch (IcaoException e) {
            return new DsInfo(null, null, null, null, null, false, false, e.code());
        } catch (GeneralSecurityException | RuntimeException e) {
            return new DsInfo(null, null, null, null, null, false, false, IcaoErrorCode.DS_CERTIFICATE_MALFORMED);
        }
    }

    static CheckOutcome validity(VerificationContext ctx) throws IcaoException {
        if (ctx.now.isBefore(ctx.dsInfo.notBefore())) {
            throw new IcaoException(IcaoErrorCode.DS_NOT_YET_VALID);
        }
        if (ctx.now.isAfter(ctx.dsInfo.notAfter())) {
            throw new IcaoException(IcaoErrorCode.DS_EXPIRED);
        }
        return CheckOutcome.PASSED;
    }

    static CheckOutcome keyUsage(VerificationContext ctx) throws IcaoException {
        if (!ctx.dsInfo.digitalSignature()) {
            throw new IcaoException(IcaoErrorCode.DS_KEY_USAGE);
        }
        if (ctx.dsInfo.ca()) {
            throw new IcaoException(IcaoErrorCode.DS_IS_CA);
        }
        return CheckOutcome.PASSED;
    }

    static CheckOutcome keyStrength(VerificationContext ctx) throws IcaoException {
        if (AlgorithmPolicy.weakKey(ctx.dsKey, ctx.config)) {
            throw new IcaoException(IcaoErrorCode.DS_WEAK_KEY, Crypto.keyBits(ctx.dsKey) + " bits");
        }
        String digest = AlgorithmPolicy.certificateDigest(ctx.ds.getSignatureAlgorithm());
        if (digest != null && Algorithms.isWeakDigest(digest, ctx.config.allowSha1())) {
            throw new IcaoException(IcaoErrorCode.DS_WEAK_SIGNATURE_ALGORITHM, digest);
        }
        return CheckOutcome.PASSED;
    }
}
