package vn.dinhdanh.tests.chipcard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.chipcard.app.VirtualMobileApp;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.ChipCardPage;
import vn.dinhdanh.tests.support.DemoCitizens;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.FreshCitizens;
import vn.dinhdanh.tests.support.RelyingParty;
import vn.dinhdanh.tests.support.VirtualCards;

/**
 * Evidence posted to one request by many phones at once: one submission is checked at a time, so no bad attempt is
 * lost (the request dies after exactly three) and a verified request is never turned back by a later bad one.
 */
class ParallelEvidenceTest {

    static final int PARALLEL = 12;
    static DinhdanhServer server;
    static RelyingParty portal;
    static ExecutorService phones;

    @BeforeAll
    static void start() {
        server = DinhdanhServer.get();
        portal = RelyingParty.portal(server);
        phones = Executors.newFixedThreadPool(PARALLEL);
    }

    @AfterAll
    static void stop() {
        phones.shutdownNow();
    }

    static ChipCardPage newRequest(Browser browser) {
        return ChipCardPage.of(browser.get(portal.authorize("openid", b -> b.acrValues(List.of(new ACR("high")))).uri().toString()));
    }

    /** Posts every evidence at the same moment, one phone each; the answers in the same order. */
    static List<VirtualMobileApp.Answer> postTogether(ChipCardPage chip, List<ObjectNode> evidences) throws Exception {
        String url = server.realmUrl() + "/chip-card/requests/" + chip.handle() + "/evidence";
        CountDownLatch go = new CountDownLatch(1);
        List<Future<VirtualMobileApp.Answer>> answers = new ArrayList<>();
        for (ObjectNode evidence : evidences) {
            Callable<VirtualMobileApp.Answer> post = () -> {
                go.await();
                return new VirtualMobileApp().post(url, evidence);
            };
            answers.add(phones.submit(post));
        }
        go.countDown();
        List<VirtualMobileApp.Answer> out = new ArrayList<>();
        for (Future<VirtualMobileApp.Answer> a : answers) {
            out.add(a.get());
        }
        return out;
    }

    static byte[] challenge(ChipCardPage chip) throws Exception {
        return java.util.Base64.getDecoder().decode(new VirtualMobileApp().readRequest(server.realmUrl() + "/chip-card/requests/" + chip.handle())
                .body().get("challenge").asText());
    }

    @Test
    void whenBadEvidenceArrivesInParallel_thenEveryBadSubmissionCountsAndTheRequestDiesAfterExactlyThree() throws Exception {
        Browser browser = new Browser();
        ChipCardPage chip = newRequest(browser);
        ObjectNode revoked = VirtualMobileApp.evidence(VirtualCards.cardOf(DemoCitizens.CHAU_REVOKED_CARD.pin()), challenge(chip));
        List<VirtualMobileApp.Answer> all = new ArrayList<>(postTogether(chip, java.util.Collections.nCopies(PARALLEL, revoked)));
        // whatever was turned away as busy is sent again, one after another, until the request is dead
        for (int i = 0; i < PARALLEL && !"failed".equals(browser.get(chip.statusUrl()).jsonPath().getString("status")); i++) {
            all.add(new VirtualMobileApp().post(server.realmUrl() + "/chip-card/requests/" + chip.handle() + "/evidence", revoked));
        }
        List<String> errors = all.stream().map(a -> a.body().path("error").asText()).toList();
        assertThat(all).allSatisfy(a -> assertThat(a.status()).as("%s", a.body()).isIn(409, 422, 429));
        assertThat(errors).allSatisfy(e -> assertThat(e).isIn("card_revoked", "request_busy", "too_many_attempts"));
        List<Integer> attemptsLeft = all.stream().filter(a -> "card_revoked".equals(a.body().path("error").asText()))
                .map(a -> a.body().path("attemptsLeft").asInt()).toList();
        assertThat(attemptsLeft).as("each bad submission counted once, none lost").containsExactlyInAnyOrder(2, 1, 0);
        assertThat(browser.get(chip.statusUrl()).jsonPath().getString("status")).isEqualTo("failed");
    }

    @Test
    void whenGoodAndBadEvidenceArriveTogether_thenAVerifiedRequestStaysVerified() throws Exception {
        FreshCitizens.Citizen citizen = FreshCitizens.nextWithUsableCard();
        Browser browser = new Browser();
        ChipCardPage chip = newRequest(browser);
        byte[] challenge = challenge(chip);
        ObjectNode good = VirtualMobileApp.evidence(VirtualCards.cardOf(citizen.pin()), challenge);
        ObjectNode bad = VirtualMobileApp.evidence(VirtualCards.cardOf(DemoCitizens.CHAU_REVOKED_CARD.pin()), challenge);
        List<ObjectNode> mixed = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            mixed.add(i % 4 == 0 ? good : bad);
        }
        List<VirtualMobileApp.Answer> answers = postTogether(chip, mixed);
        long verified = answers.stream().filter(a -> "verified".equals(a.body().path("status").asText())).count();
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as("%s", a.body()).isIn(200, 409, 422, 429));
        assertThat(verified).as("a request is verified at most once").isLessThanOrEqualTo(1);
        String status = browser.get(chip.statusUrl()).jsonPath().getString("status");
        if (verified == 1) {
            assertThat(status).as("no later bad submission turns a verified request back").isEqualTo("verified");
        } else {
            assertThat(status).isIn("pending", "failed");
        }
    }
}
