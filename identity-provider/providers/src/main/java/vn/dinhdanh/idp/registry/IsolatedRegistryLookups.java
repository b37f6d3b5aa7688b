package vn.dinhdanh.idp.registry;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import vn.dinhdanh.registry.Citizen;
import vn.dinhdanh.registry.IdentityCard;
import vn.dinhdanh.registry.PersonalIdNumber;
import vn.dinhdanh.registry.PopulationRegistry;

/**
 * The registry's lookups, each in a transaction of its own (Keycloak's {@code runJobInTransaction}: the request's
 * transaction is suspended meanwhile) on the read-only persistence unit. A lookup that fails or times out thus rolls
 * back only itself: the login's own transaction (events, brute-force counts, the authentication session) goes on and
 * shows the "registry unavailable" page, and the registry never takes part in a two-phase commit with Keycloak's
 * database.
 */
final class IsolatedRegistryLookups implements PopulationRegistry {

    private final KeycloakSessionFactory factory;
    private final Function<KeycloakSession, PopulationRegistry> registryOf;

    IsolatedRegistryLookups(KeycloakSessionFactory factory, Function<KeycloakSession, PopulationRegistry> registryOf) {
        this.factory = factory;
        this.registryOf = registryOf;
    }

    private <T> T lookUp(Function<PopulationRegistry, T> lookup) {
        return KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> lookup.apply(registryOf.apply(session)));
    }

    @Override
    public Optional<Citizen> findCitizen(PersonalIdNumber pin) {
        return lookUp(r -> r.findCitizen(pin));
    }

    @Override
    public Optional<IdentityCard> currentCard(PersonalIdNumber pin) {
        return lookUp(r -> r.currentCard(pin));
    }

    @Override
    public List<IdentityCard> cards(PersonalIdNumber pin) {
        return lookUp(r -> r.cards(pin));
    }

    @Override
    public Optional<CitizenAndCards> findCitizenAndCards(PersonalIdNumber pin) {
        return lookUp(r -> r.findCitizenAndCards(pin));
    }

    @Override
    public long countCitizens() {
        return lookUp(PopulationRegistry::countCitizens);
    }
}
