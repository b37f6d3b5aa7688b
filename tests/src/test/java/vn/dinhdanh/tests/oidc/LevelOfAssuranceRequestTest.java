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
