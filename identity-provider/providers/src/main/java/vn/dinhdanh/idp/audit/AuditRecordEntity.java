package vn.dinhdanh.idp.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@value AuditTables#RECORDS}: an {@link AuditRecord} as stored. */
@Entity
@Table(name = AuditTables.RECORDS)
public class AuditRecordEntity {

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

    AuditRecordEntity(AuditRecord r) {
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
