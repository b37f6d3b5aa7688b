package vn.dinhdanh.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CitizenTest {

    private static Citizen citizen(String name, LifeStatus status) throws Exception {
        return new Citizen(PersonalIdNumber.parse("079195012346"), name, PartialDate.parse("1995-07-02"), Sex.FEMALE,
                "Việt Nam", "Kinh", "Không", "Hồ Chí Minh", "Phường Bến Nghé, Quận 1, Hồ Chí Minh", status);
    }

    @Test
    void whenVietnameseName_thenFamilyNameFirstAndGivenNameTheRest() throws Exception {
        Citizen c = citizen("Trần Thị Bích Ngọc", LifeStatus.LIVING);

        assertThat(c.familyName()).isEqualTo("Trần");
        assertThat(c.givenName()).isEqualTo("Thị Bích Ngọc");
        assertThat(c.isDeceased()).isFalse();
    }

    @Test
    void whenNameIsDecomposedOrPadded_thenStoredInNfcWithSingleSpaces() throws Exception {
        Citizen c = citizen(" " + Normalizer.normalize("Trần  Thị Bích Ngọc", Normalizer.Form.NFD), LifeStatus.LIVING);

        assertThat(c.fullName()).isEqualTo("Trần Thị Bích Ngọc");
        assertThat(Normalizer.isNormalized(c.fullName(), Normalizer.Form.NFC)).isTrue();
    }

    @Test
    void whenOneWordName_thenGivenNameIsEmpty() throws Exception {
        assertThat(citizen("Ngọc", LifeStatus.LIVING).givenName()).isEmpty();
    }

    @Test
    void whenDeceased_thenIsDeceased() throws Exception {
        assertThat(citizen("Lê Văn Hùng", LifeStatus.DECEASED).isDeceased()).isTrue();
    }

    @Test
    void whenNameEmpty_thenRejected() {
        assertThatThrownBy(() -> citizen("  ", LifeStatus.LIVING)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenPrinted_thenNoPersonalData() throws Exception {
        Citizen c = citizen("Trần Thị Bích Ngọc", LifeStatus.LIVING);
        IdentityCard card = new IdentityCard("079195012346", LocalDate.of(2022, 1, 10), null, CardStatus.VALID);

        assertThat(c.toString()).doesNotContain("Trần", "079195012346", "1995", "Bến Nghé");
        assertThat(card.toString()).doesNotContain("079195012346", "2022").contains("079*******46");
    }

    @Test
    void whenCardValidAndNotExpired_thenUsable() {
        IdentityCard card = new IdentityCard("001090012345", LocalDate.of(2021, 4, 1), LocalDate.of(2030, 3, 15),
                CardStatus.VALID);

        assertThat(card.isUsableOn(LocalDate.of(2026, 1, 1))).isTrue();
        assertThat(card.isUsableOn(LocalDate.of(2030, 3, 15))).isTrue();
        assertThat(card.isUsableOn(LocalDate.of(2030, 3, 16))).isFalse();
    }

    @Test
    void whenCardHasNoExpiry_thenUsableForever() {
        IdentityCard card = new IdentityCard("001045000777", LocalDate.of(2021, 6, 1), null, CardStatus.VALID);

        assertThat(card.isUsableOn(LocalDate.of(2199, 1, 1))).isTrue();
    }

    @Test
    void whenCardNotValid_thenNotUsable() {
        for (CardStatus status : new CardStatus[] { CardStatus.REPORTED_LOST, CardStatus.REVOKED,
                CardStatus.REPLACED }) {
            IdentityCard card = new IdentityCard("048302004321", LocalDate.of(2021, 9, 9), null, status);
            assertThat(card.isUsableOn(LocalDate.of(2026, 1, 1))).as(status.name()).isFalse();
        }
    }

    @Test
    void whenExpiryBeforeIssue_thenRejected() {
        assertThatThrownBy(() -> new IdentityCard("001090012345", LocalDate.of(2021, 4, 1),
                LocalDate.of(2021, 3, 31), CardStatus.VALID)).isInstanceOf(IllegalArgumentException.class);
    }
}
