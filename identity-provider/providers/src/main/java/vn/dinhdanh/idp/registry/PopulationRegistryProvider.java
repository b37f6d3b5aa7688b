package vn.dinhdanh.idp.registry;

import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.Provider;
import vn.dinhdanh.registry.PopulationRegistry;

/**
 * Keycloak's handle on the population registry for one request. Glue only: the registry itself
 * knows nothing of Keycloak.
 */
public interface PopulationRegistryProvider extends Provider {

    PopulationRegistry registry();

    /** The registry of the given request. */
    static PopulationRegistry of(KeycloakSession session) {
        return session.getProvider(PopulationRegistryProvider.class).registry();
    }

    @Override
    default void close() {
    }
}
