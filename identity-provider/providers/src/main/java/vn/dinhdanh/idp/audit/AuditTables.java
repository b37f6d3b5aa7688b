package vn.dinhdanh.idp.audit;

/** The audit trail's tables in Keycloak's database (made by {@code META-INF/dinhdanh-audit-changelog.xml}). */
public final class AuditTables {

    public static final String RECORDS = "DINHDANH_AUDIT_RECORD";
    public static final String HEAD = "DINHDANH_AUDIT_HEAD";
    /** The one row of the head table: the last record's position and hash, locked by each append. */
    public static final String HEAD_ID = "chain";

    private AuditTables() {
    }
}
