package vn.dinhdanh.chipcard.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.dinhdanh.idp.assurance.ChipCardProof;

/** The chip-card request's states: pending, verified once, failed after the last bad attempt; kept as store notes. */
class ChipCardRequestTest {

    static ChipCardRequest pending() {
        return new ChipCardRequest("handle-1", "ABCD2345", new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, 1_000, "realm", "root.tab", "Cổng dịch vụ công",
                "high", null, ChipCardRequest.Status.PENDING, 0, null, null, null);
    }

    static final ChipCardProof PROOF = new ChipCardProof(java.time.Instant.parse("2026-12-03T08:00:00Z"), "079195012346",
            java.time.LocalDate.of(2022, 1, 10), java.time.LocalDate.of(2035, 7, 2), ChipCardProof.checksOfAcceptedProof());

    @Test
    void whenBadAttemptsReachTheMaximum_thenTheRequestFailsAndKeepsTheLastCause() {
        ChipCardRequest once = pending().failedAttempt(ChipCardError.CARD_REVOKED, 3);
        assertThat(once.status()).isEqualTo(ChipCardRequest.Status.PENDING);
        assertThat(once.attempts()).isEqualTo(1);
        ChipCardRequest thrice = once.failedAttempt(ChipCardError.INVALID_EVIDENCE, 3).failedAttempt(ChipCardError.PIN_MISMATCH, 3);
        assertThat(thrice.status()).isEqualTo(ChipCardRequest.Status.FAILED);
        assertThat(thrice.attempts()).isEqualTo(3);
        assertThat(thrice.error()).isEqualTo("pin_mismatch");
    }

    @Test
    void whenVerified_thenTheCardsNumberIsKeptAndTheLastErrorCleared() {
        ChipCardRequest verified = pending().failedAttempt(ChipCardError.CARD_REVOKED, 3).verified("079195012346", PROOF);
        assertThat(verified.status()).isEqualTo(ChipCardRequest.Status.VERIFIED);
        assertThat(verified.verifiedPin()).isEqualTo("079195012346");
        assertThat(verified.error()).isNull();
        assertThat(verified.attempts()).isEqualTo(1);
        assertThat(verified.proof()).isEqualTo(PROOF);
    }

    @Test
    void whenTheExpiryIsReached_thenTheRequestIsExpiredFromThatSecondOn() {
        assertThat(pending().expiredAt(999)).isFalse();
        assertThat(pending().expiredAt(1_000)).isTrue();
    }

    @Test
    void whenWrittenToStoreNotesAndReadBack_thenEveryFieldSurvives_andBrokenNotesGiveNothing() {
        ChipCardRequest original = pending().failedAttempt(ChipCardError.CARD_REVOKED, 3);
        ChipCardRequest back = ChipCardRequest.fromNotes(original.toNotes()).orElseThrow();
        assertThat(back).usingRecursiveComparison().isEqualTo(original);
        ChipCardRequest verified = original.verified("079195012346", PROOF);
        assertThat(ChipCardRequest.fromNotes(verified.toNotes()).orElseThrow()).usingRecursiveComparison().isEqualTo(verified);
        ChipCardProof noExpiry = new ChipCardProof(PROOF.time(), PROOF.cardNumber(), PROOF.issueDate(), null, PROOF.checks());
        assertThat(ChipCardRequest.fromNotes(original.verified("079195012346", noExpiry).toNotes()).orElseThrow().proof()).isEqualTo(noExpiry);
        assertThat(ChipCardRequest.fromNotes(null)).isEmpty();
        assertThat(ChipCardRequest.fromNotes(java.util.Map.of())).isEmpty();
    }

    @Test
    void whenPrinted_thenNoNumberOrChallengeAppears() {
        String text = pending().verified("079195012346", PROOF).toString();
        assertThat(text).doesNotContain("079195012346").doesNotContain("handle-1");
    }
}
