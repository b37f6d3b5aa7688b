package vn.dinhdanh.icao.verify;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import vn.dinhdanh.icao.IcaoErrorCode;
import vn.dinhdanh.icao.IcaoException;
import vn.dinhdanh.icao.lds.Algorithms;

/**
 * Which digests, signature schemes and key sizes are acceptable: the SOD_ALGORITHMS check
 * (which also settles the JCA signature the SOD_SIGNATURE check will run), strict RSASSA-PSS
 * parameters, the digest behind a certificate's signature algorithm, and the minimum key size.
 */
final class AlgorithmPolicy {
    private AlgorithmPolicy() {
    }

    /** SOD_ALGORITHMS: the SignerInfo's digest and signature algorithms, against the LDS digest. */
    static CheckOutcome sodAlgorithms(VerificationContext ctx) throws IcaoException {
        SignerInfo si = ctx.signer;
        boolean sha1 = ctx.config.allowSha1();
        ASN1ObjectIdentifier digestOid = si.getDigestAlgorithm().getAlgorithm();
        String digest = Algorithms.digestName(digestOid)
                .orElseThrow(() -> new IcaoException(IcaoErrorCode.SOD_DIGEST_ALGORITHM_UNSUPPORTED, "digest " + digestOid));
        if (Algorithms.isWeakDigest(digest, sha1)) {
            throw new IcaoException(IcaoErrorCode.SOD_WEAK_DIGEST_ALGORITHM, digest);
        }
        boolean declared = ctx.sod.digestAlgorithms().stream().anyMatch(a -> a.getAlgorithm().equals(digestOid));
        if (!declared) {
            throw new IcaoException(IcaoErrorCode.SOD_DIGEST_ALGORITHM_UNDECLARED, digest);
        }
        if (Algorithms.isWeakDigest(ctx.lds.digestName(), sha1)) {
            throw new IcaoException(IcaoErrorCode.SOD_WEAK_DIGEST_ALGORITHM, "LDS " + ctx.lds.digestName());
        }
        if (!ctx.lds.digestName().equals(digest)) {
            throw new IcaoException(IcaoErrorCode.SOD_DIGEST_ALGORITHM_MISMATCH, digest + " vs LDS " + ctx.lds.digestName());
        }
        AlgorithmIdentifier sigAlg = si.getDigestEncryptionAlgorithm();
        Algorithms.SignatureAlg alg = Algorithms.signature(sigAlg.getAlgorithm())
                .orElseThrow(() -> new IcaoException(IcaoErrorCode.SOD_SIGNATURE_ALGORITHM_UNSUPPORTED, "signature " + sigAlg.getAlgorithm()));
        ctx.signatureFamily = alg.family();
        ctx.signatureParams = null;
        if (alg.family() == Algorithms.KeyFamily.RSA_PSS) {
            PSSParameterSpec spec = pss(sigAlg, sha1);
            if (!spec.getDigestAlgorithm().equals(digest)) {
                throw new IcaoException(IcaoErrorCode.SOD_DIGEST_ALGORITHM_MISMATCH, "PSS hash vs SignerInfo digest");
            }
            ctx.signatureJcaName = "RSASSA-PSS";
            ctx.signatureParams = spec;
        } else if (alg.digest() == null) {
            ctx.signatureJcaName = Algorithms.rsaPkcs1Name(digest);
        } else {
            if (Algorithms.isWeakDigest(alg.digest(), sha1)) {
                throw new IcaoException(IcaoErrorCode.SOD_WEAK_SIGNATURE_ALGORITHM, alg.jcaName());
            }
            if (!alg.digest().equals(digest)) {
                throw new IcaoException(IcaoErrorCode.SOD_DIGEST_ALGORITHM_MISMATCH, alg.jcaName() + " vs " + digest);
            }
            ctx.signatureJcaName = alg.jcaName();
        }
        ctx.signerDigest = digest;
        return CheckOutcome.PASSED;
    }

    /** RSASSA-PSS parameters, strictly: MGF1 with the same hash, trailer 1, sane salt. */
    static PSSParameterSpec pss(AlgorithmIdentifier sigAlg, boolean allowSha1) throws IcaoException {
        try {
            if (sigAlg.getParameters() == null) {
                throw new IcaoException(IcaoErrorCode.SOD_PSS_PARAMETERS_INVALID, "absent");
            }
            RSASSAPSSparams p = RSASSAPSSparams.getInstance(sigAlg.getParameters());
            String hash = Algorithms.digestName(p.getHashAlgorithm().getAlgorithm())
                    .orElseThrow(() -> new IcaoException(IcaoErrorCode.SOD_PSS_PARAMETERS_INVALID, "hash"));
            if (Algorithms.isWeakDigest(hash, allowSha1)) {
                throw new IcaoException(IcaoErrorCode.SOD_WEAK_SIGNATURE_ALGORITHM, "PSS " + hash);
            }
            if (!PKCSObjectIdentifiers.id_mgf1.equals(p.getMaskGenAlgorithm().getAlgorithm())) {
                throw new IcaoException(IcaoErrorCode.SOD_PSS_PARAMETERS_INVALID, "mask generation");
            }
            AlgorithmIdentifier mgfHash = AlgorithmIdentifier.getInstance(p.getMaskGenAlgorithm().getParameters());
            if (!mgfHash.getAlgorithm().equals(p.getHashAlgorithm().getAlgorithm())) {
                throw new IcaoException(IcaoErrorCode.SOD_PSS_PARAMETERS_INVALID, "MGF1 hash differs");
            }
            BigInteger salt = p.getSaltLength();
            if (salt.signum() < 0 || salt.bitLength() > 10 || p.getTrailerField().intValue() != 1) {
                throw new IcaoException(IcaoErrorCode.SOD_PSS_PARAMETERS_INVALID, "salt or trailer");
            }
            return new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), salt.intValue(), 1);
        } catch (IcaoException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IcaoException(IcaoErrorCode.SOD_PSS_PARAMETERS_INVALID, e.getClass().getSimpleName(), e);
        }
    }

    /** Digest of a certificate signature algorithm (PSS: from its parameters), or null if unknown. */
    static String certificateDigest(AlgorithmIdentifier alg) {
        Optional<Algorithms.SignatureAlg> known = Algorithms.signature(alg.getAlgorithm());
        if (known.isPresent() && known.get().family() == Algorithms.KeyFamily.RSA_PSS) {
            try {
                return pss(alg, true).getDigestAlgorithm();
            } catch (IcaoException e) {
                return "MD5"; // unreadable PSS parameters: treated as weak
            }
        }
        return known.map(Algorithms.SignatureAlg::digest).orElse(null);
    }

    /** Whether a DS or CSCA key is below the configured size (or of neither RSA nor EC type). */
    static boolean weakKey(PublicKey key, VerifierConfig cfg) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength() < cfg.minRsaBits();
        }
        if (key instanceof ECPublicKey) {
            return Crypto.keyBits(key) < cfg.minEcBits();
        }
        return true;
    }
}
