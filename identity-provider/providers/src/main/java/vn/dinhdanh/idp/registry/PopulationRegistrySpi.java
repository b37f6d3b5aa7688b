package vn.dinhdanh.idp.registry;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** The SPI through which every dinhdanh provider reaches the population registry. */
public final class PopulationRegistrySpi implements Spi {

    public static final String NAME = "population-registry";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return PopulationRegistryProvider.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return PopulationRegistryProviderFactory.class;
    }
}
