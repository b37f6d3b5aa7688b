package vn.dinhdanh.icao.lds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.cert.X509CertificateHolder;
import vn.dinhdanh.icao.IcaoErrorCode;
import vn.dinhdanh.icao.IcaoException;

/**
 * A parsed EF.SOD: tag 0x77 around a CMS ContentInfo holding SignedData. Parsing checks
 * structure only; the semantic checks (versions, content types, attributes, signature) are
 * done by the Passive Authentication validators so that each gets its own error code.
 */
public final class EfSod {
    public static final int TAG = 0x77;

    private final byte[] encoded;
    private final ASN1ObjectIdentifier contentType;
    private final SignedData signedData;
    private final int signedDataVersion;
    private final List<AlgorithmIdentifier> digestAlgorithms;
    private final ASN1ObjectIdentifier eContentType;
    private final byte[] eContent;
    private final List<byte[]> certificates;
    private final List<SignerInfo> signerInfos;

    private EfSod(byte[] encoded, ASN1ObjectIdentifier contentType, SignedData signedData, int signedDataVersion,
                  List<AlgorithmIdentifier> digestAlgorithms, ASN1ObjectIdentifier eContentType, byte[] eContent,
                  List<byte[]> certificates, List<SignerInfo> signerInfos) {
        this.encoded = encoded;
        this.contentType = contentType;
        this.signedData = signedData;
        this.signedDataVersion = signedDataVersion;
        this.digestAlgorithms = digestAlgorithms;
        this.eContentType = eContentType;
        this.eContent = eContent;
        this.certificates = certificates;
        this.signerInfos = signerInfos;
    }

    public static EfSod parse(byte[] bytes) throws IcaoException {
        return parse(bytes, Limits.DEFAULT);
    }

    public static EfSod parse(byte[] bytes, Limits limits) throws IcaoException {
        if (bytes == null || bytes.length == 0) {
            throw new IcaoException(IcaoErrorCode.SOD_MISSING);
        }
        if ((bytes[0] & 0xFF) != TAG) {
            throw new IcaoException(IcaoErrorCode.SOD_WRONG_TAG);
        }
        ASN1Primitive root = Der.decode(bytes, limits.maxSodBytes(), limits, IcaoErrorCode.SOD_MALFORMED, true);
        try {
            ASN1TaggedObject wrapper = ASN1TaggedObject.getInstance(root, BERTags.APPLICATION, 23);
            ASN1Sequence inner = ASN1Sequence.getInstance(wrapper.getBaseUniversal(false, BERTags.SEQUENCE));
            if (inner.size() != 1) {
                throw new IcaoException(IcaoErrorCode.SOD_MALFORMED, "wrapper must hold one ContentInfo");
            }
            ASN1Sequence ciSeq = ASN1Sequence.getInstance(inner.getObjectAt(0));
            if (ciSeq.size() != 2) {
                throw new IcaoException(IcaoErrorCode.SOD_MALFORMED, "ContentInfo must have content");
            }
            ContentInfo ci = ContentInfo.getInstance(ciSeq);
            ASN1ObjectIdentifier ct = ci.getContentType();
            if (!CMSObjectIdentifiers.signedData.equals(ct)) {
                throw new IcaoException(IcaoErrorCode.SOD_NOT_SIGNED_DATA);
            }
            SignedData sd = SignedData.getInstance(ci.getContent());
            int version = sd.getVersion().intValueExact();
            List<AlgorithmIdentifier> digests = new ArrayList<>();
            for (ASN1Encodable e : sd.getDigestAlgorithms()) {
                digests.add(AlgorithmIdentifier.getInstance(e));
            }
            ContentInfo encap = sd.getEncapContentInfo();
            ASN1ObjectIdentifier ect = encap.getContentType();
            byte[] econtent = null;
            if (encap.getContent() != null) {
                econtent = ASN1OctetString.getInstance(encap.getContent()).getOctets();
            }
            List<byte[]> certs = new ArrayList<>();
            ASN1Set certSet = sd.getCertificates();
            if (certSet != null) {
                if (certSet.size() > limits.maxCertificates()) {
                    throw new IcaoException(IcaoErrorCode.SOD_TOO_MANY_CERTIFICATES);
                }
                for (ASN1Encodable e : certSet) {
                    ASN1Primitive p = e.toASN1Primitive();
                    if (!(p instanceof ASN1Sequence)) {
                        throw new IcaoException(IcaoErrorCode.DS_CERTIFICATE_MALFORMED, "not an X.509 certificate choice");
                    }
                    // a lazily decoded sequence re-emits its original bytes without decoding them
                    certs.add(p.getEncoded());
                }
            }
            List<SignerInfo> signers = new ArrayList<>();
            for (ASN1Encodable e : sd.getSignerInfos()) {
                // decoded eagerly (from its original bytes) so that no lazily decoded part of a
                // SignerInfo can fail later inside a validator
                signers.add(SignerInfo.getInstance(ASN1Primitive.fromByteArray(e.toASN1Primitive().getEncoded())));
            }
            return new EfSod(bytes.clone(), ct, sd, version, List.copyOf(digests), ect, econtent,
                    List.copyOf(certs), List.copyOf(signers));
        } catch (IcaoException e) {
            throw e;
        } catch (RuntimeException | java.io.IOException e) {
            throw new IcaoException(IcaoErrorCode.SOD_MALFORMED, "bad CMS structure: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Decodes one certificate (DER) with every field the verifier reads checked. */
    public static X509CertificateHolder certificate(byte[] der, Limits limits) throws IcaoException {
        ASN1Primitive p = Der.decode(der, limits.maxSodBytes(), limits, IcaoErrorCode.DS_CERTIFICATE_MALFORMED);
        try {
            return Certificates.checked(new X509CertificateHolder(Certificate.getInstance(p)), IcaoErrorCode.DS_CERTIFICATE_MALFORMED);
        } catch (RuntimeException ex) {
            throw new IcaoException(IcaoErrorCode.DS_CERTIFICATE_MALFORMED, ex.getClass().getSimpleName(), ex);
        }
    }

    public byte[] encoded() {
        return encoded.clone();
    }

    public ASN1ObjectIdentifier contentType() {
        return contentType;
    }

    public SignedData signedData() {
        return signedData;
    }

    public int signedDataVersion() {
        return signedDataVersion;
    }

    public List<AlgorithmIdentifier> digestAlgorithms() {
        return digestAlgorithms;
    }

    public ASN1ObjectIdentifier eContentType() {
        return eContentType;
    }

    public Optional<byte[]> eContent() {
        return Optional.ofNullable(eContent).map(byte[]::clone);
    }

    /** eContent without copying, for internal hashing. */
    byte[] eContentUnsafe() {
        return eContent;
    }

    /** DER encodings of the certificates in SignedData (unparsed; do not modify). */
    public List<byte[]> certificateEncodings() {
        return certificates;
    }

    /** The certificates, decoded. */
    public List<X509CertificateHolder> certificates() throws IcaoException {
        List<X509CertificateHolder> out = new ArrayList<>(certificates.size());
        for (byte[] c : certificates) {
            out.add(certificate(c, Limits.DEFAULT));
        }
        return Collections.unmodifiableList(out);
    }

    public List<SignerInfo> signerInfos() {
        return signerInfos;
    }

    @Override
    public String toString() {
        return "EfSod[" + encoded.length + " bytes, " + certificates.size() + " certs, "
                + signerInfos.size() + " signers, eContentType=" + eContentType + ", sha=" + Arrays.hashCode(encoded) + "]";
    }
}
