package vn.dinhdanh.tests.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.openid.connect.sdk.ClaimsRequest;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.ClaimRequirement;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.RelyingParty;

/**
 * A request for a level of assurance that cannot be met ends in a standard OIDC error at the relying party's
 * redirect_uri, never in a token at a lower level: a level the server does not offer ({@code invalid_request}), or a
 * citizen who cannot prove it and cancels ({@code access_denied}).
 */
class LevelOfAssuranceRequestTest {

    static DinhdanhServer server;
    static RelyingParty portal;

    @BeforeAll
    static void start() {
        server = DinhdanhServer.get();
        portal = RelyingParty.portal(server);
    }

    @Test
    void whenAcrValuesNamesAnUnknownLevel_thenInvalidRequestGoesBackToTheRelyingParty() {
        RelyingParty.Attempt attempt = portal.authorize("openid", b -> b.acrValues(List.of(new ACR("ultra"))));
        assertErrorAtRedirectUri(new Browser().get(attempt.uri().toString()), attempt, "invalid_request");
    }

    @Test
    void whenAcrValuesMixesAnUnknownLevelWithHigh_thenInvalidRequestRatherThanTheLowestLevel() {
        RelyingParty.Attempt attempt = portal.authorize("openid", b -> b.acrValues(List.of(new ACR("gold"), new ACR("high"))));
        assertErrorAtRedirectUri(new Browser().get(attempt.uri().toString()), attempt, "invalid_request");
    }

    @Test
    void whenAnEssentialAcrClaimNamesAnUnknownLevel_thenInvalidRequestGoesBackToTheRelyingParty() {
        RelyingParty.Attempt attempt = portal.authorize("openid", b -> b.claims(essentialAcr("ultra")));
        assertErrorAtRedirectUri(new Browser().get(attempt.uri().toString()), attempt, "invalid_request");
    }

    @Test
    void whenAcrValuesHasAnEmptyValueBesideHigh_thenInvalidRequestRatherThanLevelZero() {
        RelyingParty.Attempt attempt = portal.authorize("openid");
        assertErrorAtRedirectUri(new Browser().get(attempt.uri() + "&acr_values=%20high"), attempt, "invalid_request");
    }

    @Test
    void whenTheAcrClaimHasAVoluntaryUnknownValueBesideAcrValuesHigh_thenInvalidRequest() {
        ClaimsRequest claims = new ClaimsRequest();
        claims.addIDTokenClaim("acr", ClaimRequirement.VOLUNTARY, null, List.of("bogus"));
        RelyingParty.Attempt attempt = portal.authorize("openid", b -> b.acrValues(List.of(new ACR("high"))).claims(claims));
        assertErrorAtRedirectUri(new Browser().get(attempt.uri().toString()), attempt, "invalid_request");
    }

    @Test
    void whenTheClaimsParameterIsNotReadable_thenInvalidRequestRatherThanALoginWithoutItsEssentialAcr() {
        RelyingParty.Attempt attempt = portal.authorize("openid");
        String broken = "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"high\"]}}";
        assertErrorAtRedirectUri(new Browser().get(attempt.uri() + "&claims=" + java.net.URLEncoder.encode(broken, java.nio.charset.StandardCharsets.UTF_8)),
                attempt, "invalid_request");
    }

