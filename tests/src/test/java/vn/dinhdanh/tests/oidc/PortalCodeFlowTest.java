package vn.dinhdanh.tests.oidc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.CitizenLogin;
import vn.dinhdanh.tests.support.DemoCitizens;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.RelyingParty;

/** The government portal (public client, PKCE S256) logs a citizen in with the authorization code flow. */
class PortalCodeFlowTest {

    static DinhdanhServer server;
    static RelyingParty portal;

    @BeforeAll
    static void start() {
        server = DinhdanhServer.get();
        portal = RelyingParty.portal(server);
    }

    @Test
    void whenDiscoveryIsRead_thenItAdvertisesCodeFlowPkceAndTheLevelsOfAssurance() {
        var metadata = given().get(server.realmUrl() + "/.well-known/openid-configuration").then().statusCode(200).extract().jsonPath();
        assertThat(metadata.getString("issuer")).isEqualTo(server.realmUrl());
        assertThat(metadata.getList("code_challenge_methods_supported", String.class)).contains("S256");
        assertThat(metadata.getList("acr_values_supported", String.class)).contains("low", "substantial", "high");
        assertThat(metadata.getList("response_types_supported", String.class)).contains("code");
        var jwks = given().get(metadata.getString("jwks_uri")).then().statusCode(200).extract().jsonPath();
        assertThat(jwks.getList("keys.kid")).isNotEmpty();
    }

    @Test
    void whenCitizenLogsInWithPassword_thenIdTokenValidatesAndCarriesAcrLowButNoProfileClaims() throws Exception {
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = portal.authorize("openid profile");
        AuthorizationCode code = CitizenLogin.login(browser, portal, attempt, DemoCitizens.AN.pin(), DemoCitizens.AN.password());

        TokenResponse response = portal.exchange(code, attempt.verifier());
        assertThat(response.indicatesSuccess()).as("%s", response).isTrue();
        OIDCTokenResponse tokens = (OIDCTokenResponse) response.toSuccessResponse();
        IDTokenClaimsSet id = portal.validate(tokens.getOIDCTokens().getIDToken(), attempt.nonce());

        assertThat(id.getStringClaim("acr")).isEqualTo("low");
        assertThat(id.getClaim("name")).as("profile claims stay out of the ID token unless asked for there").isNull();
        assertThat(id.getClaim("birthdate")).isNull();
        assertThat(id.getClaim("personal_id_number")).isNull();
    }

    @Test
    void whenUserinfoIsCalled_thenRegistryClaimsComeInVietnameseNameOrder() throws Exception {
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = portal.authorize("openid profile address");
        AuthorizationCode code = CitizenLogin.login(browser, portal, attempt, DemoCitizens.AN.pin(), DemoCitizens.AN.password());
        AccessTokenResponse tokens = portal.exchange(code, attempt.verifier()).toSuccessResponse();

        UserInfoResponse userInfoResponse = UserInfoResponse.parse(
                new UserInfoRequest(portal.metadata().getUserInfoEndpointURI(), tokens.getTokens().getBearerAccessToken()).toHTTPRequest().send());
        assertThat(userInfoResponse.indicatesSuccess()).isTrue();
        UserInfo info = userInfoResponse.toSuccessResponse().getUserInfo();
        assertThat(info.getName()).isEqualTo("Nguyễn Văn An");
        assertThat(info.getFamilyName()).isEqualTo("Nguyễn");
        assertThat(info.getGivenName()).isEqualTo("Văn An");
        assertThat(info.getBirthdate()).isEqualTo("1990-03-15");
        assertThat(info.getGender().getValue()).isEqualTo("male");
        assertThat(info.getAddress()).isNotNull();
        assertThat(info.getAddress().getFormatted()).isNotBlank();
        assertThat(info.getClaim("personal_id_number")).as("not without the citizen_id scope").isNull();
    }

    @Test
    void whenTokensAreRefreshed_thenNewTokensAreIssuedAndTheOldRefreshTokenStillIdentifiesTheSession() {
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = portal.authorize("openid");
        AuthorizationCode code = CitizenLogin.login(browser, portal, attempt, DemoCitizens.NGOC.pin(), DemoCitizens.NGOC.password());
        AccessTokenResponse tokens = portal.exchange(code, attempt.verifier()).toSuccessResponse();

        TokenResponse refreshed = portal.token(new RefreshTokenGrant(tokens.getTokens().getRefreshToken()));
        assertThat(refreshed.indicatesSuccess()).as("%s", refreshed).isTrue();
        assertThat(refreshed.toSuccessResponse().getTokens().getAccessToken().getValue())
                .isNotEqualTo(tokens.getTokens().getAccessToken().getValue());
    }

    @Test
    void whenAnAuthorizationCodeIsUsedTwice_thenTheSecondExchangeIsRefused() {
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = portal.authorize("openid");
        AuthorizationCode code = CitizenLogin.login(browser, portal, attempt, DemoCitizens.AN.pin(), DemoCitizens.AN.password());
        assertThat(portal.exchange(code, attempt.verifier()).indicatesSuccess()).isTrue();

        TokenResponse second = portal.exchange(code, attempt.verifier());
        assertThat(second.indicatesSuccess()).isFalse();
        assertThat(((TokenErrorResponse) second).getErrorObject().getCode()).isEqualTo("invalid_grant");
    }

    @Test
    void whenTheCitizenLogsOut_thenTheSsoSessionEndsAndTheNextRequestShowsTheLoginPage() {
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = portal.authorize("openid");
        AuthorizationCode code = CitizenLogin.login(browser, portal, attempt, DemoCitizens.AN.pin(), DemoCitizens.AN.password());
        OIDCTokenResponse tokens = (OIDCTokenResponse) portal.exchange(code, attempt.verifier()).toSuccessResponse();

        String logout = portal.metadata().getEndSessionEndpointURI() + "?client_id=public-services-portal&id_token_hint="
                + tokens.getOIDCTokens().getIDTokenString() + "&post_logout_redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fbye";
        Response answer = browser.get(logout);
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.getHeader("Location")).startsWith("http://localhost:3000/bye");

        Response next = browser.get(portal.authorize("openid").uri().toString());
        assertThat(next.statusCode()).as("no SSO after logout").isEqualTo(200);
        assertThat(next.asString()).contains("kc-form-login");
    }
}
