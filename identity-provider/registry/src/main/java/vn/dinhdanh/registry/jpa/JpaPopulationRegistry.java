package vn.dinhdanh.registry.jpa;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import vn.dinhdanh.registry.Citizen;
import vn.dinhdanh.registry.IdentityCard;
import vn.dinhdanh.registry.PersonalIdNumber;
import vn.dinhdanh.registry.PopulationRegistry;

/**
 * {@link PopulationRegistry} on the {@code population-registry} persistence unit. It never begins or commits
 * transactions: inside Keycloak the EntityManager is JTA-managed by the container; offline the caller owns the
 * RESOURCE_LOCAL transaction (reads need none).
 */
public class JpaPopulationRegistry implements PopulationRegistry {

    private final EntityManager em;

    public JpaPopulationRegistry(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    @Override
    public Optional<Citizen> findCitizen(PersonalIdNumber pin) {
        Objects.requireNonNull(pin, "pin");
        CitizenEntity e = em.find(CitizenEntity.class, pin.value());
        return e == null ? Optional.empty() : Optional.of(EntityMapping.toCitizen(e));
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
        return em.createQuery("select c from IdentityCardEntity c where c.personalIdNumber = :pin "
                + "order by c.issueDate desc, c.cardNumber desc", IdentityCardEntity.class)
                .setParameter("pin", pin.value())
                .setMaxResults(max)
                .getResultList().stream().map(EntityMapping::toCard).toList();
    }

    @Override
    public long countCitizens() {
        return em.createQuery("select count(c) from CitizenEntity c", Long.class).getSingleResult();
    }
}
