package vn.dinhdanh.idp.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.idp.subject.RelyingPartyOnboarding.InvalidOnboardingRequestException;
import vn.dinhdanh.idp.subject.RelyingPartyOnboarding.Request;

class RelyingPartyOnboardingTest {

    @Test
    void whenABankIsOnboarded_thenItGetsTheFapiAttributes_aSectorFromItsRedirectHost_andNoCitizenId() throws Exception {
        ObjectNode bank = RelyingPartyOnboarding.client(new Request("bank", "example-bank", "https://online.example-bank.vn/cb",
                "https://online.example-bank.vn/jwks.json", null, false, true));

        assertThat(bank.path("clientAuthenticatorType").asText()).isEqualTo("client-jwt");
        assertThat(bank.path("attributes").path("dinhdanh.client.type").asText()).isEqualTo("bank");
        assertThat(bank.path("attributes").path("dinhdanh.sector.identifier").asText()).isEqualTo("online.example-bank.vn");
        assertThat(bank.path("attributes").path("require.pushed.authorization.requests").asText()).isEqualTo("true");
        assertThat(bank.path("attributes").path("dpop.bound.access.tokens").asText()).isEqualTo("true");
        assertThat(bank.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(bank.path("optionalClientScopes").toString()).contains("ekyc").doesNotContain("citizen_id");
        assertThat(RelyingPartyOnboarding.summary(bank)).contains("pairwise sub for sector online.example-bank.vn");
    }

    @Test
    void whenAGovernmentPortalIsOnboarded_thenItIsAnOAuth21ClientWithThePublicSub() throws Exception {
        ObjectNode portal = RelyingPartyOnboarding.client(new Request("government", "tinh-ha-noi", "https://dichvucong.hanoi.gov.vn/cb",
                null, null, false, false));

        assertThat(portal.path("clientAuthenticatorType").asText()).isEqualTo("client-secret");
        assertThat(portal.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(portal.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(portal.path("attributes").path("dinhdanh.government").asText()).isEqualTo("true");
        assertThat(portal.path("attributes").has("dinhdanh.sector.identifier")).isFalse();
        assertThat(RelyingPartyOnboarding.summary(portal)).contains("public sub");
    }

    @Test
    void whenTheRequestIsBad_thenItIsRefusedWithWhatToChange() {
        assertThatThrownBy(() -> RelyingPartyOnboarding.client(new Request("insurer", "x-co", "https://x.vn/cb", null, null, false, false)))
                .isInstanceOf(InvalidOnboardingRequestException.class).hasMessageContaining("--type must be one of");
        assertThatThrownBy(() -> RelyingPartyOnboarding.client(new Request("bank", "Bad Id", "https://x.vn/cb", "https://x.vn/j", null, false, false)))
                .hasMessageContaining("--client-id");
        assertThatThrownBy(() -> RelyingPartyOnboarding.client(new Request("bank", "x-bank", "http://x.vn/cb", "https://x.vn/j", null, false, false)))
                .hasMessageContaining("--redirect-uri must be an absolute https URL");
        assertThatThrownBy(() -> RelyingPartyOnboarding.client(new Request("bank", "x-bank", "https://x.vn/*", "https://x.vn/j", null, false, false)))
                .hasMessageContaining("without a fragment or a wildcard");
        assertThatThrownBy(() -> RelyingPartyOnboarding.client(new Request("telecom", "x-tel", "https://x.vn/cb", null, null, false, false)))
                .hasMessageContaining("--jwks-url");
        assertThatThrownBy(() -> RelyingPartyOnboarding.client(new Request("bank", "x-bank", "https://x.vn/cb", "https://x.vn/j", null, true, false)))
                .hasMessageContaining("confidential");
        assertThatThrownBy(() -> RelyingPartyOnboarding.client(new Request("government", "x-gov", "https://x.vn/cb", null, "x.vn", false, false)))
                .hasMessageContaining("public sub");
        assertThatThrownBy(() -> RelyingPartyOnboarding.client(new Request("government", "x-gov", "ht tp://%%", null, null, false, false)))
                .hasMessageContaining("--redirect-uri");
    }
}
