package vn.dinhdanh.tests.login;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.openid.connect.sdk.claims.ACR;
import io.restassured.response.Response;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.chipcard.app.VirtualMobileApp;
import vn.dinhdanh.tests.support.AdminApi;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.ChipCardPage;
import vn.dinhdanh.tests.support.DemoBank;
import vn.dinhdanh.tests.support.CitizenLogin;
import vn.dinhdanh.tests.support.DemoCitizens;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.FreshCitizens;
import vn.dinhdanh.tests.support.RelyingParty;
import vn.dinhdanh.tests.support.VirtualCards;

/**
 * Limits per client address and per relying party, set low through the realm's attributes for each test (every test
 * of the suite comes from one address): beyond them the answer is 429 with Retry-After, and the page or the JSON says
 * so; back to the default, the same request goes through again.
 */
class RateLimitTest {

    static DinhdanhServer server;
    static RelyingParty portal;
    static AdminApi admin;

    @BeforeAll
    static void start() {
        server = DinhdanhServer.get();
        portal = RelyingParty.portal(server);
        admin = new AdminApi(server);
    }

    /** Runs {@code request} with the limit set to one per ten minutes until it is refused; the refusal. */
    static Response refusedUnder(String limit, Supplier<Response> request) {
        admin.setRealmAttribute("dinhdanh.limits." + limit, "1/600");
        try {
            for (int i = 0; i < 3; i++) {
                Response answer = request.get();
                if (answer.statusCode() == 429) {
                    assertThat(answer.getHeader("Retry-After")).as("Retry-After").matches("[1-9][0-9]*");
                    assertThat(Long.parseLong(answer.getHeader("Retry-After"))).isLessThanOrEqualTo(600);
                    return answer;
                }
            }
            throw new AssertionError("no 429 under " + limit + " = 1/600");
        } finally {
            admin.setRealmAttribute("dinhdanh.limits." + limit, "");
        }
    }

    static Response chipPage() {
        return new Browser().get(portal.authorize("openid", b -> b.acrValues(List.of(new ACR("high")))).uri().toString());
    }

    @Test
    void whenTooManyChipCardRequestsComeFromOneAddress_thenThePageSays429AndWhenToComeBack() {
        Response refused = refusedUnder("chip.request.address", RateLimitTest::chipPage);
        assertThat(refused.asString()).contains("kc-error-message").doesNotContain("dd-chip-continue").doesNotContain("Exception");
        assertThat(chipPage().statusCode()).as("under the default limit again").isEqualTo(200);
    }

    @Test
    void whenTooManyCardSubmissionsComeFromOneAddress_thenRateLimitedJson() throws Exception {
        ChipCardPage chip = ChipCardPage.of(chipPage());
        String evidence = VirtualMobileApp.evidence(VirtualCards.cardOf(DemoCitizens.CHAU_REVOKED_CARD.pin()), new byte[8]).toString();
        Response refused = refusedUnder("chip.evidence.address", () -> given().contentType("application/json").body(evidence)
                .post(server.realmUrl() + "/chip-card/requests/" + chip.handle() + "/evidence"));
        assertThat(refused.jsonPath().getString("error")).isEqualTo("rate_limited");
    }

    @Test
    void whenARelyingPartyCallsEkycTooOften_thenRateLimitedJson() throws Exception {
        DemoBank.BankToken token = DemoBank.clientCredentialsToken(server, "ekyc");
        Response refused = refusedUnder("ekyc.client", () -> token.post(server.realmUrl() + "/chip-card/ekyc/challenges"));
        assertThat(refused.jsonPath().getString("error")).isEqualTo("rate_limited");
    }

    @Test
    void whenTooManyWrongPasswordsComeFromOneAddress_thenTheLoginPageSays429() {
        Browser browser = new Browser();
        Response[] page = {CitizenLogin.openLoginPage(browser, portal.authorize("openid"))};
        Response refused = refusedUnder("login.address", () -> {
            page[0] = CitizenLogin.submit(browser, page[0], FreshCitizens.unknownPin("036201"), "Sai-Mat-Khau-Dia-Chi-2026");
            return page[0];
        });
        assertThat(refused.asString()).contains("kc-form-login").doesNotContain("Exception");
    }
}
