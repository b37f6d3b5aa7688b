package vn.dinhdanh.icao.lds;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import vn.dinhdanh.icao.IcaoErrorCode;
import vn.dinhdanh.icao.IcaoException;

/** DG14: tag 0x6E around a SET OF SecurityInfo. */
public final class Dg14 {
    public static final int TAG = 0x6E;
    /** id-icao-mrtd-security-aaProtocolObject. */
    public static final ASN1ObjectIdentifier AA_PROTOCOL = new ASN1ObjectIdentifier("2.23.136.1.1.5");

    /** ActiveAuthenticationInfo. */
    public record AaInfo(int version, ASN1ObjectIdentifier signatureAlgorithm) {
    }

    private final List<ASN1ObjectIdentifier> protocols;
    private final AaInfo aaInfo;

    private Dg14(List<ASN1ObjectIdentifier> protocols, AaInfo aaInfo) {
        this.protocols = protocols;
        this.aaInfo = aaInfo;
    }

    public static Dg14 parse(byte[] dg14) throws IcaoException {
        return parse(dg14, Limits.DEFAULT);
    }

    public static Dg14 parse(byte[] dg14, Limits limits) throws IcaoException {
        ASN1Sequence content = Lds.unwrap(dg14, TAG, IcaoErrorCode.DG14_WRONG_TAG, IcaoErrorCode.DG14_MALFORMED, limits);
        try {
            if (content.size() != 1 || !(content.getObjectAt(0) instanceof ASN1Set set)) {
                throw new IcaoException(IcaoErrorCode.DG14_MALFORMED, "DG14 must hold one SET OF SecurityInfo");
            }
            List<ASN1ObjectIdentifier> protocols = new ArrayList<>();
            AaInfo aa = null;
            for (ASN1Encodable e : set) {
                ASN1Sequence info = ASN1Sequence.getInstance(e);
                if (info.size() < 2 || info.size() > 3) {
                    throw new IcaoException(IcaoErrorCode.DG14_MALFORMED, "SecurityInfo size");
                }
                ASN1ObjectIdentifier protocol = ASN1ObjectIdentifier.getInstance(info.getObjectAt(0));
                protocols.add(protocol);
                if (AA_PROTOCOL.equals(protocol)) {
                    if (aa != null) {
                        throw new IcaoException(IcaoErrorCode.DG14_AA_INFO_DUPLICATE);
                    }
                    int version = ASN1Integer.getInstance(info.getObjectAt(1)).intValueExact();
                    if (version != 1) {
                        throw new IcaoException(IcaoErrorCode.DG14_AA_INFO_VERSION, "version " + version);
                    }
                    if (info.size() != 3) {
                        throw new IcaoException(IcaoErrorCode.DG14_MALFORMED, "AA info without signature algorithm");
                    }
                    aa = new AaInfo(version, ASN1ObjectIdentifier.getInstance(info.getObjectAt(2)));
                }
            }
            if (protocols.isEmpty()) {
                throw new IcaoException(IcaoErrorCode.DG14_MALFORMED, "no SecurityInfo");
            }
            return new Dg14(List.copyOf(protocols), aa);
        } catch (IcaoException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IcaoException(IcaoErrorCode.DG14_MALFORMED, e.getClass().getSimpleName(), e);
        }
    }

    /** Protocol OIDs of all SecurityInfos (chip authentication, PACE, AA, ...). */
    public List<ASN1ObjectIdentifier> protocols() {
        return protocols;
    }

    public Optional<AaInfo> activeAuthenticationInfo() {
        return Optional.ofNullable(aaInfo);
    }
}
