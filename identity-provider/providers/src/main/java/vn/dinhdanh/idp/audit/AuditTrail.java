package vn.dinhdanh.idp.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Appends to the tamper-evident audit trail in Keycloak's database. The trail is {@link AuditTables#CHAINS sixteen
 * chains}; each transaction of appends picks one at random and locks that chain's head row, so the records of one chain
 * form one line whichever request or node wrote them, and sixteen transactions can go at once. A node's appends are
 * written by its {@link AuditWriter}, which puts the records of requests that arrive together in one transaction. A
 * checkpoint record now and then signs each chain up to itself with the master realm's active RS256 key.
 */
public final class AuditTrail {

    /** What an event contributes to the trail; {@code subject} is already a pseudonym. */
    public record Entry(String realm, String type, String outcome, String error, String client, String user, String subject,
                        Map<String, Object> details) {
    }

    /** An entry with the time it was made (epoch milliseconds), which its record carries. */
    record Stamped(Entry entry, long at) {
    }

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile SubjectPseudonym pseudonyms;
    private static volatile AuditWriter writer;

    private AuditTrail() {
    }

    /** Set once at start from the operator's key. */
    public static void configure(SubjectPseudonym keyed) {
        pseudonyms = keyed;
    }

    /** The pseudonym of a personal ID number (null when the trail is not configured or the value is no number). */
    public static String pseudonymOf(String personalIdNumber) {
        SubjectPseudonym p = pseudonyms;
        return p == null ? null : p.of(personalIdNumber);
    }

    /**
     * Starts the node's {@link AuditWriter}, which writes the records of requests that arrive together in one
     * transaction. Until it is started, and after {@link #stop}, each append has a transaction of its own.
     */
    public static synchronized void start(KeycloakSessionFactory factory) {
        if (writer == null) {
            writer = new AuditWriter(factory);
        }
    }

    /** Writes what is queued and stops the node's writer. */
    public static synchronized void stop() {
        AuditWriter running = writer;
        writer = null;
        if (running != null) {
            running.stop();
        }
    }

    /**
     * Appends one record and returns once it is committed. A failure to store it is logged as an error and does not
     * stop the request it records (the line in the server log is written anyway).
     */
    public static void append(KeycloakSessionFactory factory, Entry entry) {
        AuditWriter running = writer;
        if (running != null && running.append(entry)) {
            return;
        }
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> appendLocked(session,
                    List.of(new Stamped(entry, System.currentTimeMillis()))));
        } catch (RuntimeException e) {
            AuditWriter.notStored(entry, e.getClass().getName());
        }
    }

    /** Appends the records, in order, to one chain picked at random, under the lock of its head row. */
    static AuditRecord appendLocked(KeycloakSession session, List<Stamped> entries) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        String chain = AuditTables.CHAINS.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(AuditTables.CHAINS.size()));
        AuditHeadEntity head = em.find(AuditHeadEntity.class, chain, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("the audit chain " + chain + " has no head row");
        }
        AuditRecord record = null;
        for (Stamped stamped : entries) {
            Entry entry = stamped.entry();
            record = AuditRecord.next(head.lastSeq + 1, stamped.at(), entry.realm(), entry.type(), entry.outcome(), entry.error(),
                    entry.client(), entry.user(), entry.subject(), details(entry.details()), head.lastHash);
            em.persist(new AuditRecordEntity(chain, record));
            head.lastSeq = record.seq();
            head.lastHash = record.hash();
        }
        return record;
    }

    /**
     * Signs each chain as it stands, unless nothing was appended to it since its last checkpoint.
     *
     * @return the checkpoint records written
     */
    public static java.util.List<AuditRecord> checkpoint(KeycloakSession session) {
        if (pseudonyms == null) {
            return java.util.List.of();
        }
        RealmModel master = session.realms().getRealmByName("master");
        KeyWrapper key = master == null ? null : session.keys().getActiveKey(master, KeyUse.SIG, "RS256");
        if (key == null || key.getPrivateKey() == null) {
            LOG.warn("No active RS256 key in the master realm: the audit checkpoint is not written");
            return java.util.List.of();
        }
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        java.util.List<AuditRecord> written = new java.util.ArrayList<>();
        for (String chain : AuditTables.CHAINS) {
            AuditHeadEntity head = em.find(AuditHeadEntity.class, chain, LockModeType.PESSIMISTIC_WRITE);
            if (head == null || head.lastSeq == head.lastCheckpointSeq) {
                continue;
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("seq", head.lastSeq);
            details.put("hash", head.lastHash);
            details.put("kid", key.getKid());
            details.put("keyAlgorithm", "RSA");
            details.put("signatureAlgorithm", "SHA256withRSA");
            details.put("publicKey", Base64.getEncoder().encodeToString(key.getPublicKey().getEncoded()));
            try {
                Signature signer = Signature.getInstance("SHA256withRSA");
                signer.initSign((java.security.PrivateKey) key.getPrivateKey());
                signer.update(AuditRecord.checkpointPayload(head.lastSeq, head.lastHash));
                details.put("signature", Base64.getEncoder().encodeToString(signer.sign()));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("The audit checkpoint could not be signed", e);
            }
            AuditRecord record = AuditRecord.next(head.lastSeq + 1, System.currentTimeMillis(), "master", AuditRecord.CHECKPOINT, "success",
                    null, null, null, null, details(details), head.lastHash);
            em.persist(new AuditRecordEntity(chain, record));
            head.lastSeq = record.seq();
            head.lastHash = record.hash();
            head.lastCheckpointSeq = record.seq();
            written.add(record);
        }
        return written;
    }

    private static String details(Map<String, Object> details) {
        if (details == null || details.isEmpty()) {
            return null;
        }
        try {
            String json = JSON.writeValueAsString(details);
            return json.length() <= 4000 ? json : "{\"truncated\":true}";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "{\"unwritable\":true}";
        }
    }
}
