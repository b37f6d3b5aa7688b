package vn.dinhdanh.idp.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SectorIdentifierTest {

    @Test
    void whenASectorIdentifierIsConfigured_thenItIsTheSector_aUrlGivingItsHost() {
        assertThat(SectorIdentifier.of("Bank.Example", List.of("https://a.example/cb"), "c").value()).isEqualTo("bank.example");
        assertThat(SectorIdentifier.of("https://Bank.Example/sector.json", List.of("https://a.example/cb"), "c").value()).isEqualTo("bank.example");
    }

    @Test
    void whenNothingIsConfigured_thenTheSectorIsTheOneHostOfTheRedirectUris() {
        assertThat(SectorIdentifier.of(null, List.of("https://bank.example/cb", "https://BANK.example/app/*"), "c").value()).isEqualTo("bank.example");
        assertThat(SectorIdentifier.of("  ", List.of("https://bank.example/cb"), "c").value()).isEqualTo("bank.example");
    }

    @Test
    void whenTheRedirectUrisHaveSeveralHosts_noneOrAnUnreadableOne_thenTheSectorIsTheClientItself() {
        assertThat(SectorIdentifier.of(null, List.of("https://a.example/cb", "https://b.example/cb"), "demo-bank").value()).isEqualTo("client:demo-bank");
        assertThat(SectorIdentifier.of(null, List.of(), "demo-bank").value()).isEqualTo("client:demo-bank");
        assertThat(SectorIdentifier.of(null, null, "demo-bank").value()).isEqualTo("client:demo-bank");
        assertThat(SectorIdentifier.of(null, List.of("/relative/cb", "https://a.example/cb"), "x").value()).isEqualTo("client:x");
        assertThat(SectorIdentifier.of(null, List.of("https://a.example/cb", "ht tp://bad uri"), "x").value()).isEqualTo("client:x");
    }

    @Test
    void whenASectorIsBlank_thenItIsRefused() {
        assertThatThrownBy(() -> new SectorIdentifier(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
