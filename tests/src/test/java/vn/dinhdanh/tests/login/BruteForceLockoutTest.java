package vn.dinhdanh.tests.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.tests.support.AdminApi;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.CitizenLogin;
import vn.dinhdanh.tests.support.CitizenRegistration;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.FreshCitizens;
import vn.dinhdanh.tests.support.RelyingParty;

/** Brute-force protection (realm failureFactor 5): repeated wrong passwords lock the account for a while. */
class BruteForceLockoutTest {

    static final String PASSWORD = "Khoa-Tam-Thoi-2026";

    static DinhdanhServer server;
    static RelyingParty portal;
    static AdminApi admin;

    @BeforeAll
    static void start() {
        server = DinhdanhServer.get();
        portal = RelyingParty.portal(server);
        admin = new AdminApi(server);
    }

    @Test
    void whenFiveWrongPasswordsAreTyped_thenTheRightPasswordNoLongerLogsInAndTheAdminSeesTheUserDisabled() {
        // A citizen of this test only: registered here, so that locking it disturbs no other test.
        FreshCitizens.Citizen citizen = CitizenRegistration.registerFresh(server, portal, PASSWORD);
        String userId = admin.userId(citizen.pin()).orElseThrow();
        assertThat(admin.bruteForceStatus(userId).getBoolean("disabled")).isFalse();

        Browser browser = new Browser();
        RelyingParty.Attempt attempt = portal.authorize("openid");
        Response page = CitizenLogin.openLoginPage(browser, attempt);
        for (int i = 1; i <= 5; i++) {
            page = CitizenLogin.submit(browser, page, citizen.pin(), "Sai-Mat-Khau-" + i);
            assertThat(page.statusCode()).as("wrong password %d: the login form again", i).isEqualTo(200);
            assertThat(page.asString()).contains("kc-form-login");
        }

        Response right = CitizenLogin.submit(browser, page, citizen.pin(), PASSWORD);
        assertThat(right.getHeader("Location")).as("no redirect, no code").isNull();
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.asString()).contains("kc-form-login");

        Browser other = new Browser();
        Response elsewhere = CitizenLogin.submit(other, CitizenLogin.openLoginPage(other, portal.authorize("openid")), citizen.pin(), PASSWORD);
        assertThat(elsewhere.getHeader("Location")).as("not from a fresh browser either").isNull();

        JsonPath status = admin.bruteForceStatus(userId);
        assertThat(status.getBoolean("disabled")).as("attack detection: %s", status.prettify()).isTrue();
        assertThat(status.getInt("numFailures")).isPositive();
    }
}
