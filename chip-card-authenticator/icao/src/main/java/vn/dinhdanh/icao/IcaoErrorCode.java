package vn.dinhdanh.icao;

/**
 * Stable, machine-readable failure codes. Each failure reason has exactly one code; the
 * names are part of the public contract (shown to administrators and relying parties) and
 * never change meaning. Descriptions never contain personal data.
 */
public enum IcaoErrorCode {
    // ---- generic input limits
    INPUT_EMPTY("Input is empty"),
    INPUT_TOO_LARGE("Input exceeds the configured size limit"),
    INPUT_NESTING_TOO_DEEP("ASN.1 nesting exceeds the limit"),
    INPUT_LENGTH_INVALID("An ASN.1 length field is invalid or exceeds the available data"),
    INPUT_TAG_INVALID("An ASN.1 tag is invalid"),
    INPUT_TRAILING_DATA("Data after the end of the outermost object"),
    INPUT_TOO_MANY_ELEMENTS("Too many ASN.1 elements"),

    // ---- EF.SOD structure (LDS_H)
    SOD_MISSING("EF.SOD was not presented"),
    SOD_WRONG_TAG("EF.SOD does not start with tag 0x77"),
    SOD_MALFORMED("EF.SOD is not well-formed"),
    SOD_NOT_SIGNED_DATA("EF.SOD ContentInfo is not id-signedData"),
    SOD_SIGNED_DATA_VERSION("SignedData version is not 3"),
    SOD_NO_DIGEST_ALGORITHMS("SignedData digestAlgorithms is empty"),
    SOD_ECONTENT_TYPE("eContentType is not id-icao-ldsSecurityObject"),
    SOD_ECONTENT_MISSING("eContent is absent"),
    SOD_NO_DS_CERTIFICATE("No Document Signer certificate in EF.SOD"),
    SOD_TOO_MANY_CERTIFICATES("Too many certificates in EF.SOD"),
    SOD_SIGNER_COUNT("EF.SOD does not contain exactly one SignerInfo"),
    SOD_SIGNER_INFO_VERSION("SignerInfo version does not match its signer identifier"),
    SOD_SIGNED_ATTRS_MISSING("SignerInfo has no signed attributes"),
    SOD_SIGNED_ATTR_DUPLICATE("A signed attribute is present more than once or has several values"),
    SOD_CONTENT_TYPE_ATTR_MISSING("Signed attribute content-type is missing"),
    SOD_CONTENT_TYPE_ATTR_MISMATCH("Signed attribute content-type differs from eContentType"),
    SOD_MESSAGE_DIGEST_ATTR_MISSING("Signed attribute message-digest is missing"),
    SOD_MESSAGE_DIGEST_MISMATCH("Signed attribute message-digest differs from the eContent hash"),
    SOD_DIGEST_ALGORITHM_UNDECLARED("SignerInfo digest algorithm not listed in SignedData digestAlgorithms"),
    SOD_DIGEST_ALGORITHM_MISMATCH("SignerInfo digest algorithm differs from the LDSSecurityObject hash algorithm"),
    SOD_DIGEST_ALGORITHM_UNSUPPORTED("Digest algorithm is not supported"),
    SOD_WEAK_DIGEST_ALGORITHM("Digest algorithm is too weak (MD5, or SHA-1 when not allowed)"),
    SOD_SIGNATURE_ALGORITHM_UNSUPPORTED("SignerInfo signature algorithm is not supported"),
    SOD_WEAK_SIGNATURE_ALGORITHM("SignerInfo signature algorithm is too weak"),
    SOD_PSS_PARAMETERS_INVALID("RSASSA-PSS parameters are invalid"),
    SOD_SIGNATURE_KEY_MISMATCH("Signature algorithm does not fit the Document Signer key type"),
    SOD_SIGNER_ID_MISMATCH("Signer identifier matches no certificate in EF.SOD"),
    SOD_SIGNATURE_INVALID("EF.SOD signature does not verify"),
    LDS_SECURITY_OBJECT_MALFORMED("LDSSecurityObject is not well-formed"),
    LDS_VERSION_UNSUPPORTED("LDSSecurityObject version is not supported"),
    LDS_DG_HASH_DUPLICATE("LDSSecurityObject lists a data group twice"),
    LDS_DG_NUMBER_INVALID("LDSSecurityObject lists an invalid data group number"),
    LDS_DG_HASH_LENGTH("A data group hash has the wrong length for the hash algorithm"),

