package vn.dinhdanh.tests.chipcard;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.openid.connect.sdk.OIDCClaimsRequest;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.claims.ClaimRequirement;
import com.nimbusds.openid.connect.sdk.claims.ClaimsSetRequest;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.chipcard.app.DemoCards;
import vn.dinhdanh.chipcard.app.VirtualMobileApp;
import vn.dinhdanh.icao.virtualcard.VirtualCard;
import vn.dinhdanh.tests.support.ChipCardPage;
import vn.dinhdanh.tests.support.VirtualCards;
import vn.dinhdanh.tests.support.AdminApi;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.CitizenLogin;
import vn.dinhdanh.tests.support.CitizenRegistration;
import vn.dinhdanh.tests.support.LevelRaise;
import vn.dinhdanh.tests.support.DemoCitizens;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.FreshCitizens;
import vn.dinhdanh.tests.support.RelyingParty;

/**
 * Cross-device chip-card login at level {@code high}: the browser shows a QR code and a short code, the virtual
 * mobile app reads the request, has the demo citizen's virtual card sign the challenge, and posts the evidence;
 * the browser then finishes the login.
 */
class ChipCardLoginTest {

    static final String PASSWORD = "Chip-Step-Up-2026";
    static DinhdanhServer server;
    static RelyingParty portal;
    static final VirtualMobileApp APP = new VirtualMobileApp();

    @BeforeAll
    static void start() {
        server = DinhdanhServer.get();
        portal = RelyingParty.portal(server);
    }



    /**
     * Step-up: the citizen first logs in at {@code low} with the password (an SSO session), then a relying party
     * asks for {@code high}: the chip-card page comes without a second password.
     */
    static ChipCardPage passwordThenChipPage(Browser browser, RelyingParty.Attempt highAttempt, DemoCitizens.Demo citizen) {
        RelyingParty.Attempt low = portal.authorize("openid");
        CitizenLogin.login(browser, portal, low, citizen.pin(), citizen.password());
        return ChipCardPage.of(browser.followWithin(browser.get(highAttempt.uri().toString()), server.baseUrl()));
    }




    @Test
    void whenTheCitizenStepsUpWithTheChipCard_thenTheTokenCarriesAcrHighAndAmrWithScAndHwk() throws Exception {
        FreshCitizens.Citizen citizen = CitizenRegistration.register(server, portal, FreshCitizens.nextWithUsableCard(), PASSWORD);
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = portal.authorize("openid profile", b -> b.acrValues(List.of(new ACR("high"))));
        CitizenLogin.login(browser, portal, portal.authorize("openid"), citizen.pin(), PASSWORD);
        ChipCardPage chip = ChipCardPage.of(browser.followWithin(browser.get(attempt.uri().toString()), server.baseUrl()));

        VirtualMobileApp.Answer request = APP.readRequest(server.realmUrl() + "/chip-card/requests/" + chip.shortCode());
        assertThat(request.status()).isEqualTo(200);
        assertThat(request.body().get("challenge").asText()).hasSize(12); // 8 bytes, base64
        assertThat(request.body().get("level").asText()).isEqualTo("high");
        assertThat(request.body().get("service").asText()).isNotBlank();

        VirtualMobileApp.Answer posted = APP.answer(server.realmUrl() + "/chip-card/requests/" + chip.handle(), VirtualCards.cardOf(citizen.pin()));
        assertThat(posted.status()).as("%s", posted.body()).isEqualTo(200);
        assertThat(posted.body().get("status").asText()).isEqualTo("verified");
        assertThat(browser.get(chip.statusUrl()).jsonPath().getString("status")).isEqualTo("verified");

        AuthorizationCode code = CitizenLogin.codeFrom(portal, attempt,
                LevelRaise.confirmPhoneAndSetPassword(browser, chip.continueAfterPhone(browser), server, PASSWORD));
        OIDCTokenResponse tokens = (OIDCTokenResponse) portal.exchange(code, attempt.verifier()).toSuccessResponse();
        IDTokenClaimsSet id = portal.validate(tokens.getOIDCTokens().getIDToken(), attempt.nonce());
        assertThat(id.getStringClaim("acr")).isEqualTo("high");
        assertThat(id.getStringListClaim("amr")).as("the methods of this authentication: the chip card").contains("sc", "hwk");

        VirtualMobileApp.Answer again = APP.answer(server.realmUrl() + "/chip-card/requests/" + chip.handle(), VirtualCards.cardOf(citizen.pin()));
        assertThat(again.status()).as("a request is single-use").isIn(404, 409);
    }

