package vn.dinhdanh.idp.consent;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;
import vn.dinhdanh.idp.registry.RealmResources;

/** Mounts {@link ConsentResource} at {@code /realms/{realm}/dinhdanh-consents}. */
public final class ConsentResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String ID = "dinhdanh-consents";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return RealmResources.of(new ConsentResource(session));
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
