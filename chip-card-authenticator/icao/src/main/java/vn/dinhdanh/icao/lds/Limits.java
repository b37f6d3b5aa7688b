package vn.dinhdanh.icao.lds;

/**
 * Sanity limits enforced before any allocation that depends on input lengths.
 *
 * @param maxSodBytes largest accepted EF.SOD
 * @param maxDataGroupBytes largest accepted data group (DG2/DG3 images are the big ones)
 * @param maxDepth deepest accepted ASN.1 nesting
 * @param maxElements most ASN.1 elements accepted in one object
 * @param maxCertificates most certificates accepted in one EF.SOD
 * @param maxTrustFileBytes largest accepted trust store file (master lists can be large)
 */
public record Limits(int maxSodBytes, int maxDataGroupBytes, int maxDepth, int maxElements,
                     int maxCertificates, int maxTrustFileBytes) {

    public static final Limits DEFAULT = new Limits(64 * 1024, 512 * 1024, 24, 20_000, 8, 16 * 1024 * 1024);

    public Limits {
        if (maxSodBytes <= 0 || maxDataGroupBytes <= 0 || maxDepth <= 0 || maxElements <= 0
                || maxCertificates <= 0 || maxTrustFileBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
