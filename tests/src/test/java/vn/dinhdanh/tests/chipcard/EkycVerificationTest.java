package vn.dinhdanh.tests.chipcard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.chipcard.app.DemoCards;
import vn.dinhdanh.chipcard.app.VirtualMobileApp;
import vn.dinhdanh.icao.virtualcard.VirtualCard;
import vn.dinhdanh.tests.support.VirtualCards;
import vn.dinhdanh.tests.support.DemoBank;
import vn.dinhdanh.tests.support.DemoCitizens;
import vn.dinhdanh.tests.support.DinhdanhServer;

/** A bank verifies a customer's chip card without a login (eKYC), with a client-credentials token. */
class EkycVerificationTest {

    static DinhdanhServer server;

    @BeforeAll
    static void start() {
        server = DinhdanhServer.get();
    }

    static DemoBank.BankToken bankToken(String scope) throws Exception {
        return DemoBank.clientCredentialsToken(server, scope);
    }


    static JsonPath verify(DemoBank.BankToken token, String pin) throws Exception {
        JsonPath challenge = token.post(server.realmUrl() + "/chip-card/ekyc/challenges")
                .then().statusCode(200).extract().jsonPath();
        ObjectNode evidence = VirtualMobileApp.evidence(VirtualCards.cardOf(pin), Base64.getDecoder().decode(challenge.getString("challenge")));
        evidence.put("challengeId", challenge.getString("challengeId"));
        return token.postJson(server.realmUrl() + "/chip-card/ekyc/verifications", evidence.toString()).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void whenTheBankVerifiesAValidCard_thenTheVerdictListsEveryCheckTheRegistryMatchAndTheProfileClaims() throws Exception {
        JsonPath verdict = verify(bankToken("ekyc profile"), DemoCitizens.AN.pin());
        assertThat(verdict.getString("verdict")).isEqualTo("verified");
        assertThat(verdict.getBoolean("authenticity.passiveAuthentication")).isTrue();
        assertThat(verdict.getBoolean("authenticity.activeAuthentication")).isTrue();
        assertThat(verdict.getString("registry.lifeStatus")).isEqualTo("LIVING");
        assertThat(verdict.getString("registry.cardStatus")).isEqualTo("VALID");
        assertThat(verdict.getList("checks.check")).contains("SOD_SIGNATURE", "DS_CHAIN", "DG_HASHES", "ACTIVE_AUTHENTICATION");
        assertThat(verdict.getString("claims.name")).isEqualTo(DemoCitizens.AN.fullName());
        assertThat(verdict.getString("claims.personal_id_number")).as("a bank never gets the ID number").isNull();
    }

    @Test
    void whenTheCardVerifies_thenTheVerdictCarriesTheSameVerifiedClaimsAsTokens_readByTheSameParser() throws Exception {
        DemoBank.BankToken token = bankToken("ekyc profile");
        JsonPath challenge = token.post(server.realmUrl() + "/chip-card/ekyc/challenges").then().statusCode(200).extract().jsonPath();
        ObjectNode evidence = VirtualMobileApp.evidence(VirtualCards.cardOf(DemoCitizens.NGOC.pin()), Base64.getDecoder().decode(challenge.getString("challenge")));
        evidence.put("challengeId", challenge.getString("challengeId"));
        String body = token.postJson(server.realmUrl() + "/chip-card/ekyc/verifications", evidence.toString()).then().statusCode(200).extract().asString();

        var verdict = com.nimbusds.oauth2.sdk.util.JSONObjectUtils.parse(body);
        assertThat(verdict.get("verdict")).as("the fields of contract version 1 are all still there").isEqualTo("verified");
        assertThat(verdict).containsKeys("authenticity", "registry", "checks", "claims");
        var set = com.nimbusds.openid.connect.sdk.assurance.claims.VerifiedClaimsSet.parse(
                com.nimbusds.oauth2.sdk.util.JSONObjectUtils.getJSONObject(verdict, "verified_claims"));
        assertThat(set.getVerification().getTrustFramework().getValue()).isEqualTo("vn_eid");
        assertThat(set.getVerification().getAssuranceLevel().getValue()).isEqualTo("high");
        var card = set.getVerification().getEvidence().stream()
                .filter(com.nimbusds.openid.connect.sdk.assurance.evidences.DocumentEvidence.class::isInstance)
                .map(com.nimbusds.openid.connect.sdk.assurance.evidences.DocumentEvidence.class::cast).findFirst().orElseThrow();
        assertThat(card.getDocumentDetails().getType()).isEqualTo(com.nimbusds.openid.connect.sdk.assurance.evidences.DocumentType.IDCARD);
        assertThat(card.getDocumentDetails().getDocumentNumber()).as("the card number is the ID number: not for a bank").isNull();
        assertThat(set.getClaimsSet().getName()).isEqualTo(DemoCitizens.NGOC.fullName());
        assertThat(body).doesNotContain(DemoCitizens.NGOC.pin());
    }

    @Test
    void whenTheCardIsReportedLost_thenTheVerdictIsRefusedWithTheCardStatus() throws Exception {
        JsonPath verdict = verify(bankToken("ekyc"), DemoCitizens.DUC_LOST_CARD.pin());
        assertThat(verdict.getString("verdict")).isEqualTo("refused");
        assertThat(verdict.getString("error")).isEqualTo("card_reported_lost");
        assertThat(verdict.getString("registry.cardStatus")).isEqualTo("REPORTED_LOST");
        assertThat(verdict.getMap("claims")).isNull();
        assertThat(verdict.getMap("verified_claims")).as("nothing verified, no verified_claims").isNull();
    }

    @Test
    void whenAChallengeIsAnsweredTwice_thenTheSecondAnswerIsRefusedAsUsed() throws Exception {
        DemoBank.BankToken token = bankToken("ekyc");
        JsonPath challenge = token.post(server.realmUrl() + "/chip-card/ekyc/challenges").then().statusCode(200).extract().jsonPath();
        ObjectNode evidence = VirtualMobileApp.evidence(VirtualCards.cardOf(DemoCitizens.NGOC.pin()), Base64.getDecoder().decode(challenge.getString("challenge")));
        evidence.put("challengeId", challenge.getString("challengeId"));
        token.postJson(server.realmUrl() + "/chip-card/ekyc/verifications", evidence.toString()).then().statusCode(200);
        token.postJson(server.realmUrl() + "/chip-card/ekyc/verifications", evidence.toString()).then().statusCode(404)
                .body("error", org.hamcrest.Matchers.equalTo("request_not_found"));
    }

    @Test
    void whenTheEvidenceIsTampered_thenTheVerdictIsRefusedWithPassiveAuthenticationFailedAndNoClaims() throws Exception {
        DemoBank.BankToken token = bankToken("ekyc profile");
        JsonPath challenge = token.post(server.realmUrl() + "/chip-card/ekyc/challenges").then().statusCode(200).extract().jsonPath();
        var card = VirtualCards.cardOf(DemoCitizens.AN.pin());
        ObjectNode evidence = VirtualMobileApp.evidence(card, Base64.getDecoder().decode(challenge.getString("challenge")));
        evidence.put("challengeId", challenge.getString("challengeId"));
        // another name in DG13 (the SOD still holds the hash of the genuine one)
        byte[] dg13 = card.dataGroup(13);
        dg13[dg13.length - 2] ^= 0x20;
        ((ObjectNode) evidence.get("dataGroups")).put("13", Base64.getEncoder().encodeToString(dg13));

        JsonPath verdict = token.postJson(server.realmUrl() + "/chip-card/ekyc/verifications", evidence.toString()).then().statusCode(200).extract().jsonPath();
        assertThat(verdict.getString("verdict")).isEqualTo("refused");
        assertThat(verdict.getString("error")).isEqualTo("passive_authentication_failed");
        assertThat(verdict.getBoolean("authenticity.passiveAuthentication")).isFalse();
        assertThat(verdict.getMap("claims")).as("no claims from a tampered card").isNull();
    }

    @Test
    void whenTheTokenLacksTheEkycScope_thenTheApiAnswers403() throws Exception {
        bankToken("profile").post(server.realmUrl() + "/chip-card/ekyc/challenges").then().statusCode(403)
                .body("error", org.hamcrest.Matchers.equalTo("forbidden"));
        given().post(server.realmUrl() + "/chip-card/ekyc/challenges").then().statusCode(401);
    }
}