    // ---- Document Signer and CSCA
    DS_CERTIFICATE_MALFORMED("Document Signer certificate is not well-formed"),
    DS_NOT_YET_VALID("Document Signer certificate is not yet valid"),
    DS_EXPIRED("Document Signer certificate has expired"),
    DS_KEY_USAGE("Document Signer certificate lacks digitalSignature key usage"),
    DS_IS_CA("Document Signer certificate is a CA certificate"),
    DS_WEAK_KEY("Document Signer key is too weak"),
    DS_WEAK_SIGNATURE_ALGORITHM("Document Signer certificate is signed with a weak algorithm"),
    CSCA_UNKNOWN("No trusted CSCA matches the Document Signer issuer"),
    DS_AKI_MISMATCH("Document Signer authority key identifier matches no trusted CSCA"),
    DS_CHAIN_SIGNATURE_INVALID("Document Signer certificate signature does not verify with the CSCA"),
    CSCA_NOT_YET_VALID("CSCA certificate is not yet valid"),
    CSCA_EXPIRED("CSCA certificate has expired"),
    CSCA_NOT_CA("CSCA certificate is not a CA"),
    CSCA_KEY_USAGE("CSCA certificate lacks keyCertSign key usage"),
    CSCA_WEAK_KEY("CSCA key is too weak"),
    CSCA_WEAK_SIGNATURE_ALGORITHM("CSCA (or link) certificate is signed with a weak algorithm"),
    CRL_MISSING("No CRL of the CSCA is available"),
    CRL_SIGNATURE_INVALID("CRL is not signed by the CSCA"),
    CRL_STALE("CRL is past its nextUpdate (or has none)"),
    DS_REVOKED("Document Signer certificate is revoked"),

