package vn.dinhdanh.tests.login;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.CitizenLogin;
import vn.dinhdanh.tests.support.CitizenRegistration;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.FreshCitizens;
import vn.dinhdanh.tests.support.Pages;
import vn.dinhdanh.tests.support.RelyingParty;

/**
 * Oracles replayed: wrong passwords must not tell which personal ID numbers have an account (Keycloak locks, and
 * says so, only accounts that exist), and token errors must not quote Java exceptions.
 */
class SameAnswerForEveryNumberTest {

    static final String PASSWORD = "Cung-Mot-Cau-Tra-Loi-2026";
    static DinhdanhServer server;
    static RelyingParty portal;

    @BeforeAll
    static void start() {
        server = DinhdanhServer.get();
        portal = RelyingParty.portal(server);
    }

    /** Status and the message under the number field, for each of four quick wrong passwords on one login page. */
    static List<String> answersToWrongPasswords(String number) {
        Browser browser = new Browser();
        Response page = CitizenLogin.openLoginPage(browser, portal.authorize("openid"));
        List<String> answers = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            page = CitizenLogin.submit(browser, page, number, "Sai-Mat-Khau-" + i + "-2026");
            answers.add(page.statusCode() + " " + Pages.fieldError(page.asString(), "username").orElse("(no message)"));
        }
        return answers;
    }

    @Test
    void whenWrongPasswordsAreTypedQuickly_thenAnAccountARegistryCitizenWithoutOneAndAnUnknownNumberGetTheSameAnswersInTheSameOrder() {
        String account = CitizenRegistration.registerFresh(server, portal, PASSWORD).pin();
        String withoutAccount = FreshCitizens.next().pin();
        String unknown = FreshCitizens.unknownPin("079095");

        List<String> forAccount = answersToWrongPasswords(account);
        List<String> forCitizen = answersToWrongPasswords(withoutAccount);
        List<String> forUnknown = answersToWrongPasswords(unknown);

        assertThat(forAccount.get(0)).as("first: a wrong password").startsWith("200 ").doesNotContain("tạm thời bị khoá");
        assertThat(forAccount.get(3)).as("typed this fast, the login pauses").contains("tạm thời bị khoá");
        assertThat(forCitizen).as("a registry citizen without an account").isEqualTo(forAccount);
        assertThat(forUnknown).as("a number the registry does not know").isEqualTo(forAccount);
    }

    @Test
    void whenAClientAssertionIsNotAJwt_thenTheTokenErrorSaysSoInWordsWithoutAJavaException() {
        Response answer = given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "demo-bank")
                .formParam("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                .formParam("client_assertion", "a.b.c")
                .post(server.realmUrl() + "/protocol/openid-connect/token");
        assertThat(answer.statusCode()).isBetween(400, 401);
        assertThat(answer.jsonPath().getString("error")).isEqualTo("invalid_client");
        assertThat(answer.jsonPath().getString("error_description")).isNotBlank()
                .doesNotContain("java.").doesNotContain("Exception").doesNotContain("byte[]");
    }
}
