package vn.dinhdanh.idp.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code DINHDANH_CONSENT_RECORD}: one {@link ConsentRecord}, written once and never changed. */
@Entity
@Table(name = "DINHDANH_CONSENT_RECORD")
public class ConsentRecordEntity {

    @Id
    @Column(name = "ID")
    protected String id;
    @Column(name = "REALM_ID", nullable = false)
    protected String realmId;
    @Column(name = "USER_ID", nullable = false)
    protected String userId;
    @Column(name = "CLIENT", nullable = false)
    protected String client;
    @Column(name = "PURPOSE", nullable = false)
    protected String purpose;
    @Column(name = "DECISION", nullable = false)
    protected String decision;
    @Column(name = "SOURCE", nullable = false)
    protected String source;
    @Column(name = "CLAIMS", length = 1000)
    protected String claims;
    @Column(name = "LOCALE")
    protected String locale;
    @Column(name = "WORDING", length = 4000)
    protected String wording;
    @Column(name = "WORDING_SHA256")
    protected String wordingSha256;
    @Column(name = "RECORDED_AT", nullable = false)
    protected long recordedAt;

    protected ConsentRecordEntity() {
    }

    ConsentRecordEntity(ConsentRecord r) {
        this.id = r.id();
        this.realmId = r.realmId();
        this.userId = r.userId();
        this.client = r.client();
        this.purpose = r.purpose();
        this.decision = r.decision().name();
        this.source = r.source();
        this.claims = String.join(" ", r.claims());
        this.locale = r.locale();
        this.wording = r.wording();
        this.wordingSha256 = r.wordingSha256();
        this.recordedAt = r.recordedAt();
    }

    ConsentRecord toRecord() {
        return new ConsentRecord(id, realmId, userId, client, purpose, ConsentRecord.Decision.valueOf(decision), source,
                claims == null || claims.isBlank() ? java.util.List.of() : java.util.List.of(claims.split(" ")), locale, wording,
                wordingSha256, recordedAt);
    }
}