    // ---- data groups
    DG_NUMBER_INVALID("A presented data group number is not 1..16"),
    DG_TOO_LARGE("A data group exceeds the size limit"),
    DG_NOT_IN_SOD("A presented data group has no hash in EF.SOD"),
    DG1_HASH_MISMATCH("DG1 hash differs from EF.SOD"),
    DG13_HASH_MISMATCH("DG13 hash differs from EF.SOD"),
    DG14_HASH_MISMATCH("DG14 hash differs from EF.SOD"),
    DG15_HASH_MISMATCH("DG15 hash differs from EF.SOD"),
    DG_HASH_MISMATCH("A data group hash differs from EF.SOD"),
    REQUIRED_DG_MISSING("Neither DG1 nor DG13 was presented"),
    COM_WRONG_TAG("EF.COM does not start with tag 0x60"),
    COM_MALFORMED("EF.COM is not well-formed"),
    COM_SOD_MISMATCH("EF.COM lists data groups that EF.SOD does not"),
    DG1_WRONG_TAG("DG1 does not start with tag 0x61"),
    DG1_MALFORMED("DG1 is not well-formed"),
    DG1_MRZ_LENGTH("DG1 MRZ is not a 90-character TD1 MRZ"),
    DG1_MRZ_FORMAT("DG1 MRZ contains invalid characters or fields"),
    DG1_CHECK_DIGIT_DOCUMENT_NUMBER("DG1 document number check digit is wrong"),
    DG1_CHECK_DIGIT_BIRTH_DATE("DG1 date of birth check digit is wrong"),
    DG1_CHECK_DIGIT_EXPIRY("DG1 date of expiry check digit is wrong"),
    DG1_CHECK_DIGIT_COMPOSITE("DG1 composite check digit is wrong"),
    DG1_ISSUER_UNEXPECTED("DG1 issuing state is not the expected one"),
    DG13_WRONG_TAG("DG13 does not start with tag 0x6D"),
    DG13_MALFORMED("DG13 is not well-formed"),
    DG13_ID_NUMBER_MISSING("DG13 has no ID number (field 1)"),
    CITIZEN_ID_NUMBER_INVALID("ID number is not 12 digits consistent with date of birth and sex"),
    CITIZEN_ID_MISMATCH("DG13 ID number differs from DG1"),
    CITIZEN_DOCUMENT_NUMBER_MISMATCH("DG1 document number does not belong to the DG13 ID number"),
    CITIZEN_BIRTH_DATE_MISMATCH("DG13 date of birth differs from DG1"),
    CITIZEN_SEX_MISMATCH("DG13 sex differs from DG1"),
    DOCUMENT_EXPIRED("The card has expired"),
    DG14_WRONG_TAG("DG14 does not start with tag 0x6E"),
    DG14_MALFORMED("DG14 is not well-formed"),
    DG14_AA_INFO_DUPLICATE("DG14 has more than one ActiveAuthenticationInfo"),
    DG14_AA_INFO_VERSION("DG14 ActiveAuthenticationInfo version is not 1"),
    DG15_WRONG_TAG("DG15 does not start with tag 0x6F"),
    DG15_MALFORMED("DG15 is not a well-formed SubjectPublicKeyInfo"),
    DG15_KEY_UNSUPPORTED("DG15 key type or parameters are not supported"),

    // ---- Active Authentication
    AA_SIGNATURE_MISSING("Active Authentication signature or challenge was not presented"),
    AA_CHALLENGE_INVALID("Active Authentication challenge is not 8 bytes"),
    AA_DG15_MISSING("Active Authentication needs DG15"),
    AA_DG15_NOT_VALIDATED("DG15 was not validated by Passive Authentication"),
    AA_ALGORITHM_MISSING("EC Active Authentication needs an ActiveAuthenticationInfo in DG14"),
    AA_ALGORITHM_UNSUPPORTED("Active Authentication signature algorithm is not supported"),
    AA_SIGNATURE_TRUNCATED("Active Authentication signature has the wrong length"),
    AA_WRONG_KEY("Active Authentication signature does not open with the DG15 key"),
    AA_WRONG_TRAILER("ISO/IEC 9796-2 trailer is wrong or names an unsupported hash"),
    AA_WRONG_CHALLENGE("Active Authentication signature does not bind the challenge"),
    AA_SIGNATURE_INVALID("ECDSA Active Authentication signature does not verify (wrong key or wrong challenge)"),

    // ---- trust store
    TRUST_STORE_IO("Trust store files could not be read"),
    TRUST_STORE_EMPTY("Trust store holds no usable CSCA"),
    TRUST_CERTIFICATE_MALFORMED("A trust store certificate is not well-formed"),
    TRUST_LINK_CERTIFICATE_UNVERIFIED("A link certificate does not chain to a trusted CSCA"),
    CRL_MALFORMED("A CRL file is not well-formed"),
    MASTER_LIST_MALFORMED("A master list is not well-formed"),
    MASTER_LIST_SIGNATURE_INVALID("A master list signature does not verify"),
    MASTER_LIST_SIGNER_UNTRUSTED("A master list signer does not chain to a configured CSCA"),
    TRUST_ANCHOR_REFUSED("A CSCA this server must never trust (a demo or test CSCA) was left out"),

    CHECK_NOT_MADE("A check this policy requires could not be made"),

    INTERNAL_ERROR("Unexpected internal error");

    private final String description;

    IcaoErrorCode(String description) {
        this.description = description;
    }

    /** Human-readable, non-personal description. */
    public String description() {
        return description;
    }
}
