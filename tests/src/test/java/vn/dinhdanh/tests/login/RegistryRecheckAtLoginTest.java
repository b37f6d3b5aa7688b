package vn.dinhdanh.tests.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.tests.support.AdminApi;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.CitizenLogin;
import vn.dinhdanh.tests.support.CitizenRegistration;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.FreshCitizens;
import vn.dinhdanh.tests.support.FreshCitizens.Citizen;
import vn.dinhdanh.tests.support.Pages;
import vn.dinhdanh.tests.support.RelyingParty;

/**
 * Every login re-checks the population registry, so a change recorded there after the account was created (through
 * the registry's CSV import on the running server) shows at the citizen's next login.
 */
class RegistryRecheckAtLoginTest {

    static final String PASSWORD = "Kiem-Tra-Lai-2026";

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
    void whenTheRegistryRecordsACitizenAsDeceasedAfterRegistration_thenTheirNextLoginIsRefused() {
        Citizen citizen = CitizenRegistration.registerFresh(server, portal, PASSWORD);
        RelyingParty.Attempt first = portal.authorize("openid");
        CitizenLogin.login(new Browser(), portal, first, citizen.pin(), PASSWORD);

        update(citizen.csvLineWith(Citizen.LIFE_STATUS, "DECEASED"));

        Set<String> before = admin.eventIds("LOGIN_ERROR");
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = portal.authorize("openid", b -> b.customParameter("ui_locales", "en"));
        Response answer = CitizenLogin.submit(browser, CitizenLogin.openLoginPage(browser, attempt), citizen.pin(), PASSWORD);
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.getHeader("Location")).isNull();
        assertThat(Pages.text(answer.asString())).contains("the population database records its holder as deceased");
        admin.awaitNewEvent("LOGIN_ERROR", before, e -> "citizen_deceased".equals(e.get("error")), "a citizen_deceased LOGIN_ERROR");
    }

    @Test
    void whenTheRegistryRecordsACitizenAsDeceasedDuringTheirSsoSession_thenTheSessionGetsNoNewCode() {
        Citizen citizen = CitizenRegistration.registerFresh(server, portal, PASSWORD);
        Browser browser = new Browser();
        RelyingParty.Attempt first = portal.authorize("openid");
        CitizenLogin.login(browser, portal, first, citizen.pin(), PASSWORD);

        update(citizen.csvLineWith(Citizen.LIFE_STATUS, "DECEASED"));

        // A new login to a relying party, answered from the SSO cookie (Keycloak records it as a LOGIN event too).
        RelyingParty.Attempt again = portal.authorize("openid", b -> b.customParameter("ui_locales", "en"));
        Response answer = browser.get(again.uri().toString());
        String location = answer.getHeader("Location");
        assertThat(location == null ? null : Browser.queryParam(location, "code"))
                .as("a code for a citizen the registry records as deceased (status %d)", answer.statusCode()).isNull();
    }

    @Test
    void whenTheRegistryChangesAPlaceOfResidence_thenTheNextLoginReleasesTheNewAddress() {
        Citizen citizen = CitizenRegistration.registerFresh(server, portal, PASSWORD);
        String moved = "Phường Kiểm Thử, Quận Một, Hà Nội";

        update(citizen.csvLineWith(Citizen.PLACE_OF_RESIDENCE, moved));

        RelyingParty.Attempt attempt = portal.authorize("openid address");
        AuthorizationCode code = CitizenLogin.login(new Browser(), portal, attempt, citizen.pin(), PASSWORD);
        AccessTokenResponse tokens = portal.exchange(code, attempt.verifier()).toSuccessResponse();
        assertThat(portal.userInfo(tokens.getTokens().getAccessToken()).getAddress().getFormatted()).isEqualTo(moved);
    }

    private static void update(String csvLine) {
        JsonPath summary = admin.importCitizens(Citizen.HEADER + "\n" + csvLine + "\n");
        assertThat(summary.getLong("rowsWritten")).as("import summary %s", summary.prettify()).isEqualTo(1);
    }
}
