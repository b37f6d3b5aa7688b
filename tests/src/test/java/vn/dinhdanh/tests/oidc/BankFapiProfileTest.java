package vn.dinhdanh.tests.oidc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.dpop.DPoPProofFactory;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import io.restassured.response.Response;
import java.net.URI;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.CitizenLogin;
import vn.dinhdanh.tests.support.DemoBank;
import vn.dinhdanh.tests.support.DemoCitizens;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.RelyingParty;

/**
 * The demo bank under the FAPI 2.0 security profile with DPoP (Keycloak client policy {@code dinhdanh-banks-and-telecoms}
 * for clients of type bank): the whole flow as a bank's integration would run it (its ID token and userinfo signed, then
 * encrypted to its key), and a refusal for each rule.
 */
class BankFapiProfileTest {

    static DinhdanhServer server;
    static RelyingParty bank;
    static URI issuer;

    @BeforeAll
    static void start() {
        server = DinhdanhServer.get();
        bank = DemoBank.withDemoKey(server);
        issuer = URI.create(server.realmUrl());
    }

    static PrivateKeyJWT assertion(JWSAlgorithm alg, Date expiry, URI audience) throws Exception {
        JWTAuthenticationClaimsSet claims = new JWTAuthenticationClaimsSet(new ClientID(DemoBank.CLIENT_ID), List.of(new Audience(audience)),
                expiry, null, new Date(), new JWTID());
        return new PrivateKeyJWT(claims, alg, DemoBank.demoKey(), DemoBank.KEY_ID, null);
    }

    static TokenResponse token(TokenRequest request, DPoPProofFactory dpop) throws Exception {
        var http = request.toHTTPRequest();
        if (dpop != null) {
            http.setDPoP(dpop.createDPoPJWT("POST", request.getEndpointURI()));
        }
        return OIDCTokenResponseParser.parse(http.send());
    }

    static String error(TokenResponse response) {
        assertThat(response.indicatesSuccess()).as("refused").isFalse();
        return ((TokenErrorResponse) response).getErrorObject().getCode();
    }

    /** A refusal for the DPoP proof: Keycloak answers invalid_dpop_proof (RFC 9449) or invalid_request, naming DPoP. */
    static void refusedForDPoP(TokenResponse response) {
        assertThat(response.indicatesSuccess()).as("refused").isFalse();
        var error = ((TokenErrorResponse) response).getErrorObject();
        assertThat(error.getCode()).isIn("invalid_dpop_proof", "invalid_request");
        assertThat(error.getDescription()).as(error.toJSONObject().toString()).containsIgnoringCase("DPoP");
    }

    /** A pushed request without PKCE, or another change to the bank's usual request. */
    static PushedAuthorizationResponse push(AuthenticationRequest request, com.nimbusds.oauth2.sdk.auth.ClientAuthentication auth) throws Exception {
        return PushedAuthorizationResponse.parse(new PushedAuthorizationRequest(bank.metadata().getPushedAuthorizationRequestEndpointURI(),
                auth, request).toHTTPRequest().send());
    }

