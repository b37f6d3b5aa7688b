package vn.dinhdanh.idp.registry;

import org.keycloak.services.resource.RealmResourceProvider;

/** Mounts a JAX-RS resource object as a Keycloak realm resource. */
public final class RealmResources {

    private RealmResources() {
    }

    public static RealmResourceProvider of(Object resource) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return resource;
            }

            @Override
            public void close() {
            }
        };
    }
}
