package vn.dinhdanh.tests.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.CitizenLogin;
import vn.dinhdanh.tests.support.DemoBank;
import vn.dinhdanh.tests.support.DemoCitizens;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.RelyingParty;

/** demo-bank, a confidential client, authenticates at the token endpoint with private_key_jwt (RFC 7523, OIDC Core 9). */
class BankPrivateKeyJwtTest {

    static DinhdanhServer server;
    static RelyingParty bank;

    @BeforeAll
    static void start() {
        server = DinhdanhServer.get();
        bank = DemoBank.withDemoKey(server);
    }

    @Test
    void whenDemoBankRedeemsACodeWithAJwtSignedByItsKey_thenItGetsTokensForTheCitizen() throws Exception {
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = bank.authorize("openid");
        AuthorizationCode code = CitizenLogin.login(browser, bank, attempt, DemoCitizens.AN.pin(), DemoCitizens.AN.password());

        TokenResponse response = bank.exchange(code, attempt.verifier());
        assertThat(response.indicatesSuccess()).as("%s", response).isTrue();
        OIDCTokenResponse tokens = (OIDCTokenResponse) response.toSuccessResponse();
        IDTokenClaimsSet id = bank.validate(tokens.getOIDCTokens().getIDToken(), attempt.nonce());
        assertThat(id.getAudience()).extracting(a -> a.getValue()).containsExactly(DemoBank.CLIENT_ID);
        assertThat(id.getStringClaim("acr")).isEqualTo("low");
        assertThat(SignedJWT.parse(tokens.getTokens().getAccessToken().getValue()).getJWTClaimsSet().getStringClaim("azp"))
                .isEqualTo(DemoBank.CLIENT_ID);
    }

    @Test
    void whenTheCodeIsRedeemedWithAJwtSignedByAnotherKey_thenTheTokenEndpointAnswersInvalidClient() {
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = bank.authorize("openid");
        AuthorizationCode code = CitizenLogin.login(browser, bank, attempt, DemoCitizens.AN.pin(), DemoCitizens.AN.password());

        TokenResponse forged = DemoBank.withForeignKey(server).exchange(code, attempt.verifier());
        assertThat(forged.indicatesSuccess()).isFalse();
        assertThat(((TokenErrorResponse) forged).getErrorObject().getCode()).isEqualTo("invalid_client");
    }

    @Test
    void whenDemoBankUsesTheClientCredentialsGrant_thenItGetsAnAccessTokenForItself() throws Exception {
        TokenResponse response = bank.token(new ClientCredentialsGrant());
        assertThat(response.indicatesSuccess()).as("%s", response).isTrue();
        AccessTokenResponse tokens = response.toSuccessResponse();
        var claims = SignedJWT.parse(tokens.getTokens().getAccessToken().getValue()).getJWTClaimsSet();
        assertThat(claims.getStringClaim("azp")).isEqualTo(DemoBank.CLIENT_ID);
        assertThat(claims.getIssuer()).isEqualTo(server.realmUrl());
        assertThat(tokens.getTokens().getRefreshToken()).as("no refresh token for client credentials").isNull();
    }

    @Test
    void whenClientCredentialsAreAskedWithAJwtSignedByAnotherKey_thenInvalidClient() {
        TokenResponse response = DemoBank.withForeignKey(server).token(new ClientCredentialsGrant());
        assertThat(response.indicatesSuccess()).isFalse();
        assertThat(((TokenErrorResponse) response).getErrorObject().getCode()).isEqualTo("invalid_client");
    }

    @Test
    void whenAClientAssertionIsReplayed_thenTheSecondRequestIsRefused() throws Exception {
        URI tokenEndpoint = bank.metadata().getTokenEndpointURI();
        PrivateKeyJWT once = DemoBank.assertion(URI.create(server.realmUrl()), DemoBank.demoKey(), DemoBank.KEY_ID);
        TokenResponse first = send(new TokenRequest(tokenEndpoint, once, new ClientCredentialsGrant()));
        assertThat(first.indicatesSuccess()).as("%s", first).isTrue();

        TokenResponse replay = send(new TokenRequest(tokenEndpoint, once, new ClientCredentialsGrant()));
        assertThat(replay.indicatesSuccess()).isFalse();
        assertThat(((TokenErrorResponse) replay).getErrorObject().getCode()).isEqualTo("invalid_client");
    }

    @Test
    void whenTheAssertionIsForAnotherAudience_thenInvalidClient() throws Exception {
        URI tokenEndpoint = bank.metadata().getTokenEndpointURI();
        PrivateKeyJWT elsewhere = DemoBank.assertion(URI.create("https://other-idp.example/token"), DemoBank.demoKey(), DemoBank.KEY_ID);
        TokenResponse response = send(new TokenRequest(tokenEndpoint, elsewhere, new ClientCredentialsGrant()));
        assertThat(response.indicatesSuccess()).isFalse();
        assertThat(((TokenErrorResponse) response).getErrorObject().getCode()).isEqualTo("invalid_client");
    }

    @Test
    void whenDemoBankAuthenticatesWithASecretInstead_thenInvalidClient() throws Exception {
        URI tokenEndpoint = bank.metadata().getTokenEndpointURI();
        TokenResponse response = send(new TokenRequest(tokenEndpoint,
                new ClientSecretBasic(new ClientID(DemoBank.CLIENT_ID), new Secret("guessed-secret-value")), new ClientCredentialsGrant()));
        assertThat(response.indicatesSuccess()).isFalse();
        assertThat(((TokenErrorResponse) response).getErrorObject().getCode()).isEqualTo("invalid_client");
    }

    /** Sends the request with a fresh DPoP proof: the demo bank's tokens are DPoP-bound (FAPI 2.0). */
    private static TokenResponse send(TokenRequest request) throws Exception {
        var http = request.toHTTPRequest();
        http.setDPoP(DemoBank.dpopKey().createDPoPJWT("POST", request.getEndpointURI()));
        return OIDCTokenResponseParser.parse(http.send());
    }
}