    @Test
    void whenTheBankRunsTheFapiFlow_thenItGetsDPoPBoundTokens_andTheAuthorizationResponseNamesTheIssuer() throws Exception {
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = bank.authorize("openid profile");
        assertThat(attempt.uri().getQuery()).as("only client_id and request_uri travel through the browser")
                .contains("request_uri=").doesNotContain("code_challenge").doesNotContain("scope");
        Response answer = CitizenLogin.submit(browser, CitizenLogin.openLoginPage(browser, attempt), DemoCitizens.AN.pin(), DemoCitizens.AN.password());
        AuthorizationCode code = CitizenLogin.codeFrom(bank, attempt, answer);
        assertThat(Browser.queryParam(answer.getHeader("Location"), "iss")).as("RFC 9207").isEqualTo(server.realmUrl());

        OIDCTokenResponse tokens = (OIDCTokenResponse) bank.exchange(code, attempt.verifier()).toSuccessResponse();

        AccessToken access = tokens.getOIDCTokens().getAccessToken();
        assertThat(access).isInstanceOf(DPoPAccessToken.class);
        assertThat(SignedJWT.parse(access.getValue()).getJWTClaimsSet().getJSONObjectClaim("cnf")).containsKey("jkt");
        var idToken = tokens.getOIDCTokens().getIDToken();
        assertThat(idToken).as("the ID token is signed, then encrypted to the bank's key").isInstanceOf(com.nimbusds.jwt.EncryptedJWT.class);
        var header = ((com.nimbusds.jwt.EncryptedJWT) idToken).getHeader();
        assertThat(header.getAlgorithm()).isEqualTo(com.nimbusds.jose.JWEAlgorithm.RSA_OAEP_256);
        assertThat(header.getEncryptionMethod()).isEqualTo(com.nimbusds.jose.EncryptionMethod.A256GCM);
        assertThat(header.getKeyID()).isEqualTo("demo-bank-enc-demo-only-2026");
        var id = bank.validate(idToken, attempt.nonce());
        assertThat(id.getStringClaim("acr")).isEqualTo("low");
        assertThat(bank.userInfo(access).getSubject()).as("userinfo: encrypted and signed, decrypted and verified").isEqualTo(id.getSubject());
    }

    @Test
    void whenTheBankSkipsPar_thenTheAuthorizationEndpointRefusesTheRequest() {
        RelyingParty.Attempt direct = bank.withoutPar().authorize("openid");
        Response answer = new Browser().get(direct.uri().toString());
        String location = answer.getHeader("Location");
        assertThat(answer.statusCode() == 400 || (location != null && location.contains("error=invalid_request")))
                .as("refused, not a login page: HTTP %s %s", answer.statusCode(), location).isTrue();
        assertThat(answer.asString()).doesNotContain("kc-form-login");
    }

    @Test
    void whenThePushedRequestHasNoPkce_thenItIsRefused() throws Exception {
        AuthenticationRequest noPkce = new AuthenticationRequest.Builder(ResponseType.CODE, Scope.parse("openid"), bank.clientId(), bank.redirectUri())
                .endpointURI(bank.metadata().getAuthorizationEndpointURI()).state(new State()).nonce(new Nonce()).build();
        PushedAuthorizationResponse answer = push(noPkce, DemoBank.assertion(issuer, DemoBank.demoKey(), DemoBank.KEY_ID));
        assertThat(answer.indicatesSuccess()).isFalse();
        assertThat(answer.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_request");
    }

    @Test
    void whenTheBankAuthenticatesWithAClientSecret_thenItIsRefused_atParAndAtTheTokenEndpoint() throws Exception {
        ClientSecretBasic secret = new ClientSecretBasic(new ClientID(DemoBank.CLIENT_ID), new Secret("guessed-secret-value"));
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE, Scope.parse("openid"), bank.clientId(), bank.redirectUri())
                .state(new State()).nonce(new Nonce()).codeChallenge(new com.nimbusds.oauth2.sdk.pkce.CodeVerifier(),
                        com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod.S256).build();
        PushedAuthorizationResponse par = push(request, secret);
        assertThat(par.indicatesSuccess()).isFalse();
        assertThat(par.toErrorResponse().getErrorObject().getCode()).isIn("invalid_client", "invalid_request");

        assertThat(error(token(new TokenRequest(bank.metadata().getTokenEndpointURI(), secret, new ClientCredentialsGrant()), DemoBank.dpopKey())))
                .isEqualTo("invalid_client");
    }

