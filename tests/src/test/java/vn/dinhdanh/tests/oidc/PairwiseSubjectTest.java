package vn.dinhdanh.tests.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.tests.support.AdminApi;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.CitizenLogin;
import vn.dinhdanh.tests.support.DemoBank;
import vn.dinhdanh.tests.support.DemoCitizens;
import vn.dinhdanh.tests.support.DemoTelecom;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.RelyingParty;

/**
 * Pairwise subjects (OpenID Connect Core 8.1) for private-sector relying parties: the demo bank and the demo telecom,
 * two sectors, see different {@code sub} for one citizen, each stable across logins and the same in every token and
 * answer; a government portal sees the public {@code sub}; the bank's service-account token still works at the eKYC
 * API.
 */
class PairwiseSubjectTest {

    static DinhdanhServer server;
    static RelyingParty bank;
    static RelyingParty telecom;
    static RelyingParty portal;
    static String publicSub;

    @BeforeAll
    static void start() {
        server = DinhdanhServer.get();
        bank = DemoBank.withDemoKey(server);
        telecom = DemoTelecom.withDemoKey(server);
        portal = RelyingParty.portal(server);
        publicSub = login(portal).idTokenSub();
    }

    /** A fresh login of An (a new browser, no single sign-on) at this client; its tokens, the ID token validated. */
    static Login login(RelyingParty rp) {
        RelyingParty.Attempt attempt = rp.authorize("openid");
        AuthorizationCode code = CitizenLogin.login(new Browser(), rp, attempt, DemoCitizens.AN.pin(), DemoCitizens.AN.password());
        var response = rp.exchange(code, attempt.verifier());
        assertThat(response.indicatesSuccess()).as("token response %s", response).isTrue();
        OIDCTokens tokens = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
        return new Login(tokens, rp.validate(tokens.getIDToken(), attempt.nonce()).getSubject().getValue());
    }

    record Login(OIDCTokens tokens, String idTokenSub) {
        String accessTokenSub() throws Exception {
            return SignedJWT.parse(tokens.getAccessToken().getValue()).getJWTClaimsSet().getSubject();
        }
    }

    @Test
    void whenTheBankAndTheTelecomLogTheSameCitizenIn_thenTheirSubsDiffer_andNeitherIsThePublicSub() {
        String atBank = login(bank).idTokenSub();
        String atTelecom = login(telecom).idTokenSub();

        assertThat(atBank).isNotEqualTo(atTelecom);
        assertThat(atBank).isNotEqualTo(publicSub);
        assertThat(atTelecom).isNotEqualTo(publicSub);
        assertThat(atBank).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void whenAGovernmentPortalLogsTheCitizenIn_thenItSeesThePublicSub() throws Exception {
        Login atPortal = login(portal);

        assertThat(atPortal.idTokenSub()).as("Keycloak's id of the account").isEqualTo(new AdminApi(server).userId(DemoCitizens.AN.pin()).orElseThrow());
        assertThat(atPortal.idTokenSub()).isEqualTo(publicSub);
        assertThat(atPortal.accessTokenSub()).isEqualTo(publicSub);
        assertThat(portal.userInfo(atPortal.tokens().getAccessToken()).getSubject().getValue()).isEqualTo(publicSub);
    }

    @Test
    void whenTheBankLogsTheCitizenInTwice_thenTheSubIsTheSame_inIdTokenAccessTokenUserinfoIntrospectionAndAfterRefresh() throws Exception {
        Login first = login(bank);
        Login second = login(bank);
        String sub = first.idTokenSub();

        assertThat(second.idTokenSub()).as("stable across logins").isEqualTo(sub);
        assertThat(first.accessTokenSub()).as("access token").isEqualTo(sub);
        AccessToken access = first.tokens().getAccessToken();
        assertThat(bank.userInfo(access).getSubject().getValue()).as("userinfo with the DPoP-bound access token").isEqualTo(sub);
        var introspection = bank.introspect(access);
        assertThat(introspection.isActive()).isTrue();
        assertThat(introspection.getSubject().getValue()).as("introspection").isEqualTo(sub);

        assertThat(first.tokens().getRefreshToken()).as("a refresh token").isNotNull();
        var refreshed = bank.token(new RefreshTokenGrant(first.tokens().getRefreshToken()));
        assertThat(refreshed.indicatesSuccess()).as("refresh %s", refreshed).isTrue();
        OIDCTokens after = ((OIDCTokenResponse) refreshed.toSuccessResponse()).getOIDCTokens();
        assertThat(SignedJWT.parse(after.getAccessToken().getValue()).getJWTClaimsSet().getSubject()).as("refreshed access token").isEqualTo(sub);
        if (after.getIDToken() != null) {
            assertThat(bank.validate(after.getIDToken(), null).getSubject().getValue()).as("refreshed ID token").isEqualTo(sub);
        }
        assertThat(bank.userInfo(after.getAccessToken()).getSubject().getValue()).as("userinfo after refresh").isEqualTo(sub);
    }

    @Test
    void whenTheBankCallsTheEkycApiWithItsServiceAccountToken_thenItIsServed_forThatTokenKeepsTheServiceAccountsSub() throws Exception {
        DemoBank.BankToken token = DemoBank.clientCredentialsToken(server, "ekyc");

        token.post(server.realmUrl() + "/chip-card/ekyc/challenges").then().statusCode(200);
        String sub = SignedJWT.parse(token.value()).getJWTClaimsSet().getSubject();
        String serviceAccount = new AdminApi(server).userId("service-account-" + DemoBank.CLIENT_ID).orElseThrow();
        assertThat(sub).isEqualTo(serviceAccount);
    }
}
