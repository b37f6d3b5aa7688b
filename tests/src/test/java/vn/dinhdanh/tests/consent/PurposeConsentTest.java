package vn.dinhdanh.tests.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.tests.support.AdminApi;
import vn.dinhdanh.tests.support.BackChannelLogoutReceiver;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.CitizenLogin;
import vn.dinhdanh.tests.support.CitizenRegistration;
import vn.dinhdanh.tests.support.DemoBank;
import vn.dinhdanh.tests.support.DemoTelecom;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.FreshCitizens;
import vn.dinhdanh.tests.support.Poll;
import vn.dinhdanh.tests.support.RelyingParty;

/**
 * Consent per purpose (Law 91/2025) against the running server: the demo telecom and the demo bank declare purposes in
 * realm-config; the page asks for each, nothing ticked; what is given, refused and withdrawn is recorded with the
 * wording shown, and the relying party receives only the claims of the purposes given. Government portals act under a
 * legal basis and ask nothing. Each test uses a citizen of its own, registered now.
 */
class PurposeConsentTest {

    static final String PASSWORD = "Consent-Test-2026!";
    static DinhdanhServer server;
    static RelyingParty portal;
    static RelyingParty telecom;
    static RelyingParty bank;
    static BackChannelLogoutReceiver backChannel;

    @BeforeAll
    static void start() {
        server = DinhdanhServer.get();
        backChannel = new BackChannelLogoutReceiver(new AdminApi(server)).register(DemoBank.CLIENT_ID);
        portal = RelyingParty.portal(server);
        telecom = DemoTelecom.withDemoKey(server);
        bank = DemoBank.withDemoKey(server);
    }

    @AfterAll
    static void stop() {
        backChannel.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void whenTheCitizenTicksOnePurposeOfTwo_thenOnlyItsClaimsAreReleasedAndBothDecisionsAreRecordedWithTheirWording() throws Exception {
        FreshCitizens.Citizen citizen = CitizenRegistration.registerFresh(server, portal, PASSWORD);
        Browser browser = new Browser().decidingConsentItself();
        RelyingParty.Attempt attempt = telecom.authorize("openid profile phone");
        Response page = consentPage(browser, attempt, citizen.pin());

        assertThat(Browser.purposesAsked(page)).containsExactly("subscriber-registration", "contact");
        assertThat(page.asString()).contains("Đăng ký thông tin thuê bao chính chủ", "Số điện thoại di động", "Chia sẻ cho các mục đích đã đánh dấu")
                .doesNotContain("checked");

        AuthorizationCode code = CitizenLogin.codeFrom(telecom, attempt, browser.consentTo(page, List.of("subscriber-registration")));
        AccessTokenResponse tokens = telecom.exchange(code, attempt.verifier()).toSuccessResponse();
        assertThat(tokens.getTokens().getAccessToken().getScope().toStringList()).contains("profile").doesNotContain("phone");
        UserInfo info = telecom.userInfo(tokens.getTokens().getAccessToken());
        assertThat(info.getName()).isEqualTo(citizen.fullName());
        assertThat(info.getPhoneNumber()).isNull();

        JsonPath records = records(citizen.pin());
        assertThat(records.getList("consents.findAll { it.client == 'demo-telecom' }.purpose")).containsExactlyInAnyOrder("subscriber-registration", "contact");
        assertThat(records.getString("consents.find { it.purpose == 'subscriber-registration' }.decision")).isEqualTo("given");
        assertThat(records.getString("consents.find { it.purpose == 'contact' }.decision")).isEqualTo("refused");
        Map<String, Object> given = records.getMap("consents.find { it.purpose == 'subscriber-registration' }");
        assertThat(given.get("locale")).isEqualTo("vi");
        assertThat(given.get("source")).isEqualTo("login-page");
        assertThat((String) given.get("wording")).contains("Đăng ký thông tin thuê bao chính chủ", "Họ và tên", "Ngày sinh");
        assertThat(given.get("wordingSha256")).isEqualTo(sha256((String) given.get("wording")));
        assertThat((List<String>) (List<?>) given.get("claims")).contains("name", "birthdate", "verified_claims").doesNotContain("phone_number");

        // the next login asks only for the purpose refused; refusing it again still logs in with the one given
        Browser again = new Browser().decidingConsentItself();
        RelyingParty.Attempt second = telecom.authorize("openid profile phone");
        Response secondPage = consentPage(again, second, citizen.pin());
        assertThat(Browser.purposesAsked(secondPage)).containsExactly("contact");
        assertThat(secondPage.asString()).contains("id=\"dd-consent-already\"");
        AuthorizationCode secondCode = CitizenLogin.codeFrom(telecom, second, again.consentTo(secondPage, List.of()));
        assertThat(telecom.exchange(secondCode, second.verifier()).indicatesSuccess()).isTrue();
    }

    @Test
    void whenTheCitizenSharesNothing_thenTheRelyingPartyGetsAccessDeniedAndClosingThePageRecordsNothing() {
        FreshCitizens.Citizen citizen = CitizenRegistration.registerFresh(server, portal, PASSWORD);
        Browser browser = new Browser().decidingConsentItself();
        RelyingParty.Attempt attempt = telecom.authorize("openid profile");
        Response page = consentPage(browser, attempt, citizen.pin());
        assertThat(records(citizen.pin()).getList("records")).as("a page shown and not answered is no decision").isEmpty();

        Response answer = browser.postForm(Browser.formAction(page.asString(), "dd-consent-form"), Map.of("decision", "refuse", "purpose", "subscriber-registration"));
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.getHeader("Location")).startsWith(telecom.redirectUri().toString());
        assertThat(Browser.queryParam(answer.getHeader("Location"), "error")).isEqualTo("access_denied");
        assertThat(Browser.queryParam(answer.getHeader("Location"), "code")).isNull();
        assertThat(records(citizen.pin()).getString("consents.find { it.purpose == 'subscriber-registration' }.decision")).isEqualTo("refused");
    }

