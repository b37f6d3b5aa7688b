package vn.dinhdanh.icao.verify;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.icao.ICAOObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import vn.dinhdanh.icao.IcaoErrorCode;
import vn.dinhdanh.icao.IcaoException;
import vn.dinhdanh.icao.lds.Algorithms;
import vn.dinhdanh.icao.lds.EfSod;
import vn.dinhdanh.icao.lds.LdsSecurityObjectInfo;
import vn.dinhdanh.icao.trust.CscaEntry;
import vn.dinhdanh.icao.trust.TrustStore;

/** The Passive Authentication checks, each a small validator. */
final class PassiveValidators {
    private PassiveValidators() {
    }

    static final CheckOutcome OK = CheckOutcome.PASSED;

    static List<Validator> all() {
        return List.of(
                Validator.of(Check.SOD_PARSED, Set.of(), SodStructure::parse),
                Validator.of(Check.SOD_SIGNED_DATA, Set.of(Check.SOD_PARSED), SodStructure::signedData),
                Validator.of(Check.SOD_ECONTENT_TYPE, Set.of(Check.SOD_PARSED), SodStructure::eContentType),
                Validator.of(Check.LDS_SECURITY_OBJECT, Set.of(Check.SOD_ECONTENT_TYPE), SodStructure::ldsSecurityObject),
                Validator.of(Check.SOD_SIGNER_INFO, Set.of(Check.SOD_SIGNED_DATA), SodStructure::signerInfo),
                Validator.of(Check.SOD_ALGORITHMS, Set.of(Check.SOD_SIGNER_INFO, Check.LDS_SECURITY_OBJECT), AlgorithmPolicy::sodAlgorithms),
                Validator.of(Check.SOD_SIGNED_ATTRIBUTES, Set.of(Check.SOD_ALGORITHMS), SodStructure::signedAttributes),
                Validator.of(Check.SOD_SIGNER_IDENTIFIER, Set.of(Check.SOD_SIGNER_INFO), DocumentSignerCertificate::signerIdentifier),
                Validator.of(Check.SOD_SIGNATURE, Set.of(Check.SOD_ALGORITHMS, Check.SOD_SIGNER_IDENTIFIER), SodSignature::verify),
                Validator.of(Check.DS_VALIDITY, Set.of(Check.SOD_SIGNER_IDENTIFIER), DocumentSignerCertificate::validity),
                Validator.of(Check.DS_KEY_USAGE, Set.of(Check.SOD_SIGNER_IDENTIFIER), DocumentSignerCertificate::keyUsage),
                Validator.of(Check.DS_KEY_STRENGTH, Set.of(Check.SOD_SIGNER_IDENTIFIER), DocumentSignerCertificate::keyStrength),
                Validator.of(Check.DS_CHAIN, Set.of(Check.SOD_SIGNER_IDENTIFIER), PassiveValidators::chain),
                Validator.of(Check.DS_REVOCATION, Set.of(Check.DS_CHAIN), PassiveValidators::revocation),
                Validator.of(Check.DG_HASHES, Set.of(Check.LDS_SECURITY_OBJECT), PassiveValidators::dataGroupHashes),
                Validator.of(Check.REQUIRED_DATA_GROUPS, Set.of(), PassiveValidators::requiredDataGroups));
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

    private static CheckOutcome chain(VerificationContext ctx) throws IcaoException {
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
        return OK;
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

    /** Time-independent CRL verdict, cached per trust snapshot. */
    record CrlVerdict(Instant thisUpdate, Instant nextUpdate, boolean revoked, IcaoErrorCode failure) {
    }

    private static CheckOutcome revocation(VerificationContext ctx) throws IcaoException {
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
        return OK;
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

    // ---------------------------------------------------------------- data groups

    private static CheckOutcome dataGroupHashes(VerificationContext ctx) throws IcaoException {
        Map<Integer, byte[]> hashes = ctx.lds.hashes();
        for (Map.Entry<Integer, byte[]> dg : ctx.evidence.dataGroups().entrySet()) {
            int n = dg.getKey();
            if (n < 1 || n > 16) {
                throw new IcaoException(IcaoErrorCode.DG_NUMBER_INVALID, "DG " + n);
            }
            if (dg.getValue().length > ctx.config.limits().maxDataGroupBytes()) {
                throw new IcaoException(IcaoErrorCode.DG_TOO_LARGE, "DG " + n);
            }
            byte[] expected = hashes.get(n);
            if (expected == null) {
                throw new IcaoException(IcaoErrorCode.DG_NOT_IN_SOD, "DG " + n);
            }
            if (!MessageDigest.isEqual(expected, Algorithms.hash(ctx.lds.digestName(), dg.getValue()))) {
                throw new IcaoException(switch (n) {
                    case 1 -> IcaoErrorCode.DG1_HASH_MISMATCH;
                    case 13 -> IcaoErrorCode.DG13_HASH_MISMATCH;
                    case 14 -> IcaoErrorCode.DG14_HASH_MISMATCH;
                    case 15 -> IcaoErrorCode.DG15_HASH_MISMATCH;
                    default -> IcaoErrorCode.DG_HASH_MISMATCH;
                }, "DG " + n);
            }
            ctx.verifiedDataGroups.add(n);
        }
        return OK;
    }

    private static CheckOutcome requiredDataGroups(VerificationContext ctx) throws IcaoException {
        if (!ctx.config.requireCitizenData()) {
            return CheckOutcome.NOT_APPLICABLE;
        }
        Map<Integer, byte[]> dgs = ctx.evidence.dataGroups();
        if (!dgs.containsKey(1) && !dgs.containsKey(13)) {
            throw new IcaoException(IcaoErrorCode.REQUIRED_DG_MISSING);
        }
        return OK;
    }
}
