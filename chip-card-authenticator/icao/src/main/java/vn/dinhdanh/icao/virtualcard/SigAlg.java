package vn.dinhdanh.icao.virtualcard;

/** Signature schemes the issuer can sign EF.SOD and certificates with. */
public enum SigAlg {
    RSA_PKCS1,
    RSA_PSS,
    ECDSA;

    /** JCA/BC name for certificate and CRL signing with the given digest (e.g. SHA-256). */
    public String jcaName(String digest) {
        String d = digest.replace("-", "");
        return switch (this) {
            case RSA_PKCS1 -> d + "withRSA";
            case RSA_PSS -> d + "withRSAandMGF1";
            case ECDSA -> d + "withECDSA";
        };
    }

    public static SigAlg defaultFor(KeySpec key) {
        return key.isRsa() ? RSA_PKCS1 : ECDSA;
    }
}
