package vn.dinhdanh.tests.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCClaimsRequest;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.CitizenLogin;
import vn.dinhdanh.tests.support.DemoBank;
import vn.dinhdanh.tests.support.DemoCitizens;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.RelyingParty;

/**
 * Data minimisation (DESIGN.md 3, Law 91/2025): the personal ID number goes only to government clients that ask for the
 * citizen_id scope; the ID token carries profile claims only when the relying party asked for them there.
 */
class CitizenClaimsReleaseTest {

    /** The identity claims dinhdanh can release. */
    static final List<String> IDENTITY_CLAIMS = List.of("name", "family_name", "given_name", "birthdate", "gender", "address",
            "phone_number", "phone_number_verified", "personal_id_number");

    static DinhdanhServer server;
    static RelyingParty portal;
    static RelyingParty bank;

    @BeforeAll
    static void start() {
        server = DinhdanhServer.get();
        portal = RelyingParty.portal(server);
        bank = DemoBank.withDemoKey(server);
    }

    @Test
    void whenTheGovernmentPortalAsksForTheCitizenIdScope_thenUserinfoCarriesThePersonalIdNumber() throws Exception {
        RelyingParty.Attempt attempt = portal.authorize("openid citizen_id");
        AuthorizationCode code = CitizenLogin.login(new Browser(), portal, attempt, DemoCitizens.NGOC.pin(), DemoCitizens.NGOC.password());
        OIDCTokenResponse tokens = (OIDCTokenResponse) portal.exchange(code, attempt.verifier()).toSuccessResponse();

        UserInfo info = portal.userInfo(tokens.getTokens().getAccessToken());
        assertThat(info.getStringClaim("personal_id_number")).isEqualTo(DemoCitizens.NGOC.pin()).matches("\\d{12}");
        assertThat(tokens.getTokens().getAccessToken().getScope().toStringList()).contains("citizen_id");

        IDTokenClaimsSet id = portal.validate(tokens.getOIDCTokens().getIDToken(), attempt.nonce());
        assertThat(id.getClaim("personal_id_number")).as("not in the ID token unless asked for there").isNull();
        assertThat(SignedJWT.parse(tokens.getTokens().getAccessToken().getValue()).getJWTClaimsSet().getClaim("personal_id_number"))
                .as("never in the access token").isNull();
    }

    @Test
    void whenAnotherGovernmentClientAsksForTheCitizenIdScope_thenItGetsThePersonalIdNumberToo() throws Exception {
        // ministry-portal: confidential, client secret from the environment (the demo profile's DEMO ONLY value).
        RelyingParty ministry = new RelyingParty(server, "ministry-portal", "http://localhost:3002/callback",
                new com.nimbusds.oauth2.sdk.auth.ClientSecretBasic(new com.nimbusds.oauth2.sdk.id.ClientID("ministry-portal"),
                        new com.nimbusds.oauth2.sdk.auth.Secret("demo-ministry-portal-secret-not-for-production")));
        RelyingParty.Attempt attempt = ministry.authorize("openid citizen_id");
        AuthorizationCode code = CitizenLogin.login(new Browser(), ministry, attempt, DemoCitizens.NGOC.pin(), DemoCitizens.NGOC.password());
        TokenResponse response = ministry.exchange(code, attempt.verifier());
        assertThat(response.indicatesSuccess()).as("%s", response).isTrue();

        UserInfo info = ministry.userInfo(response.toSuccessResponse().getTokens().getAccessToken());
        assertThat(info.getStringClaim("personal_id_number")).isEqualTo(DemoCitizens.NGOC.pin());
    }

    @Test
    void whenTheGovernmentPortalAsksForThePersonalIdNumberInTheIdToken_thenItIsThere() throws Exception {
        RelyingParty.Attempt attempt = portal.authorize("openid citizen_id",
                b -> b.claims(claims("{\"id_token\":{\"personal_id_number\":{\"essential\":true}}}")));
        AuthorizationCode code = CitizenLogin.login(new Browser(), portal, attempt, DemoCitizens.NGOC.pin(), DemoCitizens.NGOC.password());
        OIDCTokenResponse tokens = (OIDCTokenResponse) portal.exchange(code, attempt.verifier()).toSuccessResponse();

        IDTokenClaimsSet id = portal.validate(tokens.getOIDCTokens().getIDToken(), attempt.nonce());
        assertThat(id.getStringClaim("personal_id_number")).isEqualTo(DemoCitizens.NGOC.pin());
    }

    @Test
    void whenDemoBankAsksForTheCitizenIdScope_thenItIsRefusedOrGetsNoPersonalIdNumber() throws Exception {
        RelyingParty.Attempt attempt;
        try {
            attempt = bank.authorize("openid profile citizen_id");
        } catch (AssertionError refusedAtPar) {
            // the bank pushes its requests (FAPI 2.0): the scope is refused there, before any browser is involved
            assertThat(refusedAtPar.getMessage()).contains("invalid_request").contains("Invalid scopes");
            return;
        }
        Browser browser = new Browser();
        Response first = browser.get(attempt.uri().toString());
        if (Browser.isRedirect(first)) {
            // Refusing the scope outright is correct (Keycloak's answer for a scope the client may not ask for).
            String location = first.getHeader("Location");
            assertThat(location).startsWith(DemoBank.REDIRECT_URI);
            assertThat(Browser.queryParam(location, "code")).isNull();
            assertThat(Browser.queryParam(location, "error")).isEqualTo("invalid_scope");
            return;
        }
        assertThat(first.statusCode()).isEqualTo(200);
        AuthorizationCode code = CitizenLogin.codeFrom(bank, attempt, CitizenLogin.submit(browser, first, DemoCitizens.AN.pin(), DemoCitizens.AN.password()));
        assertNoPersonalIdNumber(attempt, bank.exchange(code, attempt.verifier()));
    }

