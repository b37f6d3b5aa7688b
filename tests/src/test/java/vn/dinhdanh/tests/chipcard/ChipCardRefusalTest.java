package vn.dinhdanh.tests.chipcard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.chipcard.app.DemoCards;
import vn.dinhdanh.chipcard.app.VirtualMobileApp;
import vn.dinhdanh.icao.virtualcard.AaBehaviour;
import vn.dinhdanh.icao.virtualcard.VirtualCard;
import vn.dinhdanh.tests.support.ChipCardPage;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.DemoCitizens;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.RelyingParty;

/** Each refusal of the chip-card login has its own code, and a request dies after too many bad submissions. */
class ChipCardRefusalTest {

    static DinhdanhServer server;
    static final VirtualMobileApp APP = new VirtualMobileApp();

    @BeforeAll
    static void start() {
        server = DinhdanhServer.get();
        ChipCardLoginTest.server = server;
        ChipCardLoginTest.portal = RelyingParty.portal(server);
    }

    static ChipCardPage chipPageFor(Browser browser, DemoCitizens.Demo citizen) {
        RelyingParty.Attempt attempt = ChipCardLoginTest.portal.authorize("openid", b -> b.acrValues(List.of(new ACR("high"))));
        return ChipCardLoginTest.passwordThenChipPage(browser, attempt, citizen);
    }

    static VirtualCard card(String pin, java.util.function.UnaryOperator<vn.dinhdanh.icao.virtualcard.CardOptions> options) throws Exception {
        Path csv = Path.of(System.getProperty("dinhdanh.demo.dir"), "citizens.csv");
        return DemoCards.cardFor(DemoCards.findInCsv(csv, pin).orElseThrow(), options);
    }

    static VirtualMobileApp.Answer post(ChipCardPage chip, ObjectNode evidence) throws Exception {
        return APP.post(server.realmUrl() + "/chip-card/requests/" + chip.handle() + "/evidence", evidence);
    }

    static byte[] challengeOf(ChipCardPage chip) throws Exception {
        return Base64.getDecoder().decode(APP.readRequest(server.realmUrl() + "/chip-card/requests/" + chip.handle()).body().get("challenge").asText());
    }

    @Test
    void whenTheChipIsACloneWithoutTheAaPrivateKey_thenActiveAuthenticationFails() throws Exception {
        ChipCardPage chip = chipPageFor(new Browser(), DemoCitizens.AN);
        VirtualCard clone = card(DemoCitizens.AN.pin(), o -> o.aaBehaviour(AaBehaviour.CLONED));
        VirtualMobileApp.Answer answer = post(chip, VirtualMobileApp.evidence(clone, challengeOf(chip)));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().get("error").asText()).isEqualTo("active_authentication_failed");
    }

    @Test
    void whenDg13IsTampered_thenPassiveAuthenticationFails() throws Exception {
        ChipCardPage chip = chipPageFor(new Browser(), DemoCitizens.AN);
        VirtualCard genuine = card(DemoCitizens.AN.pin(), o -> o);
        ObjectNode evidence = VirtualMobileApp.evidence(genuine, challengeOf(chip));
        byte[] dg13 = genuine.dataGroup(13);
        dg13[dg13.length - 1] ^= 0x01;
        ((ObjectNode) evidence.get("dataGroups")).put("13", Base64.getEncoder().encodeToString(dg13));
        VirtualMobileApp.Answer answer = post(chip, evidence);
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().get("error").asText()).isEqualTo("passive_authentication_failed");
        assertThat(answer.body().get("checks").toString()).contains("DG_HASHES");
    }

    @Test
    void whenTheChipSignsTheChallengeOfAnEarlierRequest_thenItIsRefusedAsAReplay() throws Exception {
        Browser browser = new Browser();
        ChipCardPage earlier = chipPageFor(browser, DemoCitizens.NGOC);
        byte[] oldChallenge = challengeOf(earlier);
        ChipCardPage chip = chipPageFor(new Browser(), DemoCitizens.NGOC);
        VirtualMobileApp.Answer answer = post(chip, VirtualMobileApp.evidence(card(DemoCitizens.NGOC.pin(), o -> o), oldChallenge));
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body().get("error").asText()).isEqualTo("challenge_replayed");
    }

    @Test
    void whenTheRegistryRecordsTheCitizenAsDeceased_thenTheCardIsRefused() throws Exception {
        Response answer = io.restassured.RestAssured.given().get(server.realmUrl() + "/chip-card/requests/unknown-handle/status");
        assertThat(answer.jsonPath().getString("status")).isEqualTo("gone");
        // the deceased citizen cannot pass the password step, so the card is offered straight away (high asked first)
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = ChipCardLoginTest.portal.authorize("openid", b -> b.acrValues(List.of(new ACR("high"))));
        ChipCardPage chip = ChipCardPage.of(browser.get(attempt.uri().toString()));
        VirtualMobileApp.Answer posted = APP.answer(server.realmUrl() + "/chip-card/requests/" + chip.handle(), card(DemoCitizens.HUNG_DECEASED.pin(), o -> o));
        assertThat(posted.status()).isEqualTo(422);
        assertThat(posted.body().get("error").asText()).isEqualTo("citizen_deceased");
    }

    @Test
    void whenThreeBadSubmissionsArrive_thenTheRequestDiesAndTheBrowserIsToldSo() throws Exception {
        Browser browser = new Browser();
        ChipCardPage chip = chipPageFor(browser, DemoCitizens.AN);
        String evidenceUrl = server.realmUrl() + "/chip-card/requests/" + chip.handle() + "/evidence";
        for (int i = 0; i < 3; i++) {
            io.restassured.RestAssured.given().contentType("application/json").body("{}").post(evidenceUrl).then().statusCode(400);
        }
        io.restassured.RestAssured.given().contentType("application/json").body("{}").post(evidenceUrl).then().statusCode(429)
                .body("error", org.hamcrest.Matchers.equalTo("too_many_attempts"));
        assertThat(browser.get(chip.statusUrl()).jsonPath().getString("status")).isEqualTo("failed");

        Response page = browser.postForm(Browser.formAction(chip.page().asString(), "dd-chip-continue"), Map.of("chipCardContinue", "true"));
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.asString()).doesNotContain("Exception");
    }
}
