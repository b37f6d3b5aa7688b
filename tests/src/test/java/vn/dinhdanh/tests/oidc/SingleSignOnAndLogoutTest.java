package vn.dinhdanh.tests.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.tests.support.AdminApi;
import vn.dinhdanh.tests.support.BackChannelLogoutReceiver;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.CitizenLogin;
import vn.dinhdanh.tests.support.DemoBank;
import vn.dinhdanh.tests.support.DemoCitizens;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.RelyingParty;

/**
 * Two government portals in one browser: one login serves both (single sign-on), and logging out at one portal ends
 * the session at the other too, through OpenID Connect back-channel logout to a logout endpoint played by the test.
 */
class SingleSignOnAndLogoutTest {

    static DinhdanhServer server;
    static RelyingParty portal;
    static RelyingParty ministry;
    static AdminApi admin;
    static BackChannelLogoutReceiver backChannel;

    @BeforeAll
    static void start() {
        server = DinhdanhServer.get();
        admin = new AdminApi(server);
        portal = RelyingParty.portal(server);
        ministry = new RelyingParty(server, "ministry-portal", "http://localhost:3002/callback",
                new ClientSecretBasic(new ClientID("ministry-portal"), new Secret("demo-ministry-portal-secret-not-for-production")));
        backChannel = new BackChannelLogoutReceiver(admin).register("ministry-portal").register(DemoBank.CLIENT_ID);
    }

    @AfterAll
    static void stop() {
        backChannel.close();
    }

    @Test
    void whenACitizenLoggedInAtOnePortal_thenTheSecondNeedsNoLogin_andLoggingOutAtTheFirstLogsOutOfTheSecondByBackChannel() throws Exception {
        Browser browser = new Browser();
        RelyingParty.Attempt first = portal.authorize("openid");
        AuthorizationCode code = CitizenLogin.login(browser, portal, first, DemoCitizens.AN.pin(), DemoCitizens.AN.password());
        OIDCTokenResponse portalTokens = (OIDCTokenResponse) portal.exchange(code, first.verifier()).toSuccessResponse();

        RelyingParty.Attempt second = ministry.authorize("openid");
        Response sso = browser.get(second.uri().toString());
        assertThat(sso.statusCode()).as("no login page at the second portal").isEqualTo(302);
        AuthorizationCode ministryCode = CitizenLogin.codeFrom(ministry, second, sso);
        OIDCTokenResponse ministryTokens = (OIDCTokenResponse) ministry.exchange(ministryCode, second.verifier()).toSuccessResponse();
        String sid = ministry.validate(ministryTokens.getOIDCTokens().getIDToken(), second.nonce()).getStringClaim("sid");
        assertThat(portal.validate(portalTokens.getOIDCTokens().getIDToken(), first.nonce()).getStringClaim("sid"))
                .as("one session").isEqualTo(sid);

        int before = backChannel.tokens().size();
        Response logout = browser.get(server.realmUrl() + "/protocol/openid-connect/logout?client_id=public-services-portal"
                + "&id_token_hint=" + portalTokens.getOIDCTokens().getIDTokenString()
                + "&post_logout_redirect_uri=" + java.net.URLEncoder.encode("http://localhost:3000/", StandardCharsets.UTF_8));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.getHeader("Location")).startsWith("http://localhost:3000/");

        assertThat(backChannel.tokens()).hasSizeGreaterThan(before);
        SignedJWT token = SignedJWT.parse(backChannel.tokens().get(backChannel.tokens().size() - 1));
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(server.realmUrl());
        assertThat(claims.getAudience()).containsExactly("ministry-portal");
        assertThat(claims.getStringClaim("sid")).isEqualTo(sid);
        assertThat(claims.getJSONObjectClaim("events")).containsKey("http://schemas.openid.net/event/backchannel-logout");
        assertThat(claims.getClaim("nonce")).as("a logout token never carries a nonce").isNull();
        assertThat(token.getHeader().getType().toString()).isEqualTo("logout+jwt");

        Response again = browser.get(ministry.authorize("openid").uri().toString());
        assertThat(again.statusCode()).as("the session is gone: the login page again").isEqualTo(200);
        assertThat(again.asString()).contains("kc-form-login");
    }

    @Test
    void whenTheCitizenLogsOutWhileLoggedInAtABank_thenTheBanksLogoutTokenCarriesItsPairwiseSubNotTheAccountId() throws Exception {
        RelyingParty bank = DemoBank.withDemoKey(server);
        Browser browser = new Browser();
        RelyingParty.Attempt first = portal.authorize("openid");
        AuthorizationCode code = CitizenLogin.login(browser, portal, first, DemoCitizens.NGOC.pin(), DemoCitizens.NGOC.password());
        OIDCTokenResponse portalTokens = (OIDCTokenResponse) portal.exchange(code, first.verifier()).toSuccessResponse();
        String publicSub = portal.validate(portalTokens.getOIDCTokens().getIDToken(), first.nonce()).getSubject().getValue();

        RelyingParty.Attempt atBank = bank.authorize("openid");
        AuthorizationCode bankCode = CitizenLogin.codeFrom(bank, atBank, browser.followWithin(browser.get(atBank.uri().toString()), server.baseUrl()));
        OIDCTokenResponse bankTokens = (OIDCTokenResponse) bank.exchange(bankCode, atBank.verifier()).toSuccessResponse();
        String bankSub = bank.validate(bankTokens.getOIDCTokens().getIDToken(), atBank.nonce()).getSubject().getValue();
        assertThat(bankSub).isNotEqualTo(publicSub);

        int before = backChannel.tokens().size();
        browser.get(server.realmUrl() + "/protocol/openid-connect/logout?client_id=public-services-portal"
                + "&id_token_hint=" + portalTokens.getOIDCTokens().getIDTokenString()
                + "&post_logout_redirect_uri=" + java.net.URLEncoder.encode("http://localhost:3000/", StandardCharsets.UTF_8));
        JWTClaimsSet bankLogout = backChannel.firstFor(DemoBank.CLIENT_ID, before)
                .orElseThrow(() -> new AssertionError("no logout token for the bank"));
        assertThat(bankLogout.getSubject()).as("the bank's pairwise sub, never the account id others see").isEqualTo(bankSub);
    }
}
