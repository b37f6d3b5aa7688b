package vn.dinhdanh.idp.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the audit trail (tables {@value AuditTables#RECORDS} and {@value AuditTables#HEAD}) over plain JDBC, chain by
 * chain: every record's hash, every link to the previous record, gaps in the numbering, the head against the last
 * record, and every checkpoint's signature; and that every chain's head row is there. It names the chain and the first
 * record that was modified, deleted, inserted or moved. Used by the server's verification endpoint and by
 * {@code ./dinhdanh audit verify}.
 */
public final class AuditChainVerifier {

    /** What is wrong with a record. */
    public enum Problem { MODIFIED, DELETED, REORDERED, BAD_CHECKPOINT, TAIL_REMOVED }

    /** The first problem found, at this position of this chain. */
    public record Finding(String chain, long seq, Problem problem, String explanation) {
    }

    /** The outcome: records and checkpoints checked, the keys that signed checkpoints, and the first problem if any. */
    public record Result(long records, long checkpoints, Set<String> checkpointKeys, Optional<Finding> firstProblem) {
        public boolean intact() {
            return firstProblem.isEmpty();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 5_000;

    private AuditChainVerifier() {
    }

    public static Result verify(Connection connection) throws SQLException {
        Set<String> chains = new java.util.TreeSet<>(AuditTables.CHAINS);
        chains.addAll(distinct(connection, "SELECT DISTINCT CHAIN FROM " + AuditTables.RECORDS));
        chains.addAll(distinct(connection, "SELECT ID FROM " + AuditTables.HEAD));
        long records = 0;
        long checkpoints = 0;
        Set<String> keys = new LinkedHashSet<>();
        for (String chain : chains) {
            Result one = verify(connection, chain, keys);
            records += one.records();
            checkpoints += one.checkpoints();
            if (!one.intact()) {
                return new Result(records, checkpoints, keys, one.firstProblem());
            }
        }
        return new Result(records, checkpoints, keys, Optional.empty());
    }

    private static Result verify(Connection connection, String chain, Set<String> keys) throws SQLException {
        long records = 0;
        long checkpoints = 0;
        long expectedSeq = 1;
        String previousHash = AuditRecord.GENESIS;
        long after = 0;
        while (true) {
            List<AuditRecord> page = page(connection, chain, after);
            if (page.isEmpty()) {
                break;
            }
            for (AuditRecord r : page) {
                if (r.seq() != expectedSeq) {
                    return new Result(records, checkpoints, keys, Optional.of(new Finding(chain, expectedSeq, Problem.DELETED,
                            r.seq() > expectedSeq ? "records " + expectedSeq + " to " + (r.seq() - 1) + " are missing"
                                    : "record " + r.seq() + " appears twice")));
                }
                if (!r.computedHash().equals(r.hash())) {
                    return new Result(records, checkpoints, keys, Optional.of(new Finding(chain, r.seq(), Problem.MODIFIED,
                            "the record's content does not match its hash")));
                }
                if (!r.previousHash().equals(previousHash)) {
                    return new Result(records, checkpoints, keys, Optional.of(new Finding(chain, r.seq(), Problem.REORDERED,
                            "the record does not follow record " + (r.seq() - 1) + ": moved, replaced, or one before it was deleted")));
                }
                if (AuditRecord.CHECKPOINT.equals(r.type())) {
                    Optional<String> bad = checkpointProblem(r, previousHash, keys);
                    if (bad.isPresent()) {
                        return new Result(records, checkpoints, keys, Optional.of(new Finding(chain, r.seq(), Problem.BAD_CHECKPOINT, bad.get())));
                    }
                    checkpoints++;
                }
                previousHash = r.hash();
                expectedSeq++;
                records++;
                after = r.seq();
            }
        }
        Optional<Finding> head = headProblem(connection, chain, expectedSeq - 1, previousHash);
        return new Result(records, checkpoints, keys, head);
    }

    private static Set<String> distinct(Connection c, String query) throws SQLException {
        Set<String> values = new LinkedHashSet<>();
        try (PreparedStatement st = c.prepareStatement(query); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static Optional<String> checkpointProblem(AuditRecord r, String previousHash, Set<String> keys) {
        try {
            JsonNode d = JSON.readTree(r.details());
            long seq = d.path("seq").asLong(-1);
            String hash = d.path("hash").asText("");
            if (seq != r.seq() - 1 || !hash.equals(previousHash)) {
                return Optional.of("the checkpoint does not name the record before it");
            }
            PublicKey key = KeyFactory.getInstance(d.path("keyAlgorithm").asText("RSA"))
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(d.path("publicKey").asText())));
            Signature verifier = Signature.getInstance(d.path("signatureAlgorithm").asText());
            verifier.initVerify(key);
            verifier.update(AuditRecord.checkpointPayload(seq, hash));
            if (!verifier.verify(Base64.getDecoder().decode(d.path("signature").asText()))) {
                return Optional.of("the checkpoint's signature does not verify");
            }
            keys.add(d.path("kid").asText("?"));
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of("the checkpoint cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Optional<Finding> headProblem(Connection c, String chain, long lastSeq, String lastHash) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT LAST_SEQ, LAST_HASH FROM " + AuditTables.HEAD + " WHERE ID = ?")) {
            st.setString(1, chain);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.of(new Finding(chain, lastSeq + 1, Problem.TAIL_REMOVED, "the chain's head record is missing"));
                }
                long headSeq = rs.getLong(1);
                if (headSeq != lastSeq || !lastHash.equals(rs.getString(2))) {
                    return Optional.of(new Finding(chain, Math.min(headSeq, lastSeq) + 1, Problem.TAIL_REMOVED,
                            "the chain's head says record " + headSeq + " is the last; the table ends at " + lastSeq));
                }
                return Optional.empty();
            }
        }
    }

    private static List<AuditRecord> page(Connection c, String chain, long after) throws SQLException {
        List<AuditRecord> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT SEQ, RECORDED_AT, REALM, EVENT_TYPE, OUTCOME, ERROR, CLIENT, USER_ID, SUBJECT, "
                + "DETAILS, PREVIOUS_HASH, HASH FROM " + AuditTables.RECORDS + " WHERE CHAIN = ? AND SEQ > ? ORDER BY SEQ")) {
            st.setString(1, chain);
            st.setLong(2, after);
            st.setMaxRows(PAGE);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditRecord(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12)));
                }
            }
        }
        return out;
    }
}
