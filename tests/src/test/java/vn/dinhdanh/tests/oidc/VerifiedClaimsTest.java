package vn.dinhdanh.tests.oidc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.assurance.claims.VerifiedClaimsSet;
import com.nimbusds.openid.connect.sdk.assurance.evidences.DocumentEvidence;
import com.nimbusds.openid.connect.sdk.assurance.evidences.DocumentType;
import com.nimbusds.openid.connect.sdk.assurance.evidences.ElectronicRecordEvidence;
import com.nimbusds.openid.connect.sdk.assurance.evidences.ElectronicRecordType;
import com.nimbusds.openid.connect.sdk.assurance.evidences.IdentityEvidence;
import com.nimbusds.openid.connect.sdk.assurance.evidences.IdentityEvidenceType;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.minidev.json.JSONArray;
import net.minidev.json.JSONObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.chipcard.app.VirtualMobileApp;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.ChipCardPage;
import vn.dinhdanh.tests.support.CitizenLogin;
import vn.dinhdanh.tests.support.CitizenRegistration;
import vn.dinhdanh.tests.support.DemoBank;
import vn.dinhdanh.tests.support.DemoCitizens;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.FreshCitizens;
import vn.dinhdanh.tests.support.RelyingParty;
import vn.dinhdanh.tests.support.VirtualCards;

/**
 * OpenID Connect for Identity Assurance 1.0: a relying party asks for {@code verified_claims} through the claims
 * parameter and reads the answer with the Nimbus SDK's assurance classes; what was verified (a registry match, a chip
 * card), how, and when; only the claims asked for that its scopes allow; a malformed request refused.
 */
class VerifiedClaimsTest {

    static final String PASSWORD = "Xac-Minh-Danh-Tinh-2026";
    /** Every verification element, profile claims, one claim nobody defines and the personal ID number. */
    static final String EVERYTHING = "{\"verification\":{\"trust_framework\":null,\"assurance_level\":null,\"time\":null,"
            + "\"evidence\":[{\"type\":{\"value\":\"document\"},\"check_details\":[{\"check_method\":null}],\"time\":null,\"document_details\":{}},"
            + "{\"type\":{\"value\":\"electronic_record\"},\"check_details\":[{\"check_method\":null}],\"time\":null,\"record\":{}}]},"
            + "\"claims\":{\"given_name\":null,\"family_name\":{\"essential\":true,\"purpose\":\"Mở tài khoản\"},\"birthdate\":null,"
            + "\"shoe_size\":null,\"personal_id_number\":null}}";

    static DinhdanhServer server;
    static RelyingParty portal;

    @BeforeAll
    static void start() {
        server = DinhdanhServer.get();
        portal = RelyingParty.portal(server);
    }

    static String claimsParameter(String verifiedClaims) {
        return "{\"id_token\":{\"verified_claims\":" + verifiedClaims + "},\"userinfo\":{\"verified_claims\":" + verifiedClaims + "}}";
    }

    static String withClaims(RelyingParty.Attempt attempt, String claims) {
        return attempt.uri() + "&claims=" + URLEncoder.encode(claims, StandardCharsets.UTF_8);
    }

    /** The ID token's and userinfo's verified_claims, as the relying party reads them. */
    record Released(IDTokenClaimsSet idToken, UserInfo userInfo) {

        VerifiedClaimsSet inUserInfo() {
            assertThat(userInfo.getVerifiedClaims()).as("verified_claims in userinfo: %s", userInfo.toJSONObject()).hasSize(1);
            return userInfo.getVerifiedClaims().get(0);
        }

        VerifiedClaimsSet inIdToken() {
            Object vc = idToken.toJSONObject().get("verified_claims");
            assertThat(vc).as("verified_claims in the ID token: %s", idToken.toJSONObject()).isInstanceOf(JSONObject.class);
            try {
                return VerifiedClaimsSet.parse((JSONObject) vc);
            } catch (com.nimbusds.oauth2.sdk.ParseException e) {
                throw new AssertionError("verified_claims in the ID token do not parse: " + e.getMessage(), e);
            }
        }

        JSONObject rawUserInfo() {
            return (JSONObject) userInfo.toJSONObject().get("verified_claims");
        }
    }

    static Released tokens(RelyingParty rp, RelyingParty.Attempt attempt, AuthorizationCode code) {
        OIDCTokenResponse tokens = (OIDCTokenResponse) rp.exchange(code, attempt.verifier()).toSuccessResponse();
        return new Released(rp.validate(tokens.getOIDCTokens().getIDToken(), attempt.nonce()), rp.userInfo(tokens.getTokens().getAccessToken()));
    }

