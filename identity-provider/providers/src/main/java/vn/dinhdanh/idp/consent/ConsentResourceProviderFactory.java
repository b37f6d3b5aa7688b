package vn.dinhdanh.idp.consent;

import vn.dinhdanh.idp.registry.RealmResources;

/** Mounts {@link ConsentResource} at {@code /realms/{realm}/dinhdanh-consents}. */
public final class ConsentResourceProviderFactory extends RealmResources.Factory {

    public static final String ID = "dinhdanh-consents";

    public ConsentResourceProviderFactory() {
        super(ID, ConsentResource::new);
    }
}
