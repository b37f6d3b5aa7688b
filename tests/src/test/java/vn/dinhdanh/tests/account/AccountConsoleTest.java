package vn.dinhdanh.tests.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.CitizenLogin;
import vn.dinhdanh.tests.support.DemoCitizens;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.RelyingParty;

/** The account console's own API answers a citizen with their registry attributes and account level. */
class AccountConsoleTest {

    @Test
    void whenACitizenOpensTheAccountConsole_thenItsApiShowsTheAccountLevel() {
        DinhdanhServer server = DinhdanhServer.get();
        RelyingParty console = new RelyingParty(server, "account-console", server.realmUrl() + "/account/", (ClientAuthentication) null);
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = console.authorize("openid");
        AuthorizationCode code = CitizenLogin.login(browser, console, attempt, DemoCitizens.NGOC.pin(), DemoCitizens.NGOC.password());
        AccessTokenResponse tokens = console.exchange(code, attempt.verifier()).toSuccessResponse();

        JsonPath account = given().auth().oauth2(tokens.getTokens().getAccessToken().getValue()).accept("application/json")
                .get(server.realmUrl() + "/account/").then().statusCode(200).extract().jsonPath();
        assertThat(account.getString("username")).isEqualTo(DemoCitizens.NGOC.pin());
        // level 1 from registration, or 2 if another test in this run proved her card
        assertThat(account.getList("attributes.account_level", String.class)).hasSize(1).allSatisfy(level -> assertThat(level).isIn("1", "2"));
    }
}
