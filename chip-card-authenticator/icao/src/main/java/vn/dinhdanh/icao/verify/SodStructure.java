package vn.dinhdanh.icao.verify;

import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.icao.ICAOObjectIdentifiers;
import vn.dinhdanh.icao.IcaoErrorCode;
import vn.dinhdanh.icao.IcaoException;
import vn.dinhdanh.icao.lds.Algorithms;
import vn.dinhdanh.icao.lds.EfSod;
import vn.dinhdanh.icao.lds.LdsSecurityObjectInfo;

/**
 * The shape of EF.SOD as a CMS SignedData: SOD_PARSED, SOD_SIGNED_DATA, SOD_ECONTENT_TYPE,
 * LDS_SECURITY_OBJECT, SOD_SIGNER_INFO and SOD_SIGNED_ATTRIBUTES (content type and message
 * digest attributes against the encapsulated LDSSecurityObject).
 */
final class SodStructure {
    private SodStructure() {
    }

    static CheckOutcome parse(VerificationContext ctx) throws IcaoException {
        byte[] sod = ctx.evidence.sodUnsafe();
        if (sod == null || sod.length == 0) {
            throw new IcaoException(IcaoErrorCode.SOD_MISSING);
        }
        ctx.sod = EfSod.parse(sod, ctx.config.limits());
        return CheckOutcome.PASSED;
    }

    static CheckOutcome signedData(VerificationContext ctx) throws IcaoException {
        EfSod sod = ctx.sod;
        if (sod.signedDataVersion() != 3) {
            throw new IcaoException(IcaoErrorCode.SOD_SIGNED_DATA_VERSION, "version " + sod.signedDataVersion());
        }
        if (sod.digestAlgorithms().isEmpty()) {
            throw new IcaoException(IcaoErrorCode.SOD_NO_DIGEST_ALGORITHMS);
        }
        if (sod.certificateEncodings().isEmpty()) {
            throw new IcaoException(IcaoErrorCode.SOD_NO_DS_CERTIFICATE);
        }
        if (sod.signerInfos().size() != 1) {
            throw new IcaoException(IcaoErrorCode.SOD_SIGNER_COUNT, "signers " + sod.signerInfos().size());
        }
        return CheckOutcome.PASSED;
    }

    static CheckOutcome eContentType(VerificationContext ctx) throws IcaoException {
        if (!ICAOObjectIdentifiers.id_icao_ldsSecurityObject.equals(ctx.sod.eContentType())) {
            throw new IcaoException(IcaoErrorCode.SOD_ECONTENT_TYPE, "eContentType " + ctx.sod.eContentType());
        }
        if (ctx.sod.eContent().isEmpty()) {
            throw new IcaoException(IcaoErrorCode.SOD_ECONTENT_MISSING);
        }
        return CheckOutcome.PASSED;
    }

    static CheckOutcome ldsSecurityObject(VerificationContext ctx) throws IcaoException {
        ctx.lds = LdsSecurityObjectInfo.parse(ctx.sod.eContent().orElseThrow(), ctx.config.limits());
        return CheckOutcome.PASSED;
    }

    static CheckOutcome signerInfo(VerificationContext ctx) throws IcaoException {
        SignerInfo si = ctx.sod.signerInfos().get(0);
        int version = si.getVersion().intValueExact();
        boolean ski = si.getSID().isTagged();
        if ((ski && version != 3) || (!ski && version != 1)) {
            throw new IcaoException(IcaoErrorCode.SOD_SIGNER_INFO_VERSION, "version " + version);
        }
        ASN1Set attrs = si.getAuthenticatedAttributes();
        if (attrs == null || attrs.size() == 0) {
            throw new IcaoException(IcaoErrorCode.SOD_SIGNED_ATTRS_MISSING);
        }
        Set<ASN1ObjectIdentifier> seen = new HashSet<>();
        try {
            for (ASN1Encodable e : attrs) {
                Attribute a = Attribute.getInstance(e);
                if (!seen.add(a.getAttrType())) {
                    throw new IcaoException(IcaoErrorCode.SOD_SIGNED_ATTR_DUPLICATE, "attribute " + a.getAttrType());
                }
                if ((CMSAttributes.contentType.equals(a.getAttrType()) || CMSAttributes.messageDigest.equals(a.getAttrType()))
                        && a.getAttrValues().size() != 1) {
                    throw new IcaoException(IcaoErrorCode.SOD_SIGNED_ATTR_DUPLICATE, "values of " + a.getAttrType());
                }
            }
        } catch (IcaoException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IcaoException(IcaoErrorCode.SOD_MALFORMED, "signed attribute", e);
        }
        ctx.signer = si;
        return CheckOutcome.PASSED;
    }

    static CheckOutcome signedAttributes(VerificationContext ctx) throws IcaoException {
        Attribute ct = attribute(ctx.signer, CMSAttributes.contentType);
        if (ct == null) {
            throw new IcaoException(IcaoErrorCode.SOD_CONTENT_TYPE_ATTR_MISSING);
        }
        if (!ctx.sod.eContentType().equals(ct.getAttrValues().getObjectAt(0).toASN1Primitive())) {
            throw new IcaoException(IcaoErrorCode.SOD_CONTENT_TYPE_ATTR_MISMATCH);
        }
        Attribute md = attribute(ctx.signer, CMSAttributes.messageDigest);
        if (md == null) {
            throw new IcaoException(IcaoErrorCode.SOD_MESSAGE_DIGEST_ATTR_MISSING);
        }
        byte[] claimed;
        try {
            claimed = ASN1OctetString.getInstance(md.getAttrValues().getObjectAt(0)).getOctets();
        } catch (RuntimeException e) {
            throw new IcaoException(IcaoErrorCode.SOD_MESSAGE_DIGEST_MISMATCH, "not an OCTET STRING", e);
        }
        byte[] actual = Algorithms.hash(ctx.signerDigest, ctx.sod.eContent().orElseThrow());
        if (!MessageDigest.isEqual(claimed, actual)) {
            throw new IcaoException(IcaoErrorCode.SOD_MESSAGE_DIGEST_MISMATCH);
        }
        return CheckOutcome.PASSED;
    }

    private static Attribute attribute(SignerInfo si, ASN1ObjectIdentifier type) {
        for (ASN1Encodable e : si.getAuthenticatedAttributes()) {
            Attribute a = Attribute.getInstance(e);
            if (a.getAttrType().equals(type)) {
                return a;
            }
        }
        return null;
    }
}
