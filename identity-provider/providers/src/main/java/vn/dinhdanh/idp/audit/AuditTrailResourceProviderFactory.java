package vn.dinhdanh.idp.audit;

import vn.dinhdanh.idp.registry.RealmResources;

/** Mounts {@link AuditTrailResource} at {@code /realms/{realm}/dinhdanh-audit} (it answers in the master realm only). */
public final class AuditTrailResourceProviderFactory extends RealmResources.Factory {

    public static final String ID = "dinhdanh-audit";

    public AuditTrailResourceProviderFactory() {
        super(ID, AuditTrailResource::new);
    }
}
