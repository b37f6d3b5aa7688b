package vn.dinhdanh.tests.chipcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.chipcard.app.VirtualMobileApp;
import vn.dinhdanh.tests.support.AdminApi;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.ChipCardPage;
import vn.dinhdanh.tests.support.CitizenLogin;
import vn.dinhdanh.tests.support.CitizenRegistration;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.FreshCitizens;
import vn.dinhdanh.tests.support.LevelRaise;
import vn.dinhdanh.tests.support.Pages;
import vn.dinhdanh.tests.support.RelyingParty;
import vn.dinhdanh.tests.support.SmsOutbox;
import vn.dinhdanh.tests.support.VirtualCards;

/**
 * The account takeover through an unproven mobile number, replayed. Whoever knows a citizen's personal ID number, name
 * and birth date can register the citizen's level-1 account first, with their own phone and password. When the real
 * citizen later proves the chip card, the account becomes level 2: neither that phone nor that password may survive
 * the raise unless the citizen proves them in that same login, and the other party's sessions end.
 */
class UnprovenPhoneTakeoverTest {

    static final String OTHER_PARTYS_PASSWORD = "Registered-First-2026";
    static final String CITIZENS_PASSWORD = "Taken-Back-By-Card-2026";
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

    /** A phone number of this test's own, made from the citizen and a salt (never the ID number itself). */
    static String phoneFor(FreshCitizens.Citizen citizen, int salt) {
        return String.format("09%08d", Math.floorMod(citizen.pin().hashCode() * 131L + salt, 100_000_000L));
    }

    static String international(String phone) {
        return "+84" + phone.substring(1);
    }

    /** The other party registers the citizen with their own phone and password, and keeps the portal's refresh token. */
    static RefreshToken registerFirst(FreshCitizens.Citizen citizen, String phone) throws Exception {
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = portal.authorize("openid");
        Response answer = CitizenRegistration.register(browser, attempt, CitizenRegistration.Form.of(citizen, OTHER_PARTYS_PASSWORD).withPhone(phone));
        AuthorizationCode code = CitizenLogin.codeFrom(portal, attempt, browser.followWithin(answer, server.baseUrl()));
        OIDCTokenResponse tokens = (OIDCTokenResponse) portal.exchange(code, attempt.verifier()).toSuccessResponse();
        assertThat(portal.validate(tokens.getOIDCTokens().getIDToken(), attempt.nonce()).getStringListClaim("amr"))
                .as("right after a registration, amr says the password was used").containsExactly("pwd");
        assertThat(tokens.getOIDCTokens().getRefreshToken()).isNotNull();
        return tokens.getOIDCTokens().getRefreshToken();
    }

    /** The real citizen logs in with the card (level high) in a browser of their own; returns the page after the card. */
    static Response citizenProvesTheCard(Browser browser, FreshCitizens.Citizen citizen, RelyingParty.Attempt attempt) throws Exception {
        ChipCardPage chip = ChipCardPage.of(browser.get(attempt.uri().toString()));
        VirtualMobileApp.Answer posted = APP.answer(server.realmUrl() + "/chip-card/requests/" + chip.handle(), VirtualCards.cardOf(citizen.pin()));
        assertThat(posted.status()).as("%s", posted.body()).isEqualTo(200);
        return browser.followWithin(chip.continueAfterPhone(browser), server.baseUrl());
    }

    /** The other party tries the password they chose at registration: the login page refuses it as a wrong password. */
    static void assertRegistrationPasswordRefused(FreshCitizens.Citizen citizen) {
        Browser browser = new Browser();
        Response answer = CitizenLogin.submit(browser, CitizenLogin.openLoginPage(browser, portal.authorize("openid")), citizen.pin(), OTHER_PARTYS_PASSWORD);
        assertThat(answer.statusCode()).as("the registration's password no longer logs in").isEqualTo(200);
        assertThat(answer.asString()).contains("kc-form-login");
        assertThat(Pages.fieldError(answer.asString(), "username")).as("the wrong-number-or-password message").isPresent();
    }

    static RelyingParty.Attempt high() {
        return portal.authorize("openid", b -> b.acrValues(List.of(new ACR("high"))));
    }

