package vn.dinhdanh.icao.verify;

/** Every check the verifier performs, in execution order. */
public enum Check {
    SOD_PARSED(true),
    SOD_SIGNED_DATA(true),
    SOD_ECONTENT_TYPE(true),
    LDS_SECURITY_OBJECT(true),
    SOD_SIGNER_INFO(true),
    SOD_ALGORITHMS(true),
    SOD_SIGNED_ATTRIBUTES(true),
    SOD_SIGNER_IDENTIFIER(true),
    SOD_SIGNATURE(true),
    DS_VALIDITY(true),
    DS_KEY_USAGE(true),
    DS_KEY_STRENGTH(true),
    DS_CHAIN(true),
    DS_REVOCATION(true),
    DG_HASHES(true),
    REQUIRED_DATA_GROUPS(true),
    EF_COM(false),
    DG1_MRZ(false),
    DG13_CITIZEN(false),
    CITIZEN_CONSISTENCY(false),
    DOCUMENT_EXPIRY(false),
    DG14_SECURITY_INFOS(false),
    DG15_AA_KEY(false),
    ACTIVE_AUTHENTICATION(false);

    private final boolean passive;

    Check(boolean passive) {
        this.passive = passive;
    }

    /** Whether this check is part of Passive Authentication proper. */
    public boolean isPassiveAuthentication() {
        return passive;
    }
}
