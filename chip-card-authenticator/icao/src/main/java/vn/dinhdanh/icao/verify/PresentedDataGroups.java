package vn.dinhdanh.icao.verify;

import java.security.MessageDigest;
import java.util.Map;
import vn.dinhdanh.icao.IcaoErrorCode;
import vn.dinhdanh.icao.IcaoException;
import vn.dinhdanh.icao.lds.Algorithms;

/**
 * The data groups the reader presented: DG_HASHES (each one is listed in the LDSSecurityObject
 * and hashes to the value there) and REQUIRED_DATA_GROUPS (DG1 or DG13 is among them, when
 * citizen data is required).
 */
final class PresentedDataGroups {
    private PresentedDataGroups() {
    }

    static CheckOutcome hashes(VerificationContext ctx) throws IcaoException {
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
        return CheckOutcome.PASSED;
    }

    static CheckOutcome required(VerificationContext ctx) throws IcaoException {
        if (!ctx.config.requireCitizenData()) {
            return CheckOutcome.NOT_APPLICABLE;
        }
        Map<Integer, byte[]> dgs = ctx.evidence.dataGroups();
        if (!dgs.containsKey(1) && !dgs.containsKey(13)) {
            throw new IcaoException(IcaoErrorCode.REQUIRED_DG_MISSING);
        }
        return CheckOutcome.PASSED;
    }
}