    @Test
    void whenSomeoneRegisteredTheCitizenWithTheirOwnPhone_thenTheCitizensCardTakesTheAccountBackAndThatPhoneNeverPassesSubstantial() throws Exception {
        FreshCitizens.Citizen citizen = FreshCitizens.nextWithUsableCard();
        String otherPhone = phoneFor(citizen, 1);
        RefreshToken othersRefreshToken = registerFirst(citizen, otherPhone);
        int sentBefore = outbox.messages().size();

        Browser browser = new Browser();
        RelyingParty.Attempt attempt = high();
        Response offer = citizenProvesTheCard(browser, citizen, attempt);
        assertThat(offer.statusCode()).isEqualTo(200);
        assertThat(offer.asString()).as("the registration's number is offered for confirmation, masked")
                .contains("dd-phone-offer").contains("••• ••• " + otherPhone.substring(otherPhone.length() - 3))
                .doesNotContain(otherPhone.substring(1, 8));
        assertThat(outbox.sentTo(international(otherPhone), sentBefore)).as("nothing is sent before the citizen says the number may be theirs").isEmpty();
        Response back = LevelRaise.complete(browser, offer, server, LevelRaise.Phone.DROP, CITIZENS_PASSWORD);
        AuthorizationCode code = CitizenLogin.codeFrom(portal, attempt, back);
        OIDCTokenResponse tokens = (OIDCTokenResponse) portal.exchange(code, attempt.verifier()).toSuccessResponse();
        assertThat(portal.validate(tokens.getOIDCTokens().getIDToken(), attempt.nonce()).getStringClaim("acr")).isEqualTo("high");

        AdminApi admin = new AdminApi(server);
        String userId = admin.userId(citizen.pin()).orElseThrow();
        assertThat(admin.user(userId).getList("attributes.account_level", String.class)).containsExactly("2");
        assertThat(admin.user(userId).getMap("attributes")).as("the registration's number is gone").doesNotContainKeys("phone_number", "phone_number_proven");
        assertThat(admin.credentialTypes(userId)).as("only the password the citizen chose after the card").containsExactly("password");

        TokenResponse refreshed = portal.token(new RefreshTokenGrant(othersRefreshToken));
        assertThat(refreshed.indicatesSuccess()).as("the other party's session ended with the raise").isFalse();
        assertThat(refreshed.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");

        assertRegistrationPasswordRefused(citizen);

        // The citizen's own password, then substantial: no code goes to the other party's phone; the card is asked for.
        Browser later = new Browser();
        CitizenLogin.login(later, portal, portal.authorize("openid"), citizen.pin(), CITIZENS_PASSWORD);
        Response stepUp = later.followWithin(later.get(portal.authorize("openid", b -> b.acrValues(List.of(new ACR("substantial")))).uri().toString()),
                server.baseUrl());
        ChipCardPage.of(stepUp);
        assertThat(stepUp.asString()).doesNotContain("dd-sms-form");
        assertThat(outbox.sentTo(international(otherPhone), sentBefore)).as("the other party's phone never received a code").isEmpty();
    }

    @Test
    void whenTheCitizenLeavesThePhonePageUnanswered_thenTheRegistrationsNumberAndPasswordAreGoneAnyway() throws Exception {
        FreshCitizens.Citizen citizen = FreshCitizens.nextWithUsableCard();
        String otherPhone = phoneFor(citizen, 2);
        registerFirst(citizen, otherPhone);

        Response offer = citizenProvesTheCard(new Browser(), citizen, high());
        assertThat(offer.asString()).contains("dd-phone-offer");
        // the citizen closes the browser here

        AdminApi admin = new AdminApi(server);
        String userId = admin.userId(citizen.pin()).orElseThrow();
        assertThat(admin.user(userId).getList("attributes.account_level", String.class)).containsExactly("2");
        assertThat(admin.user(userId).getMap("attributes")).doesNotContainKeys("phone_number", "phone_number_proven");
        assertThat(admin.credentialTypes(userId)).as("the registration's password is gone").doesNotContain("password");
        assertRegistrationPasswordRefused(citizen);

        // A later login with the card cannot bring the number back: it only asks for a new password.
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = high();
        Response next = citizenProvesTheCard(browser, citizen, attempt);
        assertThat(next.asString()).doesNotContain("dd-phone-offer").doesNotContain("dd-phone-code-form").contains("kc-passwd-update-form");
        CitizenLogin.codeFrom(portal, attempt, LevelRaise.complete(browser, next, server, LevelRaise.Phone.DROP, CITIZENS_PASSWORD));
    }

    @Test
    void whenTheCitizenGivesTheirOwnNumberInstead_thenOnlyThatNumberIsProvenAndReceivesCodes() throws Exception {
        FreshCitizens.Citizen citizen = FreshCitizens.nextWithUsableCard();
        String otherPhone = phoneFor(citizen, 3);
        String ownPhone = phoneFor(citizen, 4);
        registerFirst(citizen, otherPhone);

        Browser browser = new Browser();
        RelyingParty.Attempt attempt = high();
        Response offer = citizenProvesTheCard(browser, citizen, attempt);
        Response numberPage = browser.postForm(Browser.formAction(offer.asString(), "dd-phone-other"), Map.of("other", "true"));
        assertThat(numberPage.asString()).contains("dd-phone-number-form");
        Response bad = browser.postForm(Browser.formAction(numberPage.asString(), "dd-phone-number-form"), Map.of("phone_number", "12345"));
        assertThat(bad.asString()).contains("dd-phone-number-form").contains("aria-invalid=\"true\"");
        Response codePage = browser.postForm(Browser.formAction(bad.asString(), "dd-phone-number-form"), Map.of("phone_number", ownPhone));
        assertThat(codePage.asString()).contains("dd-phone-code-form");
        String code = outbox.latestCodeFor(international(ownPhone)).orElseThrow();
        Response wrong = browser.postForm(Browser.formAction(codePage.asString(), "dd-phone-code-form"), Map.of("sms_code", otherThan(code)));
        assertThat(wrong.asString()).as("a wrong code proves nothing").contains("dd-phone-code-form").contains("aria-invalid=\"true\"");
        Response right = browser.postForm(Browser.formAction(wrong.asString(), "dd-phone-code-form"), Map.of("sms_code", code));
        CitizenLogin.codeFrom(portal, attempt, LevelRaise.complete(browser, right, server, LevelRaise.Phone.DROP, CITIZENS_PASSWORD));

        AdminApi admin = new AdminApi(server);
        String userId = admin.userId(citizen.pin()).orElseThrow();
        assertThat(admin.user(userId).getList("attributes.phone_number", String.class)).containsExactly(international(ownPhone));
        assertThat(admin.user(userId).getList("attributes.phone_number_proven", String.class)).containsExactly(international(ownPhone));

        Browser later = new Browser();
        CitizenLogin.login(later, portal, portal.authorize("openid"), citizen.pin(), CITIZENS_PASSWORD);
        int sent = outbox.messages().size();
        Response smsPage = later.followWithin(later.get(portal.authorize("openid", b -> b.acrValues(List.of(new ACR("substantial")))).uri().toString()),
                server.baseUrl());
        assertThat(smsPage.asString()).contains("dd-sms-form");
        assertThat(outbox.sentTo(international(ownPhone), sent)).hasSize(1);
        assertThat(outbox.sentTo(international(otherPhone), 0)).as("the other party's phone never received a code").isEmpty();
    }

    @Test
    void whenFreshLoginsAskForSmsCodesOneAfterAnother_thenTheNumberGetsNoMoreThanTheLimitAcrossLogins() throws Exception {
        FreshCitizens.Citizen citizen = FreshCitizens.nextWithUsableCard();
        String phone = phoneFor(citizen, 5);
        CitizenRegistration.register(server, portal, CitizenRegistration.Form.of(citizen, CITIZENS_PASSWORD).withPhone(phone));
        ChipCardPage.proveCardAfterPassword(server, portal, citizen.pin(), CITIZENS_PASSWORD); // one code: the confirmation
        assertThat(outbox.sentTo(international(phone), 0)).hasSize(1);

        Response last = null;
        int logins = 0;
        while (logins < 8) {
            Browser browser = new Browser();
            CitizenLogin.login(browser, portal, portal.authorize("openid"), citizen.pin(), CITIZENS_PASSWORD);
            last = browser.followWithin(browser.get(portal.authorize("openid", b -> b.acrValues(List.of(new ACR("substantial")))).uri().toString()),
                    server.baseUrl());
            logins++;
            if (!last.asString().contains("dd-sms-form")) {
                break;
            }
        }
        assertThat(outbox.sentTo(international(phone), 0)).as("codes to one number within the hour, across %d fresh logins", logins).hasSize(5);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.asString()).doesNotContain("dd-sms-form").doesNotContain("Exception");
    }

    private static String otherThan(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (last == '9' ? '0' : (char) (last + 1));
    }
}
