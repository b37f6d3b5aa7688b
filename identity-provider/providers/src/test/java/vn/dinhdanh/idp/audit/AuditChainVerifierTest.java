package vn.dinhdanh.idp.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit chain written as the server writes it, then tampered with in the database: the verifier names the record. */
class AuditChainVerifierTest {

    Connection db;
    String lastHash = AuditRecord.GENESIS;
    long lastSeq;
    final SubjectPseudonym pseudonyms = new SubjectPseudonym("test-key-of-at-least-thirty-two-characters");

    @BeforeEach
    void setUp() throws Exception {
        lastHash = AuditRecord.GENESIS;
        lastSeq = 0;
        db = DriverManager.getConnection("jdbc:h2:mem:audit-" + System.nanoTime());
        try (Statement st = db.createStatement()) {
            st.execute("CREATE TABLE " + AuditTables.RECORDS + " (SEQ BIGINT NOT NULL, RECORDED_AT BIGINT NOT NULL, REALM VARCHAR(255),"
                    + " EVENT_TYPE VARCHAR(64) NOT NULL, OUTCOME VARCHAR(16), ERROR VARCHAR(255), CLIENT VARCHAR(255), USER_ID VARCHAR(64),"
                    + " SUBJECT VARCHAR(64), DETAILS VARCHAR(4000), PREVIOUS_HASH VARCHAR(64) NOT NULL, HASH VARCHAR(64) NOT NULL,"
                    + " CHAIN VARCHAR(16) DEFAULT 'chain' NOT NULL, PRIMARY KEY (CHAIN, SEQ))");
            st.execute("CREATE TABLE " + AuditTables.HEAD + " (ID VARCHAR(16) PRIMARY KEY, LAST_SEQ BIGINT NOT NULL, LAST_HASH VARCHAR(64) NOT NULL,"
                    + " LAST_CHECKPOINT_SEQ BIGINT NOT NULL)");
        }
        for (int i = 0; i < 10; i++) {
            append("LOGIN", "success", null, pseudonyms.of(String.format("0010900%05d", i)), null);
        }
        checkpoint(KeyPairGenerator.getInstance("RSA").generateKeyPair(), false);
        append("LOGIN_ERROR", "error", "invalid_user_credentials", null, null);
        writeHead();
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    void append(String type, String outcome, String error, String subject, String details) throws Exception {
        AuditRecord r = AuditRecord.next(lastSeq + 1, 1_700_000_000_000L + lastSeq, "citizens", type, outcome, error, "public-services-portal",
                "user-" + lastSeq, subject, details, lastHash);
        try (PreparedStatement st = db.prepareStatement("INSERT INTO " + AuditTables.RECORDS + " (SEQ, RECORDED_AT, REALM, EVENT_TYPE, OUTCOME,"
                + " ERROR, CLIENT, USER_ID, SUBJECT, DETAILS, PREVIOUS_HASH, HASH) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            st.setLong(1, r.seq());
            st.setLong(2, r.recordedAt());
            st.setString(3, r.realm());
            st.setString(4, r.type());
            st.setString(5, r.outcome());
            st.setString(6, r.error());
            st.setString(7, r.client());
            st.setString(8, r.user());
            st.setString(9, r.subject());
            st.setString(10, r.details());
            st.setString(11, r.previousHash());
            st.setString(12, r.hash());
            st.executeUpdate();
        }
        lastSeq = r.seq();
        lastHash = r.hash();
    }

    void checkpoint(KeyPair key, boolean forged) throws Exception {
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key.getPrivate());
        signer.update(AuditRecord.checkpointPayload(forged ? lastSeq + 1 : lastSeq, lastHash));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("seq", lastSeq);
        d.put("hash", lastHash);
        d.put("kid", "test-kid");
        d.put("keyAlgorithm", "RSA");
        d.put("signatureAlgorithm", "SHA256withRSA");
        d.put("publicKey", Base64.getEncoder().encodeToString(key.getPublic().getEncoded()));
        d.put("signature", Base64.getEncoder().encodeToString(signer.sign()));
        append(AuditRecord.CHECKPOINT, "success", null, null, new ObjectMapper().writeValueAsString(d));
    }

    void writeHead() throws Exception {
        try (Statement st = db.createStatement()) {
            st.execute("DELETE FROM " + AuditTables.HEAD);
            st.execute("INSERT INTO " + AuditTables.HEAD + " VALUES ('chain', " + lastSeq + ", '" + lastHash + "', 11)");
            for (String other : AuditTables.CHAINS.subList(1, AuditTables.CHAINS.size())) {
                st.execute("INSERT INTO " + AuditTables.HEAD + " VALUES ('" + other + "', 0, '" + AuditRecord.GENESIS + "', 0)");
            }
        }
    }

    void sql(String statement) throws Exception {
        try (Statement st = db.createStatement()) {
            st.execute(statement);
        }
    }

    @Test
    void whenNothingWasTouched_thenTheChainIsIntactWithItsCheckpoint() throws Exception {
        AuditChainVerifier.Result result = AuditChainVerifier.verify(db);
        assertThat(result.intact()).as("%s", result.firstProblem()).isTrue();
        assertThat(result.records()).isEqualTo(12);
        assertThat(result.checkpoints()).isEqualTo(1);
        assertThat(result.checkpointKeys()).containsExactly("test-kid");
    }

    @Test
    void whenARecordIsModified_thenItIsNamed() throws Exception {
        sql("UPDATE " + AuditTables.RECORDS + " SET OUTCOME = 'success', ERROR = NULL WHERE SEQ = 12");
        assertFirst(12, AuditChainVerifier.Problem.MODIFIED);
        setUp();
        sql("UPDATE " + AuditTables.RECORDS + " SET CLIENT = 'other' WHERE SEQ = 4");
        assertFirst(4, AuditChainVerifier.Problem.MODIFIED);
    }

    @Test
    void whenARecordIsDeleted_thenTheGapIsNamed() throws Exception {
        sql("DELETE FROM " + AuditTables.RECORDS + " WHERE SEQ = 5");
        assertFirst(5, AuditChainVerifier.Problem.DELETED);
    }

    @Test
    void whenARecordIsDeletedAndTheRestRenumbered_thenTheBrokenLinkIsNamed() throws Exception {
        sql("DELETE FROM " + AuditTables.RECORDS + " WHERE SEQ = 5");
        sql("UPDATE " + AuditTables.RECORDS + " SET SEQ = SEQ - 1 WHERE SEQ > 5");
        AuditChainVerifier.Result result = AuditChainVerifier.verify(db);
        assertThat(result.firstProblem()).hasValueSatisfying(f -> assertThat(f.seq()).isEqualTo(5));
    }

    @Test
    void whenTwoRecordsAreSwapped_thenTheFirstOutOfPlaceIsNamed() throws Exception {
        sql("UPDATE " + AuditTables.RECORDS + " SET SEQ = -1 WHERE SEQ = 3");
        sql("UPDATE " + AuditTables.RECORDS + " SET SEQ = 3 WHERE SEQ = 6");
        sql("UPDATE " + AuditTables.RECORDS + " SET SEQ = 6 WHERE SEQ = -1");
        AuditChainVerifier.Result result = AuditChainVerifier.verify(db);
        assertThat(result.intact()).isFalse();
        assertThat(result.firstProblem().get().seq()).isEqualTo(3);
        assertThat(result.firstProblem().get().problem()).isIn(AuditChainVerifier.Problem.MODIFIED, AuditChainVerifier.Problem.REORDERED);
    }

    @Test
    void whenTheLastRecordsAreRemoved_thenTheHeadGivesItAway() throws Exception {
        sql("DELETE FROM " + AuditTables.RECORDS + " WHERE SEQ = 12");
        assertFirst(12, AuditChainVerifier.Problem.TAIL_REMOVED);
    }

    @Test
    void whenACheckpointIsForgedOrItsSignatureDoesNotMatch_thenItIsNamed() throws Exception {
        sql("DELETE FROM " + AuditTables.RECORDS + " WHERE SEQ = 12");
        lastSeq = 11;
        try (Statement st = db.createStatement(); var rs = st.executeQuery("SELECT HASH FROM " + AuditTables.RECORDS + " WHERE SEQ = 11")) {
            rs.next();
            lastHash = rs.getString(1);
        }
        lastSeq = 11;
        // a record after the checkpoint, then a checkpoint whose signature is over something else
        append("LOGIN", "success", null, null, null);
        checkpoint(KeyPairGenerator.getInstance("RSA").generateKeyPair(), true);
        writeHead();
        assertFirst(13, AuditChainVerifier.Problem.BAD_CHECKPOINT);
    }

    @Test
    void whenTheSameNumberIsPseudonymised_thenItIsStableAndNotTheNumber() {
        String p = pseudonyms.of("001090012345");
        assertThat(p).isEqualTo(pseudonyms.of("001090012345")).hasSize(32).doesNotContain("001090012345");
        assertThat(new SubjectPseudonym("another-key-of-at-least-thirty-two-chars").of("001090012345")).isNotEqualTo(p);
        assertThat(pseudonyms.of("not-a-number")).isNull();
    }

    void assertFirst(long seq, AuditChainVerifier.Problem problem) throws Exception {
        AuditChainVerifier.Result result = AuditChainVerifier.verify(db);
        assertThat(result.intact()).isFalse();
        assertThat(result.firstProblem().get().seq()).as("%s", result.firstProblem()).isEqualTo(seq);
        assertThat(result.firstProblem().get().problem()).isEqualTo(problem);
    }

    @Test
    void whenRecordsOfAnotherChainAreInterleaved_thenEachChainIsCheckedOnItsOwn_andATamperedOneIsNamed() throws Exception {
        // chain-3: two records of its own, numbered from 1, linked among themselves
        AuditRecord first = AuditRecord.next(1, 1_800_000_000_000L, "citizens", "LOGIN", "success", null, "demo-bank", "u", null, null, AuditRecord.GENESIS);
        AuditRecord second = AuditRecord.next(2, 1_800_000_000_001L, "citizens", "LOGOUT", "success", null, "demo-bank", "u", null, null, first.hash());
        for (AuditRecord r : java.util.List.of(first, second)) {
            sql("INSERT INTO " + AuditTables.RECORDS + " (CHAIN, SEQ, RECORDED_AT, REALM, EVENT_TYPE, OUTCOME, CLIENT, USER_ID, PREVIOUS_HASH, HASH)"
                    + " VALUES ('chain-3', " + r.seq() + ", " + r.recordedAt() + ", 'citizens', '" + r.type() + "', 'success', 'demo-bank', 'u', '"
                    + r.previousHash() + "', '" + r.hash() + "')");
        }
        sql("UPDATE " + AuditTables.HEAD + " SET LAST_SEQ = 2, LAST_HASH = '" + second.hash() + "' WHERE ID = 'chain-3'");
        AuditChainVerifier.Result result = AuditChainVerifier.verify(db);
        assertThat(result.intact()).as("%s", result.firstProblem()).isTrue();
        assertThat(result.records()).isEqualTo(14);

        sql("UPDATE " + AuditTables.RECORDS + " SET CLIENT = 'other' WHERE CHAIN = 'chain-3' AND SEQ = 1");
        assertThat(AuditChainVerifier.verify(db).firstProblem()).hasValueSatisfying(f -> {
            assertThat(f.chain()).isEqualTo("chain-3");
            assertThat(f.seq()).isEqualTo(1);
            assertThat(f.problem()).isEqualTo(AuditChainVerifier.Problem.MODIFIED);
        });
    }

    @Test
    void whenAChainsHeadRowIsDeleted_thenItIsNamed() throws Exception {
        sql("DELETE FROM " + AuditTables.HEAD + " WHERE ID = 'chain-7'");
        assertThat(AuditChainVerifier.verify(db).firstProblem()).hasValueSatisfying(f -> {
            assertThat(f.chain()).isEqualTo("chain-7");
            assertThat(f.problem()).isEqualTo(AuditChainVerifier.Problem.TAIL_REMOVED);
        });
    }
}
