package vn.dinhdanh.icao.verify;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.asn1.ASN1Encoding;
import vn.dinhdanh.icao.IcaoErrorCode;
import vn.dinhdanh.icao.IcaoException;
import vn.dinhdanh.icao.lds.Algorithms;

/**
 * SOD_SIGNATURE: the SignerInfo's signature over the DER-encoded signed attributes, verified
 * with the Document Signer's key under the scheme {@link AlgorithmPolicy} settled.
 */
final class SodSignature {
    private SodSignature() {
    }

    static CheckOutcome verify(VerificationContext ctx) throws IcaoException {
        boolean rsaKey = ctx.dsKey instanceof RSAPublicKey;
        boolean ecKey = ctx.dsKey instanceof ECPublicKey;
        if ((ctx.signatureFamily == Algorithms.KeyFamily.EC && !ecKey) || (ctx.signatureFamily != Algorithms.KeyFamily.EC && !rsaKey)) {
            throw new IcaoException(IcaoErrorCode.SOD_SIGNATURE_KEY_MISMATCH);
        }
        boolean ok;
        try {
            Signature sig = Signature.getInstance(ctx.signatureJcaName, Crypto.provider());
            if (ctx.signatureParams != null) {
                sig.setParameter(ctx.signatureParams);
            }
            sig.initVerify(ctx.dsKey);
            sig.update(ctx.signer.getAuthenticatedAttributes().getEncoded(ASN1Encoding.DER));
            ok = sig.verify(ctx.signer.getEncryptedDigest().getOctets());
        } catch (java.security.InvalidAlgorithmParameterException e) {
            throw new IcaoException(IcaoErrorCode.SOD_PSS_PARAMETERS_INVALID, e.getClass().getSimpleName(), e);
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new IcaoException(IcaoErrorCode.SOD_SIGNATURE_INVALID, e.getClass().getSimpleName(), e);
        }
        if (!ok) {
            throw new IcaoException(IcaoErrorCode.SOD_SIGNATURE_INVALID);
        }
        return CheckOutcome.PASSED;
    }
}
