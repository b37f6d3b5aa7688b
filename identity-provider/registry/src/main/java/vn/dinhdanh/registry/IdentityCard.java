package vn.dinhdanh.registry;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A chip-based citizen identity card. {@code expiryDate} null means the card does not expire.
 * {@link #toString()} masks the card number.
 */
public record IdentityCard(String cardNumber, LocalDate issueDate, LocalDate expiryDate, CardStatus status) {

    public IdentityCard {
        Objects.requireNonNull(cardNumber, "cardNumber");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(status, "status");
        cardNumber = cardNumber.strip();
        if (cardNumber.isEmpty()) {
            throw new IllegalArgumentException("Card number is empty");
        }
        if (expiryDate != null && expiryDate.isBefore(issueDate)) {
            throw new IllegalArgumentException("Expiry date is before issue date");
        }
    }

    /** True when the card is {@link CardStatus#VALID} and not expired on that day (the expiry day itself counts). */
    public boolean isUsableOn(LocalDate day) {
        Objects.requireNonNull(day, "day");
        return status == CardStatus.VALID && (expiryDate == null || !day.isAfter(expiryDate));
    }

    @Override
    public String toString() {
        String masked = cardNumber.length() <= 5 ? "*****"
                : cardNumber.substring(0, 3) + "*".repeat(cardNumber.length() - 5)
                        + cardNumber.substring(cardNumber.length() - 2);
        return "IdentityCard[" + masked + ", " + status + "]";
    }
}
