package vn.dinhdanh.idp.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One record of the tamper-evident audit trail: what happened (codes, opaque ids, a keyed pseudonym of the citizen),
 * never a personal ID number, a name or an IP address. Each record commits to the one before it: its {@link #hash} is
 * SHA-256 over the previous record's hash and every field of its own, each length-prefixed, so that changing,
 * removing or moving any record breaks every hash after it.
 *
 * @param seq          position in the chain, from 1, without gaps
 * @param recordedAt   epoch milliseconds
 * @param subject      keyed pseudonym of the citizen's personal ID number, if the event concerns one
 * @param details      small JSON object of codes (for a checkpoint: its signature)
 * @param previousHash hash of record {@code seq - 1} ({@link #GENESIS} for the first)
 */
public record AuditRecord(long seq, long recordedAt, String realm, String type, String outcome, String error, String client,
                          String user, String subject, String details, String previousHash, String hash) {

    /** The previous hash of the first record. */
    public static final String GENESIS = "0".repeat(64);
    /** The type of the records that sign the chain up to themselves. */
    public static final String CHECKPOINT = "AUDIT_CHECKPOINT";

    public AuditRecord {
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(type, "type");
    }

    /** The next record after {@code previousHash}, with its hash computed. */
    public static AuditRecord next(long seq, long recordedAt, String realm, String type, String outcome, String error, String client,
                                   String user, String subject, String details, String previousHash) {
        AuditRecord draft = new AuditRecord(seq, recordedAt, realm, type, outcome, error, client, user, subject, details, previousHash, null);
        return new AuditRecord(seq, recordedAt, realm, type, outcome, error, client, user, subject, details, previousHash, draft.computedHash());
    }

    /** The hash these fields and this previous hash give (compare with {@link #hash} to see whether the record was changed). */
    public String computedHash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ByteBuffer.allocate(16).putLong(seq).putLong(recordedAt).array());
            for (String field : List.of(nz(previousHash), nz(realm), nz(type), nz(outcome), nz(error), nz(client), nz(user), nz(subject), nz(details))) {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** What a checkpoint signs: the position and hash of the record just before it. */
    public static byte[] checkpointPayload(long seq, String hash) {
        return ("dinhdanh-audit-checkpoint\n" + seq + "\n" + hash).getBytes(StandardCharsets.UTF_8);
    }

    private static String nz(String s) {
        return s == null ? "\u0000" : s;
    }
}
