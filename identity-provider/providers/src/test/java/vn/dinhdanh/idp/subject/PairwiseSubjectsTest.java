package vn.dinhdanh.idp.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PairwiseSubjectsTest {

    static final String SALT = "test-salt-" + "s".repeat(32);
    static final String ACCOUNT = "6f1c2a34-0d7e-4c41-9f7a-2b1c3d4e5f60";

    @Test
    void whenTheSectorAndAccountAreTheSame_thenTheSubjectIsTheSame_andIsNotTheAccountId() {
        String once = new PairwiseSubjects(SALT).subject(new SectorIdentifier("bank.example"), ACCOUNT);
        assertThat(new PairwiseSubjects(SALT).subject(new SectorIdentifier("bank.example"), ACCOUNT)).isEqualTo(once);
        assertThat(once).isNotEqualTo(ACCOUNT).doesNotContain(ACCOUNT).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void whenTheSectorTheAccountOrTheSaltDiffers_thenTheSubjectDiffers() {
        PairwiseSubjects subjects = new PairwiseSubjects(SALT);
        String bank = subjects.subject(new SectorIdentifier("bank.example"), ACCOUNT);
        assertThat(subjects.subject(new SectorIdentifier("telecom.example"), ACCOUNT)).isNotEqualTo(bank);
        assertThat(subjects.subject(new SectorIdentifier("bank.example"), ACCOUNT + "0")).isNotEqualTo(bank);
        assertThat(new PairwiseSubjects(SALT + "x").subject(new SectorIdentifier("bank.example"), ACCOUNT)).isNotEqualTo(bank);
        // the separator keeps sector and account apart: ("ab", "c") and ("a", "bc") differ
        assertThat(subjects.subject(new SectorIdentifier("ab"), "c")).isNotEqualTo(subjects.subject(new SectorIdentifier("a"), "bc"));
    }

    @Test
    void whenTheSaltIsMissingOrShort_thenItIsRefused() {
        assertThatThrownBy(() -> new PairwiseSubjects(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PairwiseSubjects("s".repeat(31))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32");
    }
}
