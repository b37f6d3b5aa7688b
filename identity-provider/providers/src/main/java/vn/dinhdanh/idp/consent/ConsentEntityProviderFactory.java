package vn.dinhdanh.idp.consent;

import java.util.List;
import vn.dinhdanh.idp.storage.KeycloakDatabaseTables;

/** The consent records' table in Keycloak's own database. */
public final class ConsentEntityProviderFactory extends KeycloakDatabaseTables {

    public static final String ID = "dinhdanh-consent";

    public ConsentEntityProviderFactory() {
        super(ID, "META-INF/dinhdanh-consent-changelog.xml", List.of(ConsentRecordEntity.class));
    }
}
