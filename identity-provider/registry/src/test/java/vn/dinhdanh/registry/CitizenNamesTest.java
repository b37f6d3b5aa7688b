package vn.dinhdanh.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

class CitizenNamesTest {

    @Test
    void whenDifferentCaseAndSpacing_thenSameName() {
        assertThat(CitizenNames.sameName("nguyễn  văn an", "Nguyễn Văn An")).isTrue();
        assertThat(CitizenNames.sameName("  NGUYỄN VĂN AN ", "Nguyễn Văn An")).isTrue();
        assertThat(CitizenNames.sameName("Đặng\tThị\u00A0Hà", "đặng thị hà")).isTrue();
    }

    @Test
    void whenOneIsDecomposed_thenSameName() {
        String nfd = Normalizer.normalize("Nguyễn Văn An", Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo("Nguyễn Văn An");

        assertThat(CitizenNames.sameName(nfd, "nguyễn văn an")).isTrue();
        assertThat(CitizenNames.normalise(nfd)).isEqualTo("Nguyễn Văn An");
    }

    @Test
    void whenDiacriticsDiffer_thenDifferentNames() {
        assertThat(CitizenNames.sameName("Nguyen Van An", "Nguyễn Văn An")).isFalse();
        assertThat(CitizenNames.sameName("Lê Văn Hùng", "Lê Văn Hưng")).isFalse();
        assertThat(CitizenNames.sameName("Dang", "Đang")).isFalse();
    }

    @Test
    void whenNull_thenNotTheSameName() {
        assertThat(CitizenNames.sameName(null, "An")).isFalse();
        assertThat(CitizenNames.sameName(null, null)).isFalse();
        assertThat(CitizenNames.normalise(null)).isEmpty();
    }

    @Test
    void whenNormalised_thenCaseIsKeptAndSpacesCollapsed() {
        assertThat(CitizenNames.normalise("  Trần   Thị Bích  Ngọc ")).isEqualTo("Trần Thị Bích Ngọc");
        assertThat(CitizenNames.comparisonKey("Trần Thị BÍCH Ngọc")).isEqualTo("trần thị bích ngọc");
    }
}