    @Test
    void whenTheClientAssertionIsExpired_replayed_orSignedWithRs256_thenItIsRefused() throws Exception {
        URI endpoint = bank.metadata().getTokenEndpointURI();
        PrivateKeyJWT expired = assertion(JWSAlgorithm.PS256, new Date(System.currentTimeMillis() - 60_000), issuer);
        assertThat(error(token(new TokenRequest(endpoint, expired, new ClientCredentialsGrant()), DemoBank.dpopKey()))).isEqualTo("invalid_client");

        PrivateKeyJWT once = assertion(JWSAlgorithm.PS256, new Date(System.currentTimeMillis() + 60_000), issuer);
        assertThat(token(new TokenRequest(endpoint, once, new ClientCredentialsGrant()), DemoBank.dpopKey()).indicatesSuccess()).isTrue();
        assertThat(error(token(new TokenRequest(endpoint, once, new ClientCredentialsGrant()), DemoBank.dpopKey()))).isEqualTo("invalid_client");

        PrivateKeyJWT rs256 = assertion(JWSAlgorithm.RS256, new Date(System.currentTimeMillis() + 60_000), issuer);
        assertThat(token(new TokenRequest(endpoint, rs256, new ClientCredentialsGrant()), DemoBank.dpopKey()).indicatesSuccess())
                .as("RS256 is not a FAPI 2.0 algorithm").isFalse();
    }

    @Test
    void whenTheTokenRequestHasNoDPoPProof_orAProofForAnotherEndpoint_thenItIsRefused() throws Exception {
        URI endpoint = bank.metadata().getTokenEndpointURI();
        refusedForDPoP(token(new TokenRequest(endpoint, DemoBank.assertion(issuer, DemoBank.demoKey(), DemoBank.KEY_ID),
                new ClientCredentialsGrant()), null));

        var http = new TokenRequest(endpoint, DemoBank.assertion(issuer, DemoBank.demoKey(), DemoBank.KEY_ID), new ClientCredentialsGrant()).toHTTPRequest();
        http.setDPoP(DemoBank.dpopKey().createDPoPJWT("POST", bank.metadata().getUserInfoEndpointURI()));
        refusedForDPoP(OIDCTokenResponseParser.parse(http.send()));

        Browser browser = new Browser();
        RelyingParty.Attempt attempt = bank.authorize("openid");
        AuthorizationCode code = CitizenLogin.login(browser, bank, attempt, DemoCitizens.AN.pin(), DemoCitizens.AN.password());
        refusedForDPoP(bank.withoutDPoP().exchange(code, attempt.verifier()));
    }

    @Test
    void whenADPoPBoundTokenIsUsedWithoutItsProof_orWithAnotherKeysProof_thenUserinfoAndTheEkycApiRefuseIt() throws Exception {
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = bank.authorize("openid");
        AuthorizationCode code = CitizenLogin.login(browser, bank, attempt, DemoCitizens.AN.pin(), DemoCitizens.AN.password());
        String access = bank.exchange(code, attempt.verifier()).toSuccessResponse().getTokens().getAccessToken().getValue();

        String userinfo = bank.metadata().getUserInfoEndpointURI().toString();
        assertThat(given().header("Authorization", "Bearer " + access).get(userinfo).statusCode()).as("as a bearer token").isEqualTo(401);
        assertThat(given().header("Authorization", "DPoP " + access).get(userinfo).statusCode()).as("without a proof").isEqualTo(401);
        String otherKeysProof = DemoBank.dpopKey().createDPoPJWT("GET", URI.create(userinfo), new DPoPAccessToken(access)).serialize();
        assertThat(given().header("Authorization", "DPoP " + access).header("DPoP", otherKeysProof).get(userinfo).statusCode())
                .as("with another key's proof").isEqualTo(401);

        DemoBank.BankToken ekyc = DemoBank.clientCredentialsToken(server, "ekyc");
        String challenges = server.realmUrl() + "/chip-card/ekyc/challenges";
        assertThat(given().auth().oauth2(ekyc.value()).post(challenges).statusCode()).as("eKYC: as a bearer token").isEqualTo(401);
        assertThat(ekyc.post(challenges).statusCode()).as("eKYC: with its proof").isEqualTo(200);
        assertThat(new DemoBank.BankToken(ekyc.value(), DemoBank.dpopKey()).post(challenges).statusCode()).as("eKYC: another key's proof")
                .isEqualTo(401);
    }
}