    @Test
    void whenDemoBankAsksForThePersonalIdNumberThroughTheClaimsParameter_thenItNeverGetsIt() throws Exception {
        RelyingParty.Attempt attempt = bank.authorize("openid profile", b -> b.claims(claims(
                "{\"id_token\":{\"personal_id_number\":{\"essential\":true}},\"userinfo\":{\"personal_id_number\":{\"essential\":true}}}")));
        AuthorizationCode code = CitizenLogin.login(new Browser(), bank, attempt, DemoCitizens.AN.pin(), DemoCitizens.AN.password());
        assertNoPersonalIdNumber(attempt, bank.exchange(code, attempt.verifier()));
    }

    private static void assertNoPersonalIdNumber(RelyingParty.Attempt attempt, TokenResponse response) throws Exception {
        assertThat(response.indicatesSuccess()).as("%s", response).isTrue();
        OIDCTokenResponse tokens = (OIDCTokenResponse) response.toSuccessResponse();
        IDTokenClaimsSet id = bank.validate(tokens.getOIDCTokens().getIDToken(), attempt.nonce());
        assertThat(id.getClaim("personal_id_number")).isNull();
        UserInfo info = bank.userInfo(tokens.getTokens().getAccessToken());
        assertThat(info.getClaim("personal_id_number")).isNull();
        assertThat(info.getName()).as("the profile scope the bank may have still works").isEqualTo(DemoCitizens.AN.fullName());
        assertThat(SignedJWT.parse(tokens.getTokens().getAccessToken().getValue()).getPayload().toString()).doesNotContain(DemoCitizens.AN.pin());
        assertThat(id.toJSONObject().toString()).as("the decrypted ID token").doesNotContain(DemoCitizens.AN.pin());
    }

    @Test
    void whenTheClaimsParameterAsksForNameAndBirthdateInTheIdToken_thenTheIdTokenCarriesExactlyThose() throws Exception {
        RelyingParty.Attempt attempt = portal.authorize("openid profile address citizen_id",
                b -> b.claims(claims("{\"id_token\":{\"name\":null,\"birthdate\":null}}")));
        AuthorizationCode code = CitizenLogin.login(new Browser(), portal, attempt, DemoCitizens.AN.pin(), DemoCitizens.AN.password());
        OIDCTokenResponse tokens = (OIDCTokenResponse) portal.exchange(code, attempt.verifier()).toSuccessResponse();

        Map<String, Object> id = portal.validate(tokens.getOIDCTokens().getIDToken(), attempt.nonce()).toJWTClaimsSet().getClaims();
        assertThat(id).containsEntry("name", DemoCitizens.AN.fullName()).containsEntry("birthdate", DemoCitizens.AN.birthdate());
        assertThat(id.keySet()).as("no other identity claim in the ID token")
                .containsAnyElementsOf(List.of("name")).doesNotContainAnyElementsOf(without(IDENTITY_CLAIMS, "name", "birthdate"));

        UserInfo info = portal.userInfo(tokens.getTokens().getAccessToken());
        assertThat(info.getFamilyName()).as("userinfo still serves the granted scopes").isEqualTo("Nguyễn");
        assertThat(info.getAddress()).isNotNull();
        assertThat(info.getStringClaim("personal_id_number")).isEqualTo(DemoCitizens.AN.pin());
    }

    @Test
    void whenNoClaimsParameterIsSent_thenTheIdTokenCarriesNoIdentityClaimsButUserinfoDoes() throws Exception {
        RelyingParty.Attempt attempt = portal.authorize("openid profile address citizen_id");
        AuthorizationCode code = CitizenLogin.login(new Browser(), portal, attempt, DemoCitizens.AN.pin(), DemoCitizens.AN.password());
        OIDCTokenResponse tokens = (OIDCTokenResponse) portal.exchange(code, attempt.verifier()).toSuccessResponse();

        Map<String, Object> id = portal.validate(tokens.getOIDCTokens().getIDToken(), attempt.nonce()).toJWTClaimsSet().getClaims();
        assertThat(id.keySet()).doesNotContainAnyElementsOf(IDENTITY_CLAIMS);
        Map<String, Object> access = SignedJWT.parse(tokens.getTokens().getAccessToken().getValue()).getJWTClaimsSet().getClaims();
        assertThat(access.keySet()).as("access tokens carry no identity claims").doesNotContainAnyElementsOf(IDENTITY_CLAIMS);

        UserInfo info = portal.userInfo(tokens.getTokens().getAccessToken());
        assertThat(info.getName()).isEqualTo(DemoCitizens.AN.fullName());
        assertThat(info.getBirthdate()).isEqualTo(DemoCitizens.AN.birthdate());
    }

    private static OIDCClaimsRequest claims(String json) {
        try {
            return OIDCClaimsRequest.parse(json);
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<String> without(List<String> all, String... excluded) {
        return all.stream().filter(c -> !List.of(excluded).contains(c)).toList();
    }
}
