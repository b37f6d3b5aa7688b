package vn.dinhdanh.idp.registry;

import java.util.function.Function;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

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

    /**
     * The factory of a realm resource at {@code /realms/{realm}/<id>}: one resource object per request. A subclass
     * that takes options overrides {@link #init}.
     */
    public abstract static class Factory implements RealmResourceProviderFactory {

        private final String id;
        private final Function<KeycloakSession, Object> resource;

        protected Factory(String id, Function<KeycloakSession, Object> resource) {
            this.id = id;
            this.resource = resource;
        }

        @Override
        public final RealmResourceProvider create(KeycloakSession session) {
            return of(resource.apply(session));
        }

        @Override
        public void init(Config.Scope config) {
        }

        @Override
        public final void postInit(KeycloakSessionFactory factory) {
        }

        @Override
        public final void close() {
        }

        @Override
        public final String getId() {
            return id;
        }
    }
}
