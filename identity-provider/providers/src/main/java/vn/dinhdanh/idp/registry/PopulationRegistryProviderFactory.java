package vn.dinhdanh.idp.registry;

import org.keycloak.provider.ProviderFactory;

public interface PopulationRegistryProviderFactory extends ProviderFactory<PopulationRegistryProvider> {
}
