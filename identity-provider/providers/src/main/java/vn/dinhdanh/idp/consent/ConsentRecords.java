package vn.dinhdanh.idp.consent;

import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/** The consent records in Keycloak's database, in the request's transaction: added, never changed. */
public final class ConsentRecords {

    private final EntityManager em;

    public ConsentRecords(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    public void add(ConsentRecord record) {
        em.persist(new ConsentRecordEntity(record));
    }

    /** Every record of this citizen, oldest first; of one relying party if {@code client} is not null. */
    public List<ConsentRecord> history(String realmId, String userId, String client) {
        String query = "select r from ConsentRecordEntity r where r.realmId = :realm and r.userId = :user"
                + (client == null ? "" : " and r.client = :client") + " order by r.recordedAt, r.id";
        var typed = em.createQuery(query, ConsentRecordEntity.class).setParameter("realm", realmId).setParameter("user", userId);
        if (client != null) {
            typed.setParameter("client", client);
        }
        return typed.getResultList().stream().map(ConsentRecordEntity::toRecord).toList();
    }

    /** The standing records of this relying party's purposes that are a consent, by purpose. */
    public Map<String, ConsentRecord> given(String realmId, String userId, String client) {
        Map<String, ConsentRecord> given = standing(realmId, userId, client);
        given.values().removeIf(r -> r.decision() != ConsentRecord.Decision.GIVEN);
        return given;
    }

    /** The decision that stands for each purpose of this relying party: the latest record of each. */
    public Map<String, ConsentRecord> standing(String realmId, String userId, String client) {
        Map<String, ConsentRecord> latest = new LinkedHashMap<>();
        history(realmId, userId, client).forEach(r -> latest.put(r.purpose(), r));
        return latest;
    }
}