    static <T extends IdentityEvidence> T evidence(VerifiedClaimsSet set, Class<T> type) {
        return set.getVerification().getEvidence().stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + set.toJSONObject()));
    }

    static List<Object> checkMethods(JSONObject evidence) {
        return ((JSONArray) evidence.get("check_details")).stream().map(c -> ((JSONObject) c).get("check_method")).toList();
    }

    static JSONObject rawEvidence(JSONObject verifiedClaims, String type) {
        return ((JSONArray) ((JSONObject) verifiedClaims.get("verification")).get("evidence")).stream().map(JSONObject.class::cast)
                .filter(e -> type.equals(e.get("type"))).findFirst().orElseThrow(() -> new AssertionError("no " + type + " evidence in " + verifiedClaims));
    }

    @Test
    void whenDiscoveryIsRead_thenItAdvertisesIdentityAssurance() throws Exception {
        OIDCProviderMetadata metadata = portal.metadata();
        assertThat(metadata.supportsVerifiedClaims()).isTrue();
        assertThat(metadata.supportsClaimsParam()).isTrue();
        assertThat(metadata.getIdentityTrustFrameworks()).extracting(Object::toString).containsExactly("vn_eid");
        assertThat(metadata.getIdentityEvidenceTypes()).containsExactlyInAnyOrder(IdentityEvidenceType.DOCUMENT, IdentityEvidenceType.ELECTRONIC_RECORD);
        assertThat(metadata.getDocumentTypes()).containsExactly(DocumentType.IDCARD);
        assertThat(metadata.getElectronicRecordTypes()).containsExactly(ElectronicRecordType.POPULATION_REGISTER);
        assertThat(metadata.getVerifiedClaims()).contains("given_name", "family_name", "birthdate", "personal_id_number")
                .doesNotContain("phone_number");
        assertThat(metadata.getClaims()).contains("verified_claims");

        JsonPath raw = given().get(server.realmUrl() + "/.well-known/openid-configuration").then().statusCode(200).extract().jsonPath();
        assertThat(raw.getList("documents_check_methods_supported", String.class)).containsExactly("vdig", "vcrypt", "data");
        assertThat(raw.getList("acr_values_supported", String.class)).as("Keycloak's own metadata is still there").contains("high");
    }

    @Test
    void whenARegistryMatchedCitizenIsAsked_thenLevelLowWithThePopulationRegister_andOnlyTheProfileClaimsItsScopesAllow() throws Exception {
        FreshCitizens.Citizen citizen = CitizenRegistration.register(server, portal, FreshCitizens.next(), PASSWORD);
        Instant registered = Instant.now();
        RelyingParty.Attempt attempt = portal.authorize("openid profile");
        Browser browser = new Browser();
        Response loginPage = browser.get(withClaims(attempt, claimsParameter(EVERYTHING)));
        assertThat(loginPage.statusCode()).as("%s", loginPage.getHeader("Location")).isEqualTo(200);
        Released released = tokens(portal, attempt, CitizenLogin.codeFrom(portal, attempt,
                CitizenLogin.submit(browser, loginPage, citizen.pin(), PASSWORD)));

        for (VerifiedClaimsSet set : List.of(released.inUserInfo(), released.inIdToken())) {
            assertThat(set.getVerification().getTrustFramework().getValue()).isEqualTo("vn_eid");
            assertThat(set.getVerification().getAssuranceLevel().getValue()).isEqualTo("low");
            assertThat(Duration.between(set.getVerification().getVerificationTime().getDate().toInstant(), registered).abs())
                    .isLessThan(Duration.ofMinutes(2));
            assertThat(set.getVerification().getEvidence()).singleElement().isInstanceOf(ElectronicRecordEvidence.class);
            ElectronicRecordEvidence record = evidence(set, ElectronicRecordEvidence.class);
            assertThat(record.getRecordDetails().getType()).isEqualTo(ElectronicRecordType.POPULATION_REGISTER);
            assertThat(record.getRecordDetails().getSource().getCountryCode().getValue()).isEqualTo("VNM");
            assertThat(set.getClaimsSet().getBirthdate()).isEqualTo(citizen.birthdate());
            assertThat(set.getClaimsSet().getGivenName()).isNotBlank();
            assertThat(set.getClaimsSet().getFamilyName()).isNotBlank();
            assertThat(set.getClaimsSet().toJSONObject()).as("an unknown claim is ignored; the ID number needs citizen_id")
                    .containsOnlyKeys("given_name", "family_name", "birthdate");
        }
        assertThat(checkMethods(rawEvidence(released.rawUserInfo(), "electronic_record"))).containsExactly("data");
        assertThat(released.userInfo().toJSONObject().toJSONString()).doesNotContain("shoe_size").doesNotContain(citizen.pin());
    }

    @Test
    void whenAChipVerifiedCitizenIsAskedByTheGovernmentPortal_thenLevelHighWithTheIdCardItsChecksAndItsNumber() throws Exception {
        FreshCitizens.Citizen citizen = FreshCitizens.nextWithUsableCard();
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = portal.authorize("openid profile citizen_id", b -> b.acrValues(List.of(new ACR("high"))));
        ChipCardPage chip = ChipCardPage.of(browser.get(withClaims(attempt, claimsParameter(EVERYTHING))));
        VirtualMobileApp.Answer posted = new VirtualMobileApp().answer(server.realmUrl() + "/chip-card/requests/" + chip.handle(),
                VirtualCards.cardOf(citizen.pin()));
        assertThat(posted.status()).as("%s", posted.body()).isEqualTo(200);
        Instant proven = Instant.now();
        Released released = tokens(portal, attempt, CitizenLogin.codeFrom(portal, attempt, chip.continueAfterPhone(browser)));
        assertThat(released.idToken().getStringClaim("acr")).isEqualTo("high");

        for (VerifiedClaimsSet set : List.of(released.inUserInfo(), released.inIdToken())) {
            assertThat(set.getVerification().getAssuranceLevel().getValue()).isEqualTo("high");
            assertThat(Duration.between(set.getVerification().getVerificationTime().getDate().toInstant(), proven).abs())
                    .isLessThan(Duration.ofMinutes(2));
            DocumentEvidence card = evidence(set, DocumentEvidence.class);
            assertThat(card.getDocumentDetails().getType()).isEqualTo(DocumentType.IDCARD);
            assertThat(card.getDocumentDetails().getDocumentNumber().getValue()).as("a government client with citizen_id")
                    .isEqualTo(citizen.row().get(10));
            assertThat(card.getDocumentDetails().getIssuer().getCountryCode().getValue()).isEqualTo("VNM");
            assertThat(card.getDocumentDetails().getDateOfIssuance().toISO8601String()).isEqualTo(citizen.row().get(11));
            assertThat(card.getDocumentDetails().getDateOfExpiry().toISO8601String()).isEqualTo(citizen.row().get(12));
            assertThat(evidence(set, ElectronicRecordEvidence.class).getRecordDetails().getType()).isEqualTo(ElectronicRecordType.POPULATION_REGISTER);
            assertThat(set.getClaimsSet().getStringClaim("personal_id_number")).isEqualTo(citizen.pin());
            assertThat(set.getClaimsSet().toJSONObject()).doesNotContainKey("shoe_size");
        }
        assertThat(checkMethods(rawEvidence(released.rawUserInfo(), "document"))).as("Passive, Active Authentication, the registry")
                .containsExactly("vdig", "vcrypt", "data");
    }

    @Test
    void whenTheBankAsksWithItsPushedRequest_thenItGetsVerifiedClaimsWithoutTheCardNumberOrTheIdNumber() throws Exception {
        RelyingParty bank = DemoBank.withDemoKey(server);
        RelyingParty.Attempt attempt = bank.authorize("openid profile", b -> b.customParameter("claims", claimsParameter(
                "{\"verification\":{\"trust_framework\":{\"value\":\"vn_eid\"},\"assurance_level\":null,"
                        + "\"evidence\":[{\"type\":{\"value\":\"document\"},\"document_details\":{\"type\":null,\"document_number\":null}},"
                        + "{\"type\":{\"value\":\"electronic_record\"},\"record\":{\"type\":null}}]},"
                        + "\"claims\":{\"name\":null,\"birthdate\":null,\"personal_id_number\":null}}")));
        Released released = tokens(bank, attempt, CitizenLogin.login(new Browser(), bank, attempt, DemoCitizens.NGOC.pin(), DemoCitizens.NGOC.password()));

        VerifiedClaimsSet set = released.inUserInfo();
        assertThat(set.getVerification().getTrustFramework().getValue()).isEqualTo("vn_eid");
        assertThat(set.getClaimsSet().getName()).isEqualTo(DemoCitizens.NGOC.fullName());
        assertThat(set.getClaimsSet().toJSONObject()).containsOnlyKeys("name", "birthdate");
        String all = released.userInfo().toJSONObject().toJSONString() + released.idToken().toJSONObject().toJSONString();
        assertThat(all).as("neither the ID number nor the card number (the same number) reaches a bank").doesNotContain(DemoCitizens.NGOC.pin());
        assertThat(released.inIdToken().getClaimsSet().getBirthdate()).isEqualTo(DemoCitizens.NGOC.birthdate());
    }

    @Test
    void whenTheRequestCannotBeMet_thenNoVerifiedClaimsAreReleasedAndTheLoginStillSucceeds() throws Exception {
        RelyingParty.Attempt attempt = portal.authorize("openid profile");
        Browser browser = new Browser();
        String otherFramework = "{\"verification\":{\"trust_framework\":{\"value\":\"eidas\"}},\"claims\":{\"given_name\":null}}";
        Response loginPage = browser.get(withClaims(attempt, claimsParameter(otherFramework)));
        Released released = tokens(portal, attempt, CitizenLogin.codeFrom(portal, attempt,
                CitizenLogin.submit(browser, loginPage, DemoCitizens.AN.pin(), DemoCitizens.AN.password())));
        assertThat(released.userInfo().getVerifiedClaims()).isNull();
        assertThat(released.idToken().toJSONObject()).doesNotContainKey("verified_claims");
        assertThat(released.userInfo().getGivenName()).as("the ordinary claims of the profile scope are still in userinfo").isNotBlank();
    }

    @Test
    void whenTheVerifiedClaimsRequestIsMalformed_thenInvalidRequestGoesBackToTheRelyingParty() {
        Map<String, String> malformed = Map.of(
                "no verification", "{\"claims\":{\"given_name\":null}}",
                "no trust_framework", "{\"verification\":{},\"claims\":{\"given_name\":null}}",
                "empty claims", "{\"verification\":{\"trust_framework\":null},\"claims\":{}}",
                "a string", "\"everything\"",
                "bad max_age", "{\"verification\":{\"trust_framework\":null,\"time\":{\"max_age\":\"old\"}},\"claims\":{\"given_name\":null}}");
        malformed.forEach((what, verifiedClaims) -> {
            RelyingParty.Attempt attempt = portal.authorize("openid profile");
            Response answer = new Browser().get(withClaims(attempt, "{\"userinfo\":{\"verified_claims\":" + verifiedClaims + "}}"));
            assertThat(answer.statusCode()).as(what).isEqualTo(302);
            String location = answer.getHeader("Location");
            assertThat(location).as(what).startsWith(portal.redirectUri().toString());
            assertThat(Browser.queryParam(location, "error")).as(what).isEqualTo("invalid_request");
            assertThat(Browser.queryParam(location, "error_description")).as(what).contains("verified_claims");
            assertThat(Browser.queryParam(location, "state")).as(what).isEqualTo(attempt.state().getValue());
            assertThat(Browser.queryParam(location, "code")).as(what).isNull();
        });
    }

    @Test
    void whenVerifiedClaimsComeWithAnAcrClaim_thenInvalidRequestRatherThanKeycloakLosingTheLevel() {
        RelyingParty.Attempt attempt = portal.authorize("openid profile");
        String claims = "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"high\"]},\"verified_claims\":"
                + "{\"verification\":{\"trust_framework\":null},\"claims\":{\"given_name\":null}}}}";
        Response answer = new Browser().get(withClaims(attempt, claims));
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(Browser.queryParam(answer.getHeader("Location"), "error")).isEqualTo("invalid_request");
        assertThat(Browser.queryParam(answer.getHeader("Location"), "error_description")).contains("acr_values");
    }

    @Test
    void whenTheBanksPushedRequestIsMalformed_thenThePushIsRefusedWithInvalidRequest() {
        RelyingParty bank = DemoBank.withDemoKey(server);
        try {
            bank.authorize("openid profile", b -> b.customParameter("claims", "{\"userinfo\":{\"verified_claims\":{\"claims\":{\"name\":null}}}}"));
        } catch (AssertionError refused) {
            assertThat(refused.getMessage()).contains("invalid_request");
            return;
        }
        throw new AssertionError("a malformed verified_claims request was pushed");
    }
}
