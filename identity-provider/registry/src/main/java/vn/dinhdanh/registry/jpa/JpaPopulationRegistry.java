package vn.dinhdanh.registry.jpa;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import vn.dinhdanh.registry.Citizen;
import vn.dinhdanh.registry.IdentityCard;
import vn.dinhdanh.registry.PersonalIdNumber;
import vn.dinhdanh.registry.PopulationRegistry;
import vn.dinhdanh.registry.RegistryUnavailableException;

/**
 * {@link PopulationRegistry} on the {@code population-registry} persistence unit. It never begins or commits
 * transactions: inside Keycloak the EntityManager is JTA-managed by the container; offline the caller owns the
 * RESOURCE_LOCAL transaction (reads need none).
 *
 * <p>Every lookup is a query with a statement timeout (JDBC's query timeout, in whole seconds: the driver cancels a
 * statement that runs longer, e.g. one waiting for a lock). A database that does not answer in time, refuses the
 * connection or fails the statement raises {@link RegistryUnavailableException}, never "unknown citizen"; its message
 * names the kind of failure only, never the number.
 */
public class JpaPopulationRegistry implements PopulationRegistry {

    /** JPA's standard query-timeout hint, in milliseconds (Hibernate rounds it to whole seconds for JDBC). */
    static final String QUERY_TIMEOUT_HINT = "jakarta.persistence.query.timeout";

    private final EntityManager em;
    private final Duration statementTimeout;

    /** Lookups without a statement timeout (offline tools and tests). */
    public JpaPopulationRegistry(EntityManager em) {
        this(em, Duration.ZERO);
    }

    /**
     * @param statementTimeout the longest a lookup statement may run; {@link Duration#ZERO} for none. Below one second
     *        it is one second (JDBC's query timeout counts whole seconds).
     */
    public JpaPopulationRegistry(EntityManager em, Duration statementTimeout) {
        this.em = Objects.requireNonNull(em, "em");
        this.statementTimeout = Objects.requireNonNull(statementTimeout, "statementTimeout");
        if (statementTimeout.isNegative()) {
            throw new IllegalArgumentException("statementTimeout is negative");
        }
    }

    @Override
    public Optional<Citizen> findCitizen(PersonalIdNumber pin) {
        Objects.requireNonNull(pin, "pin");
        return answered(() -> timed(em.createQuery("select c from CitizenEntity c where c.personalIdNumber = :pin",
                CitizenEntity.class).setParameter("pin", pin.value()))
                .getResultStream().findFirst().map(EntityMapping::toCitizen));
    }

    @Override
    public Optional<IdentityCard> currentCard(PersonalIdNumber pin) {
        Objects.requireNonNull(pin, "pin");
        return cardQuery(pin, 1).stream().findFirst();
    }

    @Override
    public List<IdentityCard> cards(PersonalIdNumber pin) {
        Objects.requireNonNull(pin, "pin");
        return cardQuery(pin, Integer.MAX_VALUE);
    }

    private List<IdentityCard> cardQuery(PersonalIdNumber pin, int max) {
        return answered(() -> timed(em.createQuery("select c from IdentityCardEntity c where c.personalIdNumber = :pin "
                + "order by c.issueDate desc, c.cardNumber desc", IdentityCardEntity.class)
                .setParameter("pin", pin.value())
                .setMaxResults(max))
                .getResultList().stream().map(EntityMapping::toCard).toList());
    }

    @Override
    public long countCitizens() {
        return answered(() -> timed(em.createQuery("select count(c) from CitizenEntity c", Long.class)).getSingleResult());
    }

    private <T> TypedQuery<T> timed(TypedQuery<T> query) {
        if (!statementTimeout.isZero()) {
            query.setHint(QUERY_TIMEOUT_HINT, (int) Math.min(Integer.MAX_VALUE, Math.max(1000, statementTimeout.toMillis())));
        }
        return query;
    }

    /** The answer, or the registry is unavailable: the database's own message stays out (it may quote a value). */
    private static <T> T answered(Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (PersistenceException e) {
            throw new RegistryUnavailableException("Registry database did not answer: " + e.getClass().getSimpleName(), e);
        }
    }
}
