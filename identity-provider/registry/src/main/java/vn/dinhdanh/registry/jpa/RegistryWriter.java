package vn.dinhdanh.registry.jpa;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.persistence.EntityManager;
import vn.dinhdanh.registry.Citizen;
import vn.dinhdanh.registry.IdentityCard;
import vn.dinhdanh.registry.importer.CitizenRecord;

/**
 * Inserts or updates citizens and cards by primary key, so importing the same data twice updates instead of
 * duplicating. No transaction handling: the caller owns the transaction (JTA inside Keycloak, RESOURCE_LOCAL
 * offline).
 */
public class RegistryWriter {

    private final EntityManager em;

    public RegistryWriter(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    /** Inserts or updates one citizen and, if not null, one of their cards. */
    public void upsert(Citizen c, IdentityCard cardOrNull) {
        Objects.requireNonNull(c, "citizen");
        String pin = c.personalIdNumber().value();
        CitizenEntity ce = em.find(CitizenEntity.class, pin);
        if (ce == null) {
            ce = new CitizenEntity();
            EntityMapping.copy(c, ce);
            em.persist(ce);
        } else {
            EntityMapping.copy(c, ce);
        }
        if (cardOrNull != null) {
            IdentityCardEntity ke = em.find(IdentityCardEntity.class, cardOrNull.cardNumber());
            if (ke == null) {
                ke = new IdentityCardEntity();
                EntityMapping.copy(cardOrNull, pin, ke);
                em.persist(ke);
            } else {
                EntityMapping.copy(cardOrNull, pin, ke);
            }
        }
    }

    /**
     * Upserts a batch with one query per table to find the existing rows, then flushes. Within the batch the
     * later record wins for the same personal ID number (citizen data) and for the same card number (card data).
     * The persistence context is cleared afterwards so that memory stays flat over a long import.
     */
    public void upsertAll(Collection<CitizenRecord> batch) {
        Objects.requireNonNull(batch, "batch");
        if (batch.isEmpty()) {
            return;
        }
        Map<String, Citizen> citizens = new LinkedHashMap<>();
        Map<String, CitizenRecord> cards = new LinkedHashMap<>();
        for (CitizenRecord r : batch) {
            String pin = r.citizen().personalIdNumber().value();
            citizens.remove(pin);
            citizens.put(pin, r.citizen());
            if (r.card() != null) {
                cards.remove(r.card().cardNumber());
                cards.put(r.card().cardNumber(), r);
            }
        }
        Map<String, CitizenEntity> existingCitizens = new HashMap<>();
        for (List<String> chunk : chunks(citizens.keySet())) {
            em.createQuery("select c from CitizenEntity c where c.personalIdNumber in :ids", CitizenEntity.class)
                    .setParameter("ids", chunk).getResultList()
                    .forEach(e -> existingCitizens.put(e.getPersonalIdNumber(), e));
        }
        Map<String, IdentityCardEntity> existingCards = new HashMap<>();
        for (List<String> chunk : chunks(cards.keySet())) {
            em.createQuery("select c from IdentityCardEntity c where c.cardNumber in :ids", IdentityCardEntity.class)
                    .setParameter("ids", chunk).getResultList()
                    .forEach(e -> existingCards.put(e.getCardNumber(), e));
        }
        for (Map.Entry<String, Citizen> entry : citizens.entrySet()) {
            CitizenEntity e = existingCitizens.get(entry.getKey());
            if (e == null) {
                e = new CitizenEntity();
                EntityMapping.copy(entry.getValue(), e);
                em.persist(e);
            } else {
                EntityMapping.copy(entry.getValue(), e);
            }
        }
        // citizens first so that the foreign key of new cards is satisfied
        em.flush();
        for (Map.Entry<String, CitizenRecord> entry : cards.entrySet()) {
            IdentityCard card = entry.getValue().card();
            String pin = entry.getValue().citizen().personalIdNumber().value();
            IdentityCardEntity e = existingCards.get(entry.getKey());
            if (e == null) {
                e = new IdentityCardEntity();
                EntityMapping.copy(card, pin, e);
                em.persist(e);
            } else {
                EntityMapping.copy(card, pin, e);
            }
        }
        em.flush();
        em.clear();
    }

    private static List<List<String>> chunks(Collection<String> ids) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String id : ids) {
            current.add(id);
            if (current.size() == 500) {
                out.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }
}
