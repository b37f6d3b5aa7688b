package vn.dinhdanh.tests.login;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * Typing a citizen's number is no proof: a password attempt or a registration the registry refuses copies nothing
 * of the citizen's registry record into Keycloak. The account comes into being with the registration that matches.
 */
class NoAccountWithoutProofTest {

    static final String PASSWORD = "No-Proof-No-Account-2026";
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
    void whenSomeoneTypesTheNumberOfACitizenWithoutAnAccount_thenNoAccountIsMadeUntilTheRegistrationMatches() {
        FreshCitizens.Citizen citizen = FreshCitizens.next();

        Browser browser = new Browser();
        Response refused = CitizenLogin.submit(browser, CitizenLogin.openLoginPage(browser, portal.authorize("openid")), citizen.pin(), PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.asString()).contains("kc-form-login");
        assertThat(admin.userId(citizen.pin())).as("no account after a password attempt").isEmpty();

        Response mismatch = CitizenRegistration.register(new Browser(), portal.authorize("openid"),
                CitizenRegistration.Form.of(citizen, PASSWORD).withFullName("Nguyễn Văn Không Phải"));
        assertThat(mismatch.statusCode()).isEqualTo(200);
        assertThat(admin.userId(citizen.pin())).as("no account after a registration the registry refused").isEmpty();

        CitizenRegistration.register(server, portal, citizen, PASSWORD);
        assertThat(admin.userId(citizen.pin())).as("the account of the matched registration").isPresent();
    }
}
