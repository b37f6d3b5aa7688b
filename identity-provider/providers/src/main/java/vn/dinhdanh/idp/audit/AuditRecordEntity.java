package vn.dinhdanh.idp.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A row of {@value AuditTables#RECORDS}: an {@link AuditRecord} as stored. */
@Entity
@Table(name = AuditTables.RECORDS)
@IdClass(AuditRecordEntity.Key.class)
public class AuditRecordEntity {

    /** The primary key: the chain and the position in it. */
    public static class Key implements java.io.Serializable {
        protected String chain;
        protected long seq;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.seq == seq && java.util.Objects.equals(k.chain, chain);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(chain, seq);
        }
    }

    @Id
    @Column(name = "CHAIN")
    protected String chain;
    @Id
    @Column(name = "SEQ")
    protected long seq;
    @Column(name = "RECORDED_AT", nullable = false)
    protected long recordedAt;
    @Column(name = "REALM")
    protected String realm;
    @Column(name = "EVENT_TYPE", nullable = false)
    protected String type;
    @Column(name = "OUTCOME")
    protected String outcome;
    @Column(name = "ERROR")
    protected String error;
    @Column(name = "CLIENT")
    protected String client;
    @Column(name = "USER_ID")
    protected String user;
    @Column(name = "SUBJECT")
    protected String subject;
    @Column(name = "DETAILS", length = 4000)
    protected String details;
    @Column(name = "PREVIOUS_HASH", nullable = false)
    protected String previousHash;
    @Column(name = "HASH", nullable = false)
    protected String hash;

    protected AuditRecordEntity() {
    }

    AuditRecordEntity(String chain, AuditRecord r) {
        this.chain = chain;
        this.seq = r.seq();
        this.recordedAt = r.recordedAt();
        this.realm = r.realm();
        this.type = r.type();
        this.outcome = r.outcome();
        this.error = r.error();
        this.client = r.client();
        this.user = r.user();
        this.subject = r.subject();
        this.details = r.details();
        this.previousHash = r.previousHash();
        this.hash = r.hash();
    }
}
