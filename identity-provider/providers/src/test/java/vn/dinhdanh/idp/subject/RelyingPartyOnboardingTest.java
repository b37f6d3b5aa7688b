package vn.dinhdanh.idp.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.idp.consent.Purpose;
import vn.dinhdanh.idp.consent.RelyingPartyPurposes;
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

    @Test
    void whenABankOrTelecomIsOnboarded_thenItAsksConsentForTheStandardPurposes_limitedToItsScopes() throws Exception {
        ObjectNode bank = RelyingPartyOnboarding.client(new Request("bank", "example-bank", "https://online.example-bank.vn/cb",
                "https://online.example-bank.vn/jwks.json", null, false, false));
        assertThat(bank.path("consentRequired").asBoolean()).isTrue();
        var purposes = RelyingPartyPurposes.parse(bank.path("attributes").path(RelyingPartyPurposes.ATTRIBUTE).asText());
        assertThat(purposes).extracting(Purpose::id).containsExactly("account-opening", "residence", "contact");
        assertThat(purposes.get(0).claims()).as("no eKYC scope without --ekyc").contains("verified_claims").doesNotContain("ekyc");
        assertThat(bank.path("attributes").has(RelyingPartyPurposes.LEGAL_BASIS_ATTRIBUTE)).isFalse();

        ObjectNode telecom = RelyingPartyOnboarding.client(new Request("telecom", "example-mobile", "https://id.example-mobile.vn/cb",
                "https://id.example-mobile.vn/jwks.json", null, false, false));
        assertThat(RelyingPartyPurposes.parse(telecom.path("attributes").path(RelyingPartyPurposes.ATTRIBUTE).asText()))
                .extracting(Purpose::id).containsExactly("subscriber-registration", "contact");
    }

    @Test
    void whenAGovernmentPortalIsOnboarded_thenItActsUnderALegalBasisWithoutConsent() throws Exception {
        ObjectNode portal = RelyingPartyOnboarding.client(new Request("government", "tinh-ha-noi", "https://dichvucong.hanoi.gov.vn/cb",
                null, null, false, false, null, "vn-decree-59-2022:online-public-services"));
        assertThat(portal.path("consentRequired").asBoolean()).isFalse();
        assertThat(portal.path("attributes").path(RelyingPartyPurposes.LEGAL_BASIS_ATTRIBUTE).asText()).isEqualTo("vn-decree-59-2022:online-public-services");
        assertThat(RelyingPartyOnboarding.summary(portal)).contains("no consent asked, legal basis vn-decree-59-2022:online-public-services");
    }

    @Test
    void whenTheDeclaredPurposesAreBad_thenTheyAreRefusedWithWhatToChange() {
        String needsCitizenId = """
                [{"id":"kyc","title":{"vi":"a","en":"a"},"description":{"vi":"b","en":"b"},"claims":["personal_id_number"]}]""";
        assertThatThrownBy(() -> RelyingPartyOnboarding.client(new Request("bank", "x-bank", "https://x.vn/cb", "https://x.vn/j", null, false, false,
                needsCitizenId, null))).hasMessageContaining("needs personal_id_number, whose scope citizen_id a bank does not get");
        assertThatThrownBy(() -> RelyingPartyOnboarding.client(new Request("bank", "x-bank", "https://x.vn/cb", "https://x.vn/j", null, false, false,
                "[{\"id\":\"x\"}]", null))).hasMessageContaining("--purposes");
        assertThatThrownBy(() -> RelyingPartyOnboarding.client(new Request("bank", "x-bank", "https://x.vn/cb", "https://x.vn/j", null, false, false,
                null, "some-basis"))).hasMessageContaining("--legal-basis is for government portals");
    }
}