    @Test
    void whenAnEssentialAcrClaimAsksForHigh_thenTheChipCardStepComesFirst() {
        RelyingParty.Attempt attempt = portal.authorize("openid", b -> b.claims(essentialAcr("high")));
        Response page = new Browser().get(attempt.uri().toString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("dd-chip-continue").doesNotContain("kc-form-login");
    }

    @Test
    void whenTheCitizenCancelsTheChipCardStepOfAHighRequest_thenAccessDeniedAndNoCode() {
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = portal.authorize("openid", b -> b.acrValues(List.of(new ACR("high"))));
        Response page = browser.get(attempt.uri().toString());
        assertThat(page.statusCode()).isEqualTo(200);
        Response cancelled = browser.postForm(Browser.formAction(page.asString(), "dd-chip-cancel"), Map.of("cancel", "on"));
        assertErrorAtRedirectUri(browser.followWithin(cancelled, server.baseUrl()), attempt, "access_denied");
    }

    /** {@code high} values, then {@code substantial} and {@code low} ones, exactly {@code length} characters long. */
    static String acrValuesOfLength(int length) {
        StringBuilder value = new StringBuilder("high");
        while (value.length() + 5 <= length - 12 || value.length() + 5 == length) {
            value.append(" high");
        }
        while (value.length() < length) {
            int left = length - value.length();
            value.append(left >= 16 || left == 12 ? " substantial" : left >= 4 ? " low" : "w".repeat(left));
        }
        return value.toString();
    }

    @Test
    void whenAcrValuesIsAtTheParsersLimit_thenItIsReadAndNoLevelIsLost() {
        // 793 "high" and 3 "substantial": 4,000 characters, every value one the server offers
        String value = "high" + " high".repeat(792) + " substantial".repeat(3);
        assertThat(value).hasSize(4000);
        RelyingParty.Attempt attempt = portal.authorize("openid");
        Response page = new Browser().get(attempt.uri() + "&acr_values=" + value.replace(" ", "%20"));
        assertThat(page.statusCode()).as("4,000 characters are read").isEqualTo(200);
        assertThat(page.asString()).as("a level above low was read: the chip card comes first").contains("dd-chip-continue").doesNotContain("kc-form-login");
    }

    @Test
    void whenAcrValuesIsOneCharacterOverTheParsersLimit_thenTheRequestIsRefusedRatherThanReadWithoutIt() {
        for (int length : new int[] {4001, 4009, 8001}) {
            String value = acrValuesOfLength(length);
            assertThat(value).hasSize(length).startsWith("high high");
            RelyingParty.Attempt attempt = portal.authorize("openid");
            Response answer = new Browser().get(attempt.uri() + "&acr_values=" + value.replace(" ", "%20"));
            assertRefusedAsInvalidRequest(answer, "acr_values of " + length + " characters");
        }
    }

    /** Keycloak's refusal of a request it cannot read whole: a 400 error page, no login form, no code. */
    static void assertRefusedAsInvalidRequest(Response answer, String what) {
        assertThat(answer.statusCode()).as(what).isEqualTo(400);
        assertThat(answer.getHeader("Location")).as("no redirect with a code").isNull();
        assertThat(answer.asString()).contains("kc-error-message").doesNotContain("kc-form-login").doesNotContain("dd-chip-continue")
                .doesNotContain("Exception");
    }

    @Test
    void whenTheClaimsParameterWithAnEssentialAcrIsOverTheLimit_thenTheRequestIsRefusedRatherThanReadWithoutIt() {
        String essentialHigh = "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"high\"]}},\"userinfo\":{\"pad\":{\"value\":\"";
        String close = "\"}}}";
        for (int length : new int[] {4000, 4001}) {
            String claims = essentialHigh + "x".repeat(length - essentialHigh.length() - close.length()) + close;
            assertThat(claims).hasSize(length);
            RelyingParty.Attempt attempt = portal.authorize("openid");
            Response answer = new Browser().get(attempt.uri() + "&claims=" + java.net.URLEncoder.encode(claims, java.nio.charset.StandardCharsets.UTF_8));
            if (length == 4000) {
                assertThat(answer.statusCode()).as("claims of 4,000 characters are read").isEqualTo(200);
                assertThat(answer.asString()).contains("dd-chip-continue");
            } else {
                assertRefusedAsInvalidRequest(answer, "claims of 4,001 characters");
            }
        }
    }

    private static ClaimsRequest essentialAcr(String level) {
        ClaimsRequest claims = new ClaimsRequest();
        claims.addIDTokenClaim("acr", ClaimRequirement.ESSENTIAL, null, List.of(level));
        return claims;
    }

    private static void assertErrorAtRedirectUri(Response answer, RelyingParty.Attempt attempt, String error) {
        assertThat(answer.statusCode()).as("page:\n%s", answer.asString()).isEqualTo(302);
        String location = answer.getHeader("Location");
        assertThat(location).startsWith(portal.redirectUri().toString());
        assertThat(Browser.queryParam(location, "code")).isNull();
        assertThat(Browser.queryParam(location, "error")).isEqualTo(error);
        assertThat(Browser.queryParam(location, "state")).isEqualTo(attempt.state().getValue());
    }
}