    @Test
    void whenHighIsAskedFirst_thenTheChipCardAloneLogsInAndTheNewAccountIsLevel2() throws Exception {
        FreshCitizens.Citizen citizen = FreshCitizens.nextWithUsableCard();
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = portal.authorize("openid", b -> b.acrValues(List.of(new ACR("high"))));
        Response first = browser.get(attempt.uri().toString());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.asString()).as("no password form when high is asked for").doesNotContain("kc-form-login");
        ChipCardPage chip = ChipCardPage.of(first);

        VirtualMobileApp.Answer posted = APP.answer(server.realmUrl() + "/chip-card/requests/" + chip.handle(), VirtualCards.cardOf(citizen.pin()));
        assertThat(posted.status()).as("%s", posted.body()).isEqualTo(200);

        AuthorizationCode code = CitizenLogin.codeFrom(portal, attempt, chip.continueAfterPhone(browser));
        OIDCTokenResponse tokens = (OIDCTokenResponse) portal.exchange(code, attempt.verifier()).toSuccessResponse();
        IDTokenClaimsSet id = portal.validate(tokens.getOIDCTokens().getIDToken(), attempt.nonce());
        assertThat(id.getStringClaim("acr")).isEqualTo("high");
        assertThat(id.getStringListClaim("amr")).containsExactly("sc", "hwk");