    @Test
    void whenAPurposeIdIsForgedOrNothingIsTicked_thenNothingIsGiven() {
        FreshCitizens.Citizen citizen = CitizenRegistration.registerFresh(server, portal, PASSWORD);
        Browser browser = new Browser().decidingConsentItself();
        RelyingParty.Attempt attempt = telecom.authorize("openid profile");
        Response page = consentPage(browser, attempt, citizen.pin());
        Response answer = browser.postForm(Browser.formAction(page.asString(), "dd-consent-form"), Map.of("decision", "share", "purpose", "<script>x</script>"));
        assertThat(Browser.queryParam(answer.getHeader("Location"), "error")).isEqualTo("access_denied");
        assertThat(records(citizen.pin()).getList("consents.decision")).containsOnly("refused");
    }

    @Test
    void whenTheCitizenWithdrawsAPurposeThroughTheConsentApi_thenTheBanksRefreshAndUserinfoFailAndTheWithdrawalIsRecorded() throws Exception {
        FreshCitizens.Citizen citizen = CitizenRegistration.registerFresh(server, portal, PASSWORD);
        RelyingParty.Attempt attempt = bank.authorize("openid profile");
        Browser browser = new Browser().decidingConsentItself();
        Response page = consentPage(browser, attempt, citizen.pin());
        assertThat(Browser.purposesAsked(page)).as("address and phone were not asked for").containsExactly("account-opening");
        AuthorizationCode code = CitizenLogin.codeFrom(bank, attempt, browser.consentTo(page, List.of("account-opening")));
        AccessTokenResponse tokens = bank.exchange(code, attempt.verifier()).toSuccessResponse();
        assertThat(bank.userInfo(tokens.getTokens().getAccessToken()).getName()).isEqualTo(citizen.fullName());
        TokenResponse refreshed = bank.token(new RefreshTokenGrant(tokens.getTokens().getRefreshToken()));
        assertThat(refreshed.indicatesSuccess()).as("refresh before the withdrawal: %s", refreshed).isTrue();
        AccessTokenResponse current = refreshed.toSuccessResponse();

        String account = accountToken(citizen.pin());
        String bankSub = bank.validate(((com.nimbusds.openid.connect.sdk.OIDCTokenResponse) tokens).getOIDCTokens().getIDToken(), attempt.nonce())
                .getSubject().getValue();
        int before = backChannel.tokens().size();
        Response withdrawal = given().auth().oauth2(account).delete(server.realmUrl() + "/dinhdanh-consents/demo-bank/account-opening");
        assertThat(withdrawal.statusCode()).as("withdrawal answered %s", withdrawal.asString()).isEqualTo(204);

        TokenResponse afterWithdrawal = bank.token(new RefreshTokenGrant(current.getTokens().getRefreshToken()));
        assertThat(afterWithdrawal.indicatesSuccess()).isFalse();
        assertThat(afterWithdrawal.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
        var userinfo = UserInfoResponse.parse(bank.userInfoRequest(current.getTokens().getAccessToken()).send());
        assertThat(userinfo.indicatesSuccess()).as("userinfo after the withdrawal").isFalse();
        assertThat(backChannel.firstFor(DemoBank.CLIENT_ID, before)).as("the bank is told at once, by back-channel logout").isPresent()
                .get().satisfies(token -> assertThat(token.getSubject()).isEqualTo(bankSub));

        JsonPath records = records(citizen.pin());
        assertThat(records.getString("consents.find { it.client == 'demo-bank' }.decision")).isEqualTo("withdrawn");
        assertThat(records.getString("consents.find { it.client == 'demo-bank' }.source")).isEqualTo("consent-api");
        assertThat(records.getList("records.decision")).containsExactly("given", "withdrawn");
        given().auth().oauth2(account).delete(server.realmUrl() + "/dinhdanh-consents/demo-bank/account-opening")
                .then().statusCode(404).body("error", org.hamcrest.Matchers.equalTo("consent_not_found"));

        // the next login asks again
        Browser next = new Browser().decidingConsentItself();
        assertThat(Browser.purposesAsked(consentPage(next, bank.authorize("openid profile"), citizen.pin()))).containsExactly("account-opening");
    }

    @Test
    void whenTheCitizenRemovesAccessInTheAccountConsole_thenTheConsentsAreRecordedWithdrawnAndRefreshFails() {
        FreshCitizens.Citizen citizen = CitizenRegistration.registerFresh(server, portal, PASSWORD);
        RelyingParty.Attempt attempt = telecom.authorize("openid profile phone");
        AuthorizationCode code = CitizenLogin.login(new Browser(), telecom, attempt, citizen.pin(), PASSWORD);
        AccessTokenResponse tokens = telecom.exchange(code, attempt.verifier()).toSuccessResponse();

        String account = accountToken(citizen.pin());
        JsonPath applications = given().auth().oauth2(account).accept("application/json").get(server.realmUrl() + "/account/applications")
                .then().statusCode(200).extract().jsonPath();
        assertThat(applications.getList("find { it.clientId == 'demo-telecom' }.consent.grantedScopes.name", String.class))
                .as("the account console lists the consent").contains("${profileScopeConsentText}", "${phoneScopeConsentText}");

        given().auth().oauth2(account).accept("application/json").delete(server.realmUrl() + "/account/applications/demo-telecom/consent").then().statusCode(204);

        assertThat(telecom.token(new RefreshTokenGrant(tokens.getTokens().getRefreshToken())).indicatesSuccess()).isFalse();
        JsonPath records = records(citizen.pin());
        assertThat(records.getList("consents.findAll { it.client == 'demo-telecom' }.decision")).containsOnly("withdrawn");
        assertThat(records.getList("consents.findAll { it.client == 'demo-telecom' }.source")).containsOnly("account-console");
    }

    @Test
    void whenAGovernmentPortalLogsTheCitizenIn_thenNoConsentIsAskedUnderItsLegalBasis() {
        FreshCitizens.Citizen citizen = CitizenRegistration.registerFresh(server, portal, PASSWORD);
        Browser browser = new Browser().decidingConsentItself();
        RelyingParty.Attempt attempt = portal.authorize("openid profile");
        Response answer = CitizenLogin.submit(browser, CitizenLogin.openLoginPage(browser, attempt), citizen.pin(), PASSWORD);
        assertThat(Browser.leadsToConsent(answer)).isFalse();
        AuthorizationCode code = CitizenLogin.codeFrom(portal, attempt, answer);
        AccessTokenResponse tokens = portal.exchange(code, attempt.verifier()).toSuccessResponse();
        assertThat(portal.userInfo(tokens.getTokens().getAccessToken()).getName()).isEqualTo(citizen.fullName());
        assertThat(records(citizen.pin()).getList("records.findAll { it.client == 'public-services-portal' }")).isEmpty();
        // the audit trail's login record says under which basis and for which purposes the claims went
        Path log = server.home().resolveSibling("dinhdanh-server.log");
        Poll.until("a LOGIN audit record of the portal naming its legal basis", () -> {
            try {
                return Files.readAllLines(log).stream().anyMatch(line -> line.contains("\"event\":\"LOGIN\"")
                        && line.contains("\"client\":\"public-services-portal\"")
                        && line.contains("\"legal_basis\":\"vn-law-91-2025:state-agency-public-duty\"")
                        && line.contains("\"purposes\":\"public-services\"")) ? Optional.of(true) : Optional.<Boolean>empty();
            } catch (java.io.IOException e) {
                return Optional.<Boolean>empty();
            }
        });
    }

    @Test
    void whenAPurposeConsentedToLaterNeedsAnotherClaim_thenTheCitizenIsAskedAgainForThatPurposeOnly() {
        FreshCitizens.Citizen citizen = CitizenRegistration.registerFresh(server, portal, PASSWORD);
        RelyingParty.Attempt first = telecom.authorize("openid profile phone");
        CitizenLogin.login(new Browser(), telecom, first, citizen.pin(), PASSWORD); // both purposes given
        AdminApi admin = new AdminApi(server);
        @SuppressWarnings("unchecked")
        String declared = ((Map<String, String>) admin.client(DemoTelecom.CLIENT_ID).get("attributes")).get("dinhdanh.purposes");
        try {
            admin.setClientAttributes(DemoTelecom.CLIENT_ID, Map.of("dinhdanh.purposes",
                    declared.replace("\"claims\": [\"phone_number\"]", "\"claims\": [\"phone_number\", \"birthdate\"]")));
            Browser browser = new Browser().decidingConsentItself();
            Response page = consentPage(browser, telecom.authorize("openid profile phone"), citizen.pin());
            assertThat(Browser.purposesAsked(page)).containsExactly("contact");
        } finally {
            admin.setClientAttributes(DemoTelecom.CLIENT_ID, Map.of("dinhdanh.purposes", declared));
        }
    }

    @Test
    void whenTheConsentApiIsCalledWithoutAnAccountToken_thenItRefuses() {
        given().get(server.realmUrl() + "/dinhdanh-consents").then().statusCode(401).body("error", org.hamcrest.Matchers.equalTo("not_authenticated"));
        FreshCitizens.Citizen citizen = CitizenRegistration.registerFresh(server, portal, PASSWORD);
        RelyingParty.Attempt attempt = portal.authorize("openid");
        AuthorizationCode code = CitizenLogin.login(new Browser(), portal, attempt, citizen.pin(), PASSWORD);
        String portalToken = portal.exchange(code, attempt.verifier()).toSuccessResponse().getTokens().getAccessToken().getValue();
        given().auth().oauth2(portalToken).get(server.realmUrl() + "/dinhdanh-consents").then().statusCode(403)
                .body("error", org.hamcrest.Matchers.equalTo("token_not_for_account"));
    }

    /** Logs in and returns the consent page the login leads to. */
    static Response consentPage(Browser browser, RelyingParty.Attempt attempt, String pin) {
        Response answer = CitizenLogin.submit(browser, CitizenLogin.openLoginPage(browser, attempt), pin, PASSWORD);
        assertThat(Browser.leadsToConsent(answer)).as("the login leads to the consent page: %s %s", answer.statusCode(), answer.getHeader("Location")).isTrue();
        return browser.consentPage(answer);
    }

    /** The citizen's consent records, through the account console's token. */
    static JsonPath records(String pin) {
        return given().auth().oauth2(accountToken(pin)).accept("application/json").get(server.realmUrl() + "/dinhdanh-consents")
                .then().statusCode(200).extract().jsonPath();
    }

    static String accountToken(String pin) {
        RelyingParty console = new RelyingParty(server, "account-console", server.realmUrl() + "/account/", (ClientAuthentication) null);
        RelyingParty.Attempt attempt = console.authorize("openid");
        AuthorizationCode code = CitizenLogin.login(new Browser(), console, attempt, pin, PASSWORD);
        return console.exchange(code, attempt.verifier()).toSuccessResponse().getTokens().getAccessToken().getValue();
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
