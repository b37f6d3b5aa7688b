package vn.dinhdanh.tests.chipcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.chipcard.app.VirtualMobileApp;
import vn.dinhdanh.tests.support.ChipCardPage;
import vn.dinhdanh.tests.support.AdminApi;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.CitizenLogin;
import vn.dinhdanh.tests.support.CitizenRegistration;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.FreshCitizens;
import vn.dinhdanh.tests.support.LevelRaise;
import vn.dinhdanh.tests.support.RelyingParty;
import vn.dinhdanh.tests.support.SmsOutbox;
import vn.dinhdanh.tests.support.VirtualCards;

/**
 * {@code substantial}: a level-1 account gets no SMS code (it has to prove the chip card, which raises it to level 2);
 * a level-2 account steps up from a password session with the code the SMS gateway carried, read here from the
 * server's development outbox.
 */
class SubstantialSecondFactorTest {

    static final String PASSWORD = "Substantial-Test-2026";
    static DinhdanhServer server;
    static RelyingParty portal;
    static SmsOutbox outbox;
    static final VirtualMobileApp APP = new VirtualMobileApp();

    @BeforeAll
    static void start() {
        server = DinhdanhServer.get();
        portal = RelyingParty.portal(server);
        assumeTrue(server.home() != null, "the SMS outbox is a file of the server under test");
        outbox = new SmsOutbox(server);
    }

    @Test
    void whenALevel1AccountAsksForSubstantial_thenNoSmsIsSentAndTheChipCardRaisesItToLevel2_thenTheSmsCodeStepsUpALaterLogin() throws Exception {
        FreshCitizens.Citizen citizen = FreshCitizens.nextWithUsableCard();
        // a number of this test's own, not made of the ID number (which the page shows)
        String phone = String.format("09%08d", Math.floorMod(citizen.pin().hashCode() * 31L + 7, 100_000_000L));
        String international = "+84" + phone.substring(1);
        CitizenRegistration.register(server, portal, CitizenRegistration.Form.of(citizen, PASSWORD).withPhone(phone));
        Browser browser = new Browser();
        CitizenLogin.login(browser, portal, portal.authorize("openid"), citizen.pin(), PASSWORD);

        int before = outbox.messages().size();
        RelyingParty.Attempt first = portal.authorize("openid", b -> b.acrValues(List.of(new ACR("substantial"))));
        ChipCardPage chip = ChipCardPage.of(browser.followWithin(browser.get(first.uri().toString()), server.baseUrl()));
        assertThat(outbox.sentTo(international, before)).as("no SMS code for a level-1 account").isEmpty();
        // "Log in another way" lists the SMS code (Keycloak lists every set-up way); picking it explains level 2
        Response needsLevel2 = chooseAnotherWay(browser, chip.page(), "SMS");
        assertThat(needsLevel2.statusCode()).isEqualTo(200);
        assertThat(needsLevel2.asString()).contains("dd-level2-intro").doesNotContain("dd-sms-form");
        assertThat(outbox.sentTo(international, before)).as("still no SMS code for a level-1 account").isEmpty();
        chip = ChipCardPage.of(chooseAnotherWay(browser, needsLevel2, "Thẻ căn cước"));
        VirtualMobileApp.Answer posted = APP.answer(server.realmUrl() + "/chip-card/requests/" + chip.handle(), VirtualCards.cardOf(citizen.pin()));
        assertThat(posted.status()).as("%s", posted.body()).isEqualTo(200);
        // the raise: the registration's number is confirmed with the code sent to it, and a password chosen again
        AuthorizationCode firstCode = CitizenLogin.codeFrom(portal, first,
                LevelRaise.confirmPhoneAndSetPassword(browser, chip.continueAfterPhone(browser), server, PASSWORD));
        // the token states the level reached: the card was proven
        assertThat(idToken(first, firstCode).getStringClaim("acr")).isEqualTo("high");
        AdminApi admin = new AdminApi(server);
        assertThat(admin.user(admin.userId(citizen.pin()).orElseThrow()).getList("attributes.account_level", String.class))
                .as("the chip proof raised the account").containsExactly("2");

        Browser later = new Browser();
        CitizenLogin.login(later, portal, portal.authorize("openid"), citizen.pin(), PASSWORD);
        int sent = outbox.messages().size();
        RelyingParty.Attempt stepUp = portal.authorize("openid", b -> b.acrValues(List.of(new ACR("substantial"))));
        Response smsPage = later.followWithin(later.get(stepUp.uri().toString()), server.baseUrl());
        assertThat(smsPage.statusCode()).isEqualTo(200);
        assertThat(smsPage.asString()).as("the SMS page, with only the end of the number")
                .contains("dd-sms-form").contains("••• ••• " + international.substring(international.length() - 3)).doesNotContain(phone.substring(2, 7));
        List<JsonNode> messages = outbox.sentTo(international, sent);
        assertThat(messages).hasSize(1);
        String code = outbox.latestCodeFor(international).orElseThrow();

        Response tooSoon = later.postForm(Browser.formAction(smsPage.asString(), "dd-sms-resend"), Map.of("resend", "true"));
        assertThat(tooSoon.statusCode()).isEqualTo(200);
        assertThat(outbox.sentTo(international, sent)).as("no second code within the resend wait").hasSize(1);

        Response wrong = later.postForm(Browser.formAction(tooSoon.asString(), "dd-sms-form"), Map.of("sms_code", otherThan(code)));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.asString()).contains("dd-sms-form").contains("aria-invalid=\"true\"");

