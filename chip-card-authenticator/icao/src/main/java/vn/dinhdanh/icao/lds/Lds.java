package vn.dinhdanh.icao.lds;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;
import vn.dinhdanh.icao.IcaoErrorCode;
import vn.dinhdanh.icao.IcaoException;

/** Shared helpers for LDS elementary files wrapped in an APPLICATION tag. */
final class Lds {
    private Lds() {
    }

    /**
     * Checks the wrapper tag byte, decodes with limits, and returns the wrapper's content
     * as a sequence of its elements.
     */
    static ASN1Sequence unwrap(byte[] bytes, int tagByte, IcaoErrorCode wrongTag, IcaoErrorCode malformed,
                               Limits limits) throws IcaoException {
        if (bytes == null || bytes.length == 0) {
            throw new IcaoException(malformed, "empty");
        }
        if ((bytes[0] & 0xFF) != tagByte) {
            throw new IcaoException(wrongTag);
        }
        ASN1Primitive root = Der.decode(bytes, limits.maxDataGroupBytes(), limits, malformed, true);
        try {
            ASN1TaggedObject wrapper = ASN1TaggedObject.getInstance(root, BERTags.APPLICATION, tagByte & 0x1F);
            return ASN1Sequence.getInstance(wrapper.getBaseUniversal(false, BERTags.SEQUENCE));
        } catch (RuntimeException e) {
            throw new IcaoException(malformed, e.getClass().getSimpleName(), e);
        }
    }

    /** Content octets of a primitive APPLICATION-tagged element. */
    static byte[] applicationPrimitive(Object element, int tagNo, IcaoErrorCode malformed) throws IcaoException {
        try {
            ASN1TaggedObject t = ASN1TaggedObject.getInstance(element, BERTags.APPLICATION, tagNo);
            return org.bouncycastle.asn1.ASN1OctetString.getInstance(t.getBaseUniversal(false, BERTags.OCTET_STRING)).getOctets();
        } catch (RuntimeException e) {
            throw new IcaoException(malformed, "element is not [APPLICATION " + tagNo + "]", e);
        }
    }
}
