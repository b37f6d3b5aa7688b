package vn.dinhdanh.icao.lds;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;
import vn.dinhdanh.icao.IcaoErrorCode;
import vn.dinhdanh.icao.IcaoException;

/** EF.COM: tag 0x60 with LDS version (5F01), Unicode version (5F36) and tag list (5C). */
public final class EfCom {
    public static final int TAG = 0x60;

    private final String ldsVersion;
    private final String unicodeVersion;
    private final List<Integer> dataGroups;

    private EfCom(String ldsVersion, String unicodeVersion, List<Integer> dataGroups) {
        this.ldsVersion = ldsVersion;
        this.unicodeVersion = unicodeVersion;
        this.dataGroups = dataGroups;
    }

    public static EfCom parse(byte[] bytes) throws IcaoException {
        return parse(bytes, Limits.DEFAULT);
    }

    public static EfCom parse(byte[] bytes, Limits limits) throws IcaoException {
        ASN1Sequence content = Lds.unwrap(bytes, TAG, IcaoErrorCode.COM_WRONG_TAG, IcaoErrorCode.COM_MALFORMED, limits);
        try {
            return parse(content);
        } catch (RuntimeException e) {
            throw new IcaoException(IcaoErrorCode.COM_MALFORMED, e.getClass().getSimpleName(), e);
        }
    }

    private static EfCom parse(ASN1Sequence content) throws IcaoException {
        String lds = null;
        String uni = null;
        List<Integer> dgs = null;
        for (ASN1Encodable e : content) {
            if (!(e instanceof ASN1TaggedObject t) || t.getTagClass() != BERTags.APPLICATION) {
                throw new IcaoException(IcaoErrorCode.COM_MALFORMED, "unexpected element");
            }
            switch (t.getTagNo()) {
                case 1 -> lds = ascii(Lds.applicationPrimitive(t, 1, IcaoErrorCode.COM_MALFORMED), 4);
                case 0x36 -> uni = ascii(Lds.applicationPrimitive(t, 0x36, IcaoErrorCode.COM_MALFORMED), 6);
                case 0x1C -> dgs = tagList(Lds.applicationPrimitive(t, 0x1C, IcaoErrorCode.COM_MALFORMED));
                default -> throw new IcaoException(IcaoErrorCode.COM_MALFORMED, "unknown element tag");
            }
        }
        if (lds == null || dgs == null) {
            throw new IcaoException(IcaoErrorCode.COM_MALFORMED, "LDS version or tag list missing");
        }
        return new EfCom(lds, uni, Collections.unmodifiableList(dgs));
    }

    private static String ascii(byte[] b, int len) throws IcaoException {
        if (b.length != len) {
            throw new IcaoException(IcaoErrorCode.COM_MALFORMED, "version length");
        }
        for (byte x : b) {
            if (x < '0' || x > '9') {
                throw new IcaoException(IcaoErrorCode.COM_MALFORMED, "version digits");
            }
        }
        return new String(b, StandardCharsets.US_ASCII);
    }

    private static List<Integer> tagList(byte[] tags) throws IcaoException {
        List<Integer> out = new ArrayList<>();
        for (byte t : tags) {
            int dg = DataGroups.numberOfTag(t & 0xFF);
            if (dg < 0) {
                throw new IcaoException(IcaoErrorCode.COM_MALFORMED, "unknown data group tag");
            }
            out.add(dg);
        }
        return out;
    }

    /** e.g. "0107" for LDS 1.7. */
    public String ldsVersion() {
        return ldsVersion;
    }

    public String unicodeVersion() {
        return unicodeVersion;
    }

    /** Data group numbers listed. */
    public List<Integer> dataGroups() {
        return dataGroups;
    }
}
