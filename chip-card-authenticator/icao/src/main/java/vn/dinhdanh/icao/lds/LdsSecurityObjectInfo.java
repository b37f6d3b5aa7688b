package vn.dinhdanh.icao.lds;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.icao.DataGroupHash;
import org.bouncycastle.asn1.icao.LDSSecurityObject;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import vn.dinhdanh.icao.IcaoErrorCode;
import vn.dinhdanh.icao.IcaoException;

/** The LDSSecurityObject inside EF.SOD: hash algorithm and data group hashes. */
public final class LdsSecurityObjectInfo {
    private final int version;
    private final AlgorithmIdentifier hashAlgorithm;
    private final String digestName;
    private final Map<Integer, byte[]> hashes;

    private LdsSecurityObjectInfo(int version, AlgorithmIdentifier hashAlgorithm, String digestName, Map<Integer, byte[]> hashes) {
        this.version = version;
        this.hashAlgorithm = hashAlgorithm;
        this.digestName = digestName;
        this.hashes = hashes;
    }

    public static LdsSecurityObjectInfo parse(byte[] eContent, Limits limits) throws IcaoException {
        ASN1Primitive p = Der.decode(eContent, limits.maxSodBytes(), limits, IcaoErrorCode.LDS_SECURITY_OBJECT_MALFORMED, true);
        try {
            ASN1Sequence seq = ASN1Sequence.getInstance(p);
            if (seq.size() < 3 || seq.size() > 4) {
                throw new IcaoException(IcaoErrorCode.LDS_SECURITY_OBJECT_MALFORMED, "wrong element count");
            }
            int version = ASN1Integer.getInstance(seq.getObjectAt(0)).intValueExact();
            if (version != 0 && version != 1) {
                throw new IcaoException(IcaoErrorCode.LDS_VERSION_UNSUPPORTED, "version " + version);
            }
            if ((version == 1) != (seq.size() == 4)) {
                throw new IcaoException(IcaoErrorCode.LDS_VERSION_UNSUPPORTED, "ldsVersionInfo presence does not match version");
            }
            LDSSecurityObject lds = LDSSecurityObject.getInstance(seq);
            AlgorithmIdentifier alg = lds.getDigestAlgorithmIdentifier();
            Optional<String> name = Algorithms.digestName(alg.getAlgorithm());
            if (name.isEmpty()) {
                throw new IcaoException(IcaoErrorCode.SOD_DIGEST_ALGORITHM_UNSUPPORTED, "LDS hash " + alg.getAlgorithm());
            }
            int hashLen = Algorithms.digestLength(name.get());
            Map<Integer, byte[]> hashes = new TreeMap<>();
            for (DataGroupHash h : lds.getDatagroupHash()) {
                int n = h.getDataGroupNumber();
                if (n < 1 || n > 16) {
                    throw new IcaoException(IcaoErrorCode.LDS_DG_NUMBER_INVALID, "DG " + n);
                }
                byte[] v = h.getDataGroupHashValue().getOctets();
                if (v.length != hashLen) {
                    throw new IcaoException(IcaoErrorCode.LDS_DG_HASH_LENGTH, "DG " + n);
                }
                if (hashes.put(n, v) != null) {
                    throw new IcaoException(IcaoErrorCode.LDS_DG_HASH_DUPLICATE, "DG " + n);
                }
            }
            return new LdsSecurityObjectInfo(version, alg, name.get(), Collections.unmodifiableMap(hashes));
        } catch (IcaoException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IcaoException(IcaoErrorCode.LDS_SECURITY_OBJECT_MALFORMED, e.getClass().getSimpleName(), e);
        }
    }

    public int version() {
        return version;
    }

    public AlgorithmIdentifier hashAlgorithm() {
        return hashAlgorithm;
    }

    /** JCA digest name, e.g. SHA-256. */
    public String digestName() {
        return digestName;
    }

    /** Data group number to hash (do not modify the arrays). */
    public Map<Integer, byte[]> hashes() {
        return hashes;
    }
}
