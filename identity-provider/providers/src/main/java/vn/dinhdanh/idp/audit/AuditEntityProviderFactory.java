package vn.dinhdanh.idp.audit;

import java.util.List;
import vn.dinhdanh.idp.storage.KeycloakDatabaseTables;

/** The audit trail's tables in Keycloak's own database. */
public final class AuditEntityProviderFactory extends KeycloakDatabaseTables {

    public static final String ID = "dinhdanh-audit";

    public AuditEntityProviderFactory() {
        super(ID, "META-INF/dinhdanh-audit-changelog.xml", List.of(AuditRecordEntity.class, AuditHeadEntity.class));
    }
}
