package vn.dinhdanh.idp.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@value AuditTables#HEAD}: where one chain ends. Every append to that chain locks it, so the chain stays one line. */
@Entity
@Table(name = AuditTables.HEAD)
public class AuditHeadEntity {

    @Id
    @Column(name = "ID")
    protected String id;
    @Column(name = "LAST_SEQ", nullable = false)
    protected long lastSeq;
    @Column(name = "LAST_HASH", nullable = false)
    protected String lastHash;
    @Column(name = "LAST_CHECKPOINT_SEQ", nullable = false)
    protected long lastCheckpointSeq;

    protected AuditHeadEntity() {
    }
}
