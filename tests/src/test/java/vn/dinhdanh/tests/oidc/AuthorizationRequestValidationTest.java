package vn.dinhdanh.tests.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import io.restassured.response.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.CitizenLogin;
import vn.dinhdanh.tests.support.DemoCitizens;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.Pages;
import vn.dinhdanh.tests.support.RelyingParty;

/** The authorization endpoint refuses requests it must not serve (RFC 6749 3.1.2.4 and 4.1.2.1, RFC 7636, RFC 9700). */
class AuthorizationRequestValidationTest {

    static DinhdanhServer server;
    static RelyingParty portal;

    @BeforeAll
    static void start() {
        server = DinhdanhServer.get();
        portal = RelyingParty.portal(server);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://evil.example/callback",
        "http://localhost:3000/callback/../evil",
        "http://localhost:3000/callbackx",
        "http://localhost:3001/callback",
        "https://localhost:3000/callback",
    })
    void whenTheRedirectUriIsNotRegistered_thenAnErrorPageIsShownAndNothingRedirectsThere(String redirectUri) {
        RelyingParty impostor = new RelyingParty(server, "public-services-portal", redirectUri, (ClientAuthentication) null);
        Response answer = new Browser().get(impostor.authorize("openid").uri().toString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.getHeader("Location")).isNull();
        // Keycloak's page, in the realm's default language: "Invalid parameter: redirect_uri".
        assertThat(Pages.text(answer.asString())).contains("Tham số không hợp lệ: redirect_uri");
        assertThat(answer.asString()).doesNotContain("kc-form-login").doesNotContain(redirectUri.replace("&", "&amp;") + "?");
    }

    @Test
    void whenThePublicPortalSendsNoPkceChallenge_thenNoCodeIsIssued() {
        String uri = server.realmUrl() + "/protocol/openid-connect/auth?client_id=public-services-portal&response_type=code&scope=openid"
                + "&state=s-no-pkce&redirect_uri=" + URLEncoder.encode(portal.redirectUri().toString(), StandardCharsets.UTF_8);
        Response answer = new Browser().get(uri);

        assertRefusedWithInvalidRequest(answer);
    }

    @Test
    void whenThePublicPortalUsesThePlainPkceMethod_thenNoCodeIsIssued() {
        String uri = server.realmUrl() + "/protocol/openid-connect/auth?client_id=public-services-portal&response_type=code&scope=openid"
                + "&state=s-no-pkce&code_challenge=" + new CodeVerifier().getValue() + "&code_challenge_method=plain"
                + "&redirect_uri=" + URLEncoder.encode(portal.redirectUri().toString(), StandardCharsets.UTF_8);
        Response answer = new Browser().get(uri);

        assertRefusedWithInvalidRequest(answer);
    }

    @Test
    void whenTheCodeIsRedeemedWithTheWrongVerifier_thenInvalidGrant() {
        RelyingParty.Attempt attempt = portal.authorize("openid");
        AuthorizationCode code = CitizenLogin.login(new Browser(), portal, attempt, DemoCitizens.NGOC.pin(), DemoCitizens.NGOC.password());

        TokenResponse response = portal.exchange(code, new CodeVerifier());
        assertThat(response.indicatesSuccess()).isFalse();
        assertThat(((TokenErrorResponse) response).getErrorObject().getCode()).isEqualTo("invalid_grant");
    }

    @Test
    void whenTheCodeIsRedeemedWithoutAVerifier_thenInvalidGrant() {
        RelyingParty.Attempt attempt = portal.authorize("openid");
        AuthorizationCode code = CitizenLogin.login(new Browser(), portal, attempt, DemoCitizens.NGOC.pin(), DemoCitizens.NGOC.password());

        TokenResponse response = portal.exchange(code, null);
        assertThat(response.indicatesSuccess()).isFalse();
        assertThat(((TokenErrorResponse) response).getErrorObject().getCode()).isEqualTo("invalid_grant");
    }

    /** The registered redirect_uri gets error=invalid_request (RFC 6749 4.1.2.1), never a code. */
    private void assertRefusedWithInvalidRequest(Response answer) {
        assertThat(answer.statusCode()).as("page:\n%s", answer.asString()).isEqualTo(302);
        String location = answer.getHeader("Location");
        assertThat(location).startsWith(portal.redirectUri().toString());
        assertThat(Browser.queryParam(location, "code")).isNull();
        assertThat(Browser.queryParam(location, "error")).isEqualTo("invalid_request");
        assertThat(Browser.queryParam(location, "state")).isEqualTo("s-no-pkce");
    }
}