        Response right = later.postForm(Browser.formAction(wrong.asString(), "dd-sms-form"), Map.of("sms_code", code));
        AuthorizationCode stepUpCode = CitizenLogin.codeFrom(portal, stepUp, later.followWithin(right, server.baseUrl()));
        IDTokenClaimsSet id = idToken(stepUp, stepUpCode);
        assertThat(id.getStringClaim("acr")).isEqualTo("substantial");
        assertThat(id.getStringListClaim("amr")).contains("sms");
    }

    @Test
    void whenWrongSmsCodesAreTyped_thenWithinFiveTheStepEndsWithAPageAndNoNewCodeIsSent() throws Exception {
        FreshCitizens.Citizen citizen = FreshCitizens.nextWithUsableCard();
        String phone = String.format("09%08d", Math.floorMod(citizen.pin().hashCode() * 17L + 3, 100_000_000L));
        CitizenRegistration.register(server, portal, CitizenRegistration.Form.of(citizen, PASSWORD).withPhone(phone));
        ChipCardPage.proveCardAfterPassword(server, portal, citizen.pin(), PASSWORD);

        Browser browser = new Browser();
        CitizenLogin.login(browser, portal, portal.authorize("openid"), citizen.pin(), PASSWORD);
        RelyingParty.Attempt stepUp = portal.authorize("openid", b -> b.acrValues(List.of(new ACR("substantial"))));
        Response page = browser.followWithin(browser.get(stepUp.uri().toString()), server.baseUrl());
        String code = outbox.latestCodeFor("+84" + phone.substring(1)).orElseThrow();
        // Wrong codes count like wrong passwords: typed this fast, Keycloak's quick-login check may lock the account
        // before the fifth; either way the step ends within five with a page, not a form.
        Response last = page;
        int tries = 0;
        while (tries < 5 && last.asString().contains("dd-sms-form")) {
            last = browser.postForm(Browser.formAction(last.asString(), "dd-sms-form"), Map.of("sms_code", otherThan(code)));
            tries++;
        }
        assertThat(last.statusCode()).as("after %d wrong codes", tries).isEqualTo(403);
        assertThat(last.asString()).doesNotContain("dd-sms-form").doesNotContain("Exception").contains("dd-start-again");

        // the same login asked again: the wrong codes locked the account for a while, so no new code is sent
        int sent = outbox.sentTo("+84" + phone.substring(1), 0).size();
        Response again = browser.followWithin(browser.get(stepUp.uri().toString()), server.baseUrl());
        assertThat(again.asString()).doesNotContain("dd-sms-form").doesNotContain("Exception");
        assertThat(outbox.sentTo("+84" + phone.substring(1), 0)).as("no new code after five wrong ones").hasSize(sent);
    }

    private static IDTokenClaimsSet idToken(RelyingParty.Attempt attempt, AuthorizationCode code) throws Exception {
        OIDCTokenResponse tokens = (OIDCTokenResponse) portal.exchange(code, attempt.verifier()).toSuccessResponse();
        return portal.validate(tokens.getOIDCTokens().getIDToken(), attempt.nonce());
    }

    /** "Log in another way" on this page, then the way whose name contains {@code name}. */
    private static Response chooseAnotherWay(Browser browser, Response page, String name) {
        Response ways = browser.postForm(Browser.formAction(page.asString(), "kc-select-try-another-way-form"), Map.of("tryAnotherWay", "on"));
        Matcher way = Pattern.compile("<form id=\"(kc-select-credential-form-\\d+)\"[^>]*>\\s*<input type=\"hidden\" name=\"authenticationExecution\" value=\"([^\"]+)\">"
                + "\\s*<button[^>]*>\\s*<span class=\"dd-choice__name\">([^<]*)</span>").matcher(ways.asString());
        while (way.find()) {
            if (way.group(3).contains(name)) {
                return browser.postForm(Browser.formAction(ways.asString(), way.group(1)), Map.of("authenticationExecution", way.group(2)));
            }
        }
        throw new AssertionError("no way named " + name + " in:\n" + ways.asString());
    }

    private static String otherThan(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (last == '9' ? '0' : (char) (last + 1));
    }
}
