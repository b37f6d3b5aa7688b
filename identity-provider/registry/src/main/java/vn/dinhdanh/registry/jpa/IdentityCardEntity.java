package vn.dinhdanh.registry.jpa;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * Row of {@code registry_card}. The owning citizen is referenced by its personal ID number (foreign key
 * {@code fk_registry_card_citizen}, index {@code idx_registry_card_citizen}, both created by the migration scripts).
 */
@Entity
@Table(name = "registry_card", indexes = @Index(name = "idx_registry_card_citizen", columnList = "personal_id_number"))
public class IdentityCardEntity {

    @Id
    @Column(name = "card_number", length = 20, nullable = false)
    private String cardNumber;

    @Column(name = "personal_id_number", length = 12, nullable = false)
    private String personalIdNumber;

    @Column(name = "issue_date", nullable = false)
    private LocalDate issueDate;

    @Column(name = "expiry_date")
    private LocalDate expiryDate;

    @Column(name = "status", length = 16, nullable = false)
    private String status;

    public IdentityCardEntity() {
    }

    public String getCardNumber() { return cardNumber; }
    public void setCardNumber(String v) { this.cardNumber = v; }
    public String getPersonalIdNumber() { return personalIdNumber; }
    public void setPersonalIdNumber(String v) { this.personalIdNumber = v; }
    public LocalDate getIssueDate() { return issueDate; }
    public void setIssueDate(LocalDate v) { this.issueDate = v; }
    public LocalDate getExpiryDate() { return expiryDate; }
    public void setExpiryDate(LocalDate v) { this.expiryDate = v; }
    public String getStatus() { return status; }
    public void setStatus(String v) { this.status = v; }

    @Override
    public String toString() {
        return "IdentityCardEntity[masked]";
    }
}
