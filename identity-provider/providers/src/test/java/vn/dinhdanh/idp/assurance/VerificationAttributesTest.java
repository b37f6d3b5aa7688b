package vn.dinhdanh.idp.assurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.mockito.Mockito;

/** The account attributes that keep how a citizen was verified: written at the proof, read for verified_claims. */
class VerificationAttributesTest {

    /** A user whose attributes live in a map. */
    static UserModel user(Long created) {
        Map<String, String> attributes = new HashMap<>();
        UserModel user = mock(UserModel.class);
        when(user.getCreatedTimestamp()).thenReturn(created);
        when(user.getFirstAttribute(Mockito.anyString())).thenAnswer(i -> attributes.get(i.<String>getArgument(0)));
        Mockito.doAnswer(i -> attributes.put(i.getArgument(0), i.getArgument(1))).when(user).setSingleAttribute(Mockito.anyString(), Mockito.anyString());
        Mockito.doAnswer(i -> attributes.remove(i.<String>getArgument(0))).when(user).removeAttribute(Mockito.anyString());
        return user;
    }

    @Test
    void whenARegistrationMatchWasRecorded_thenTheRecordIsLevelLowAtThatTime() {
        UserModel user = user(1L);
        user.setSingleAttribute("account_level", "1");
        VerificationAttributes.recordRegistryMatch(user, Instant.parse("2026-01-05T03:00:00Z"));
        VerificationRecord record = VerificationAttributes.of(user);
        assertThat(record.assuranceLevel()).isEqualTo("low");
        assertThat(record.time()).isEqualTo(Instant.parse("2026-01-05T03:00:00Z"));
        assertThat(record.chipCard()).isEmpty();
    }

    @Test
    void whenNothingWasRecorded_thenTheAccountsCreationCountsAsTheRegistryMatch() {
        VerificationRecord record = VerificationAttributes.of(user(1_767_582_000_000L));
        assertThat(record.time()).isEqualTo(Instant.ofEpochMilli(1_767_582_000_000L));
    }

    @Test
    void whenAChipProofWasRecorded_thenItReadsBackWhole_andACardWithoutExpiryToo() {
        UserModel user = user(1L);
        ChipCardProof proof = new ChipCardProof(Instant.parse("2026-11-30T09:15:42Z"), "079195012346", LocalDate.of(2022, 1, 10),
                LocalDate.of(2035, 7, 2), ChipCardProof.checksOfAcceptedProof());
        VerificationAttributes.recordChipProof(user, proof);
        assertThat(VerificationAttributes.of(user).chipCard()).contains(proof);
        assertThat(VerificationAttributes.of(user).assuranceLevel()).isEqualTo("high");

        ChipCardProof noExpiry = new ChipCardProof(proof.time(), proof.cardNumber(), proof.issueDate(), null, List.of("vdig", "vcrypt", "data"));
        VerificationAttributes.recordChipProof(user, noExpiry);
        assertThat(VerificationAttributes.of(user).chipCard()).contains(noExpiry);
    }

    @Test
    void whenTheStoredProofIsDamaged_thenItIsLeftOutRatherThanFailing() {
        UserModel user = user(1L);
        user.setSingleAttribute(VerificationAttributes.CHIP_PROOF_TIME, "yesterday");
        user.setSingleAttribute(VerificationAttributes.CHIP_CARD_NUMBER, "079195012346");
        user.setSingleAttribute(VerificationAttributes.CHIP_CARD_ISSUE_DATE, "2022-01-10");
        user.setSingleAttribute(VerificationAttributes.CHIP_PROOF_CHECKS, "vdig vcrypt data");
        assertThat(VerificationAttributes.of(user).chipCard()).isEmpty();
        user.setSingleAttribute(VerificationAttributes.CHIP_PROOF_TIME, "2026-11-30T09:15:42Z");
        user.setSingleAttribute(VerificationAttributes.CHIP_CARD_EXPIRY_DATE, "31/12/2035");
        assertThat(VerificationAttributes.of(user).chipCard()).isEmpty();
    }

    @Test
    void aLaterProofOfTheSameCardRewritesNothingWithinTheHour_butTheSessionHasItsExactTime() {
        UserModel user = user(1L);
        ChipCardProof first = new ChipCardProof(Instant.parse("2026-11-30T09:00:00Z"), "079195012346", LocalDate.of(2022, 1, 10),
                LocalDate.of(2035, 7, 2), ChipCardProof.checksOfAcceptedProof());
        VerificationAttributes.recordChipProof(user, first);
        Mockito.clearInvocations(user);

        ChipCardProof soon = new ChipCardProof(Instant.parse("2026-11-30T09:40:00Z"), first.cardNumber(), first.issueDate(),
                first.expiryDate(), first.checks());
        AuthenticationSessionModel auth = mock(AuthenticationSessionModel.class);
        VerificationAttributes.recordChipProof(user, auth, soon);
        Mockito.verify(user, Mockito.never()).setSingleAttribute(Mockito.anyString(), Mockito.anyString());
        Mockito.verify(user, Mockito.never()).removeAttribute(Mockito.anyString());
        Mockito.verify(auth).setUserSessionNote(VerificationAttributes.SESSION_CHIP_PROOF_TIME, "2026-11-30T09:40:00Z");
        assertThat(VerificationAttributes.of(user).chipCard().orElseThrow().time()).isEqualTo(first.time());
        UserSessionModel session = mock(UserSessionModel.class);
        when(session.getNote(VerificationAttributes.SESSION_CHIP_PROOF_TIME)).thenReturn("2026-11-30T09:40:00Z");
        assertThat(VerificationAttributes.of(user, session).chipCard()).contains(soon);
        assertThat(VerificationAttributes.of(user, session).time()).isEqualTo(soon.time());

        ChipCardProof later = new ChipCardProof(Instant.parse("2026-11-30T10:30:00Z"), first.cardNumber(), first.issueDate(),
                first.expiryDate(), first.checks());
        VerificationAttributes.recordChipProof(user, later);
        assertThat(VerificationAttributes.of(user).chipCard()).as("over an hour later: the time is written").contains(later);
    }

    @Test
    void aProofOfANewCardIsWrittenAtOnce() {
        UserModel user = user(1L);
        ChipCardProof old = new ChipCardProof(Instant.parse("2026-11-30T09:00:00Z"), "079195012346", LocalDate.of(2022, 1, 10),
                LocalDate.of(2035, 7, 2), ChipCardProof.checksOfAcceptedProof());
        VerificationAttributes.recordChipProof(user, old);
        ChipCardProof renewed = new ChipCardProof(Instant.parse("2026-11-30T09:05:00Z"), old.cardNumber(), LocalDate.of(2026, 11, 1),
                LocalDate.of(2041, 7, 2), old.checks());
        VerificationAttributes.recordChipProof(user, renewed);
        assertThat(VerificationAttributes.of(user).chipCard()).contains(renewed);
        assertThat(VerificationAttributes.of(user, null).chipCard()).contains(renewed);
    }
}
