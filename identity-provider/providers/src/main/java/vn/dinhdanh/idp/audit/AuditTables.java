package vn.dinhdanh.idp.audit;

/** The audit trail's tables in Keycloak's database (made by {@code META-INF/dinhdanh-audit-changelog.xml}). */
public final class AuditTables {

    public static final String RECORDS = "DINHDANH_AUDIT_RECORD";
    public static final String HEAD = "DINHDANH_AUDIT_HEAD";
    /** The first chain's head row (the only chain before there were sixteen): its last record's position and hash. */
    public static final String HEAD_ID = "chain";
    /**
     * The chains, each with its head row (made by the changelog): an append locks one of them, so appends from many
     * requests and nodes wait for each other only when they pick the same chain.
     */
    public static final java.util.List<String> CHAINS = java.util.stream.Stream.concat(java.util.stream.Stream.of(HEAD_ID),
            java.util.stream.IntStream.range(1, 16).mapToObj(i -> HEAD_ID + "-" + i)).toList();

    private AuditTables() {
    }
}