        AdminApi admin = new AdminApi(server);
        String userId = admin.userId(citizen.pin()).orElseThrow();
        assertThat(admin.user(userId).getList("attributes.account_level", String.class)).containsExactly("2");
    }

    @Test
    void whenNoLevelIsAsked_thenTheFirstPageOffersTheChipCardFirst_andItLogsTheCitizenInAlone() throws Exception {
        FreshCitizens.Citizen citizen = FreshCitizens.nextWithUsableCard();
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = portal.authorize("openid");
        Response first = CitizenLogin.openLoginPage(browser, attempt);
        String html = first.asString();
        assertThat(html).contains("id=\"dd-chip-card-choice\"").contains("kc-form-login");
        assertThat(html.indexOf("dd-chip-card-choice")).as("the chip card above the password").isLessThan(html.indexOf("kc-form-login"));
        ChipCardPage chip = ChipCardPage.of(browser.followWithin(browser.postForm(Browser.formAction(html, "dd-chip-card-choice"),
                Map.of("dd_chip_card", "1")), server.baseUrl()));
        assertThat(APP.answer(server.realmUrl() + "/chip-card/requests/" + chip.handle(), VirtualCards.cardOf(citizen.pin())).status()).isEqualTo(200);
        AuthorizationCode code = CitizenLogin.codeFrom(portal, attempt, chip.continueAfterPhone(browser));
        OIDCTokenResponse tokens = (OIDCTokenResponse) portal.exchange(code, attempt.verifier()).toSuccessResponse();
        IDTokenClaimsSet id = portal.validate(tokens.getOIDCTokens().getIDToken(), attempt.nonce());
        assertThat(id.getStringListClaim("amr")).containsExactly("sc", "hwk");
        assertThat(id.getStringClaim("acr")).as("the token states what happened: the card was proven").isEqualTo("high");
    }

    @Test
    void whenSubstantialIsAsked_thenTheChipCardIsTheSecondFactorAndTheTokenSaysHigh() throws Exception {
        FreshCitizens.Citizen citizen = FreshCitizens.nextWithUsableCard();
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = portal.authorize("openid", b -> b.acrValues(List.of(new ACR("substantial"))));
        ChipCardPage chip = ChipCardPage.of(browser.get(attempt.uri().toString()));
        assertThat(APP.answer(server.realmUrl() + "/chip-card/requests/" + chip.handle(), VirtualCards.cardOf(citizen.pin())).status()).isEqualTo(200);
        AuthorizationCode code = CitizenLogin.codeFrom(portal, attempt, chip.continueAfterPhone(browser));
        OIDCTokenResponse tokens = (OIDCTokenResponse) portal.exchange(code, attempt.verifier()).toSuccessResponse();
        IDTokenClaimsSet id = portal.validate(tokens.getOIDCTokens().getIDToken(), attempt.nonce());
        assertThat(id.getStringClaim("acr")).as("the level reached (the card was proven), not the level asked for").isEqualTo("high");
        assertThat(id.getStringListClaim("amr")).contains("sc");
    }

    @Test
    void whenTheCardIsRevokedInTheRegistry_thenTheEvidenceIsRefusedWithCardRevoked() throws Exception {
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = portal.authorize("openid", b -> b.acrValues(List.of(new ACR("high"))));
        ChipCardPage chip = passwordThenChipPage(browser, attempt, DemoCitizens.CHAU_REVOKED_CARD);

        VirtualMobileApp.Answer posted = APP.answer(server.realmUrl() + "/chip-card/requests/" + chip.handle(), VirtualCards.cardOf(DemoCitizens.CHAU_REVOKED_CARD.pin()));
        assertThat(posted.status()).isEqualTo(422);
        assertThat(posted.body().get("error").asText()).isEqualTo("card_revoked");
        assertThat(posted.body().get("checks").toString()).contains("PASSED");
    }

    @Test
    void whenAnotherCitizensCardAnswersTheRequest_thenItIsRefusedWithPinMismatch() throws Exception {
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = portal.authorize("openid", b -> b.acrValues(List.of(new ACR("high"))));
        ChipCardPage chip = passwordThenChipPage(browser, attempt, DemoCitizens.AN);

        VirtualMobileApp.Answer posted = APP.answer(server.realmUrl() + "/chip-card/requests/" + chip.handle(), VirtualCards.cardOf(DemoCitizens.NGOC.pin()));
        assertThat(posted.status()).isEqualTo(422);
        assertThat(posted.body().get("error").asText()).isEqualTo("pin_mismatch");
    }

    @Test
    void whenTheEvidenceIsNotJson_thenItIsRefusedWithInvalidEvidenceAndNo500() {
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = portal.authorize("openid", b -> b.acrValues(List.of(new ACR("high"))));
        ChipCardPage chip = passwordThenChipPage(browser, attempt, DemoCitizens.AN);

        Response answer = io.restassured.RestAssured.given().contentType("application/json").body("{\"sod\": 42")
                .post(server.realmUrl() + "/chip-card/requests/" + chip.handle() + "/evidence");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.jsonPath().getString("error")).isEqualTo("invalid_evidence");
    }

    @Test
    void whenAnUnknownRequestIsRead_thenTheAnswerIsRequestNotFound() {
        Response answer = io.restassured.RestAssured.given().get(server.realmUrl() + "/chip-card/requests/ZZZZ-ZZZZ");
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.jsonPath().getString("error")).isEqualTo("request_not_found");
    }

    @Test
    void onThePhoneItself_theAppLinkNamesTheSameRequest_andItsReturnFinishesTheLoginInThisBrowserOnly() throws Exception {
        FreshCitizens.Citizen citizen = FreshCitizens.nextWithUsableCard();
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = portal.authorize("openid", b -> b.acrValues(List.of(new ACR("high"))));
        ChipCardPage chip = ChipCardPage.of(browser.get(attempt.uri().toString()));
        Matcher href = Pattern.compile("id=\"dd-open-app\" href=\"([^\"]+)\"").matcher(chip.page().asString());
        assertThat(href.find()).as("the same-device link on the chip-card page").isTrue();
        VirtualMobileApp.SameDeviceLink link = VirtualMobileApp.SameDeviceLink.parse(href.group(1).replace("&amp;", "&")).orElseThrow();
        assertThat(link.requestUrl()).as("the request of the QR code, so the same binding and expiry")
                .isEqualTo(server.realmUrl() + "/chip-card/requests/" + chip.handle());
        String back = link.returnUrl().orElseThrow();
        assertThat(back).startsWith(server.realmUrl() + "/login-actions/");

        assertThat(APP.answer(link.requestUrl(), VirtualCards.cardOf(citizen.pin())).status()).isEqualTo(200);
        Response elsewhere = new Browser().get(back);
        assertThat(Browser.isRedirect(elsewhere) && elsewhere.getHeader("Location").contains("code="))
                .as("the return link is of no use in a browser without this login's cookie").isFalse();

        AuthorizationCode code = CitizenLogin.codeFrom(portal, attempt, browser.followWithin(browser.get(back), server.baseUrl()));
        OIDCTokenResponse tokens = (OIDCTokenResponse) portal.exchange(code, attempt.verifier()).toSuccessResponse();
        IDTokenClaimsSet id = portal.validate(tokens.getOIDCTokens().getIDToken(), attempt.nonce());
        assertThat(id.getStringClaim("acr")).isEqualTo("high");
        assertThat(id.getStringListClaim("amr")).contains("sc");
    }

    @Test
    void withJavaScriptOff_continueBeforeThePhoneIsDoneShowsTheSameCode_andAReloadKeepsIt() throws Exception {
        FreshCitizens.Citizen citizen = FreshCitizens.nextWithUsableCard();
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = portal.authorize("openid", b -> b.acrValues(List.of(new ACR("high"))));
        ChipCardPage chip = ChipCardPage.of(browser.get(attempt.uri().toString()));
        assertThat(chip.page().asString()).as("the Continue button and what to do without JavaScript")
                .contains("id=\"dd-chip-continue-button\"").contains("<noscript>");
        assertThat(chip.page().asString()).as("at high no other way reaches the level: \"Log in another way\" is not offered")
                .doesNotContain("kc-select-try-another-way-form");

        ChipCardPage tooEarly = ChipCardPage.of(chip.continueAfterPhone(browser));
        assertThat(tooEarly.shortCode()).as("Continue while the phone is not done: the same request").isEqualTo(chip.shortCode());
        assertThat(tooEarly.handle()).isEqualTo(chip.handle());
        Matcher back = Pattern.compile("return=([^\"&]+)").matcher(tooEarly.page().asString());
        assertThat(back.find()).isTrue();
        ChipCardPage reloaded = ChipCardPage.of(browser.get(java.net.URLDecoder.decode(back.group(1), java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(reloaded.handle()).as("the page opened again: still the same request, the QR code being scanned stays valid")
                .isEqualTo(chip.handle());

        assertThat(APP.answer(server.realmUrl() + "/chip-card/requests/" + chip.handle(), VirtualCards.cardOf(citizen.pin())).status()).isEqualTo(200);
        AuthorizationCode code = CitizenLogin.codeFrom(portal, attempt, browser.followWithin(reloaded.continueAfterPhone(browser), server.baseUrl()));
        assertThat(portal.exchange(code, attempt.verifier()).indicatesSuccess()).isTrue();
    }

    @Test
    void anEssentialAcrClaimIsAnsweredWithOneOfItsValues_evenWhenTheCardReachedMore() throws Exception {
        FreshCitizens.Citizen citizen = FreshCitizens.nextWithUsableCard();
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = portal.authorize("openid", b -> b.claims(new OIDCClaimsRequest().withIDTokenClaimsRequest(
                new ClaimsSetRequest().add(new ClaimsSetRequest.Entry("acr").withClaimRequirement(ClaimRequirement.ESSENTIAL)
                        .withValues(List.of("substantial"))))));
        Response first = CitizenLogin.openLoginPage(browser, attempt);
        ChipCardPage chip = ChipCardPage.of(first.asString().contains("dd-chip-card-choice")
                ? browser.followWithin(browser.postForm(Browser.formAction(first.asString(), "dd-chip-card-choice"), Map.of("dd_chip_card", "1")), server.baseUrl())
                : first);
        assertThat(APP.answer(server.realmUrl() + "/chip-card/requests/" + chip.handle(), VirtualCards.cardOf(citizen.pin())).status()).isEqualTo(200);
        AuthorizationCode code = CitizenLogin.codeFrom(portal, attempt, chip.continueAfterPhone(browser));
        OIDCTokenResponse tokens = (OIDCTokenResponse) portal.exchange(code, attempt.verifier()).toSuccessResponse();
        IDTokenClaimsSet id = portal.validate(tokens.getOIDCTokens().getIDToken(), attempt.nonce());
        assertThat(id.getStringClaim("acr")).as("OpenID Connect: an essential acr is answered with a requested value").isEqualTo("substantial");
        assertThat(id.getStringListClaim("amr")).as("amr says what was used").contains("sc");
    }
}
