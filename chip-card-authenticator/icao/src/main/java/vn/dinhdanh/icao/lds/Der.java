package vn.dinhdanh.icao.lds;

import java.io.IOException;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import vn.dinhdanh.icao.IcaoErrorCode;
import vn.dinhdanh.icao.IcaoException;

/**
 * Bounded entry point to Bouncy Castle's ASN.1 decoder. Before Bouncy Castle sees the
 * bytes, a non-allocating structural scan checks every tag and length against the input
 * size, the nesting depth and the element count, so that a forged 2 GB length or a deeply
 * nested blob is refused without allocation or deep recursion. Any exception Bouncy Castle
 * raises afterwards is mapped to the caller's error code.
 */
public final class Der {
    private Der() {
    }

    /** Decodes exactly one ASN.1 object spanning all of {@code in}. */
    public static ASN1Primitive decode(byte[] in, int maxBytes, Limits limits, IcaoErrorCode malformed)
            throws IcaoException {
        return decode(in, maxBytes, limits, malformed, false);
    }

    /**
     * As {@link #decode(byte[], int, Limits, IcaoErrorCode)}; with {@code lazy} Bouncy Castle
     * defers decoding nested sequences until they are read (used for EF.SOD, whose embedded
     * certificates are then handled as raw encodings and decoded once per trust snapshot).
     * The structural scan has already validated every tag and length, so a lazily decoded
     * part can only fail on its content, which callers catch.
     */
    public static ASN1Primitive decode(byte[] in, int maxBytes, Limits limits, IcaoErrorCode malformed, boolean lazy)
            throws IcaoException {
        if (in == null || in.length == 0) {
            throw new IcaoException(IcaoErrorCode.INPUT_EMPTY);
        }
        if (in.length > maxBytes) {
            throw new IcaoException(IcaoErrorCode.INPUT_TOO_LARGE, "input of " + in.length + " bytes exceeds " + maxBytes);
        }
        scan(in, limits);
        try (ASN1InputStream ais = new ASN1InputStream(in, lazy)) {
            ASN1Primitive p = ais.readObject();
            if (p == null) {
                throw new IcaoException(malformed, "no object");
            }
            return p;
        } catch (IOException | RuntimeException e) {
            throw new IcaoException(malformed, "undecodable: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Structural scan: one top-level TLV spanning the whole input. */
    public static void scan(byte[] in, Limits limits) throws IcaoException {
        int[] elements = {0};
        int end = scanOne(in, 0, in.length, 0, limits, elements, false);
        if (end != in.length) {
            throw new IcaoException(IcaoErrorCode.INPUT_TRAILING_DATA, (in.length - end) + " trailing bytes");
        }
    }

    /** Returns the offset after the TLV at {@code pos}. */
    private static int scanOne(byte[] in, int pos, int end, int depth, Limits limits, int[] elements,
                               boolean inIndefinite) throws IcaoException {
        if (depth > limits.maxDepth()) {
            throw new IcaoException(IcaoErrorCode.INPUT_NESTING_TOO_DEEP, "depth > " + limits.maxDepth());
        }
        if (++elements[0] > limits.maxElements()) {
            throw new IcaoException(IcaoErrorCode.INPUT_TOO_MANY_ELEMENTS, "more than " + limits.maxElements());
        }
        if (pos >= end) {
            throw new IcaoException(IcaoErrorCode.INPUT_LENGTH_INVALID, "truncated before tag");
        }
        int first = in[pos++] & 0xFF;
        boolean constructed = (first & 0x20) != 0;
        if ((first & 0x1F) == 0x1F) {
            int n = 0;
            int b;
            do {
                if (pos >= end || ++n > 4) {
                    throw new IcaoException(IcaoErrorCode.INPUT_TAG_INVALID, "bad high tag number");
                }
                b = in[pos++] & 0xFF;
                if (n == 1 && b == 0x80) {
                    throw new IcaoException(IcaoErrorCode.INPUT_TAG_INVALID, "non-minimal tag");
                }
            } while ((b & 0x80) != 0);
        } else if (first == 0 && !inIndefinite) {
            throw new IcaoException(IcaoErrorCode.INPUT_TAG_INVALID, "unexpected end-of-contents");
        }
        if (pos >= end) {
            throw new IcaoException(IcaoErrorCode.INPUT_LENGTH_INVALID, "truncated before length");
        }
        int lb = in[pos++] & 0xFF;
        if (lb == 0x80) {
            if (!constructed) {
                throw new IcaoException(IcaoErrorCode.INPUT_LENGTH_INVALID, "indefinite primitive");
            }
            // indefinite length: children until 00 00
            while (true) {
                if (pos + 1 >= end) {
                    throw new IcaoException(IcaoErrorCode.INPUT_LENGTH_INVALID, "missing end-of-contents");
                }
                if (in[pos] == 0 && in[pos + 1] == 0) {
                    return pos + 2;
                }
                pos = scanOne(in, pos, end, depth + 1, limits, elements, true);
            }
        }
        long len;
        if (lb < 0x80) {
            len = lb;
        } else {
            int n = lb & 0x7F;
            if (n > 4 || lb == 0xFF) {
                throw new IcaoException(IcaoErrorCode.INPUT_LENGTH_INVALID, "length field too long");
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                if (pos >= end) {
                    throw new IcaoException(IcaoErrorCode.INPUT_LENGTH_INVALID, "truncated length");
                }
                len = (len << 8) | (in[pos++] & 0xFF);
            }
        }
        if (len > end - pos) {
            throw new IcaoException(IcaoErrorCode.INPUT_LENGTH_INVALID, "length " + len + " exceeds available " + (end - pos));
        }
        int contentEnd = pos + (int) len;
        if (constructed) {
            while (pos < contentEnd) {
                pos = scanOne(in, pos, contentEnd, depth + 1, limits, elements, false);
            }
        }
        return contentEnd;
    }
}
