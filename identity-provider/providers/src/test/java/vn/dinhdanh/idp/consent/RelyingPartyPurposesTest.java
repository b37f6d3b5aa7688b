package vn.dinhdanh.idp.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RelyingPartyPurposesTest {

    static final String TWO = """
            [{"id":"account-opening","title":{"vi":"Mở tài khoản","en":"Opening an account"},
              "description":{"vi":"Xác minh khách hàng","en":"Knowing the customer"},"claims":["name","birthdate","verified_claims"]},
             {"id":"contact","title":{"vi":"Liên lạc","en":"Contact"},"description":{"vi":"Gọi điện","en":"Calls"},"claims":["phone_number"]}]""";

    @Test
    void whenADeclarationIsRead_thenEachPurposeHasItsTextsClaimsAndTheScopesItNeeds() {
        List<Purpose> purposes = RelyingPartyPurposes.parse(TWO);
        assertThat(purposes).extracting(Purpose::id).containsExactly("account-opening", "contact");
        assertThat(purposes.get(0).scopes()).containsExactly("profile", "verified-claims");
        assertThat(purposes.get(1).scopes()).containsExactly("phone");
        assertThat(purposes.get(0).title(Locale.forLanguageTag("en"))).isEqualTo("Opening an account");
        assertThat(purposes.get(0).title(Locale.forLanguageTag("fr"))).as("Vietnamese, the realm's default").isEqualTo("Mở tài khoản");
    }

    @Test
    void whenADeclarationIsBad_thenItIsRefusedSayingWhy() {
        assertThatThrownBy(() -> RelyingPartyPurposes.parse("{")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> RelyingPartyPurposes.parse("[]")).hasMessageContaining("non-empty JSON array");
        assertThatThrownBy(() -> RelyingPartyPurposes.parse(TWO.replace("\"contact\"", "\"account-opening\""))).hasMessageContaining("must be unique");
        assertThatThrownBy(() -> RelyingPartyPurposes.parse(TWO.replace("Bad", "").replace("\"id\":\"contact\"", "\"id\":\"Con tact\"")))
                .hasMessageContaining("[a-z0-9-]");
        assertThatThrownBy(() -> RelyingPartyPurposes.parse(TWO.replace("\"phone_number\"", "\"face_image\""))).hasMessageContaining("unknown claim 'face_image'");
        assertThatThrownBy(() -> RelyingPartyPurposes.parse(TWO.replace("\"en\":\"Calls\"", "\"fr\":\"Appels\""))).hasMessageContaining("needs both vi and en");
        assertThatThrownBy(() -> RelyingPartyPurposes.parse(TWO.replace("[\"phone_number\"]", "[]"))).hasMessageContaining("names no claims");
    }
}
