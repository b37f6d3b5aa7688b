package vn.dinhdanh.tests.chipcard;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.openid.connect.sdk.claims.ACR;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.chipcard.app.VirtualMobileApp;
import vn.dinhdanh.tests.support.AdminApi;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.ChipCardPage;
import vn.dinhdanh.tests.support.DemoCitizens;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.RelyingParty;
import vn.dinhdanh.tests.support.VirtualCards;

/**
 * An expired chip-card request is refused everywhere with {@code request_expired}: to the phone, to the page's
 * status poll and to the browser that tries to finish. The realm's request lifespan is set to its minimum, five
 * seconds, through the admin API for this test only.
 */
class ChipCardExpiryTest {

    static final String LIFESPAN = "dinhdanh.chipCard.requestLifespan";
    static DinhdanhServer server;
    static AdminApi admin;

    @BeforeAll
    static void shortLifespan() {
        server = DinhdanhServer.get();
        admin = new AdminApi(server);
        admin.setRealmAttribute(LIFESPAN, "5");
    }

    @AfterAll
    static void usualLifespan() {
        admin.setRealmAttribute(LIFESPAN, "");
    }

    @Test
    void whenTheRequestHasExpired_thenThePhoneThePollAndTheBrowserAreToldRequestExpired() throws Exception {
        RelyingParty portal = RelyingParty.portal(server);
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = portal.authorize("openid", b -> b.acrValues(List.of(new ACR("high"))));
        ChipCardPage chip = ChipCardPage.of(browser.get(attempt.uri().toString()));

        // the page's own poll sees the request expire (five seconds); nothing answered it meanwhile
        Response status = browser.get(chip.statusUrl());
        for (long end = System.nanoTime() + 20_000_000_000L; "pending".equals(status.jsonPath().getString("status")) && System.nanoTime() < end; ) {
            Thread.sleep(250); // the poll's interval, as the page's (which polls every few seconds)
            status = browser.get(chip.statusUrl());
        }
        assertThat(status.jsonPath().getString("status")).isEqualTo("expired");
        assertThat(status.jsonPath().getString("error")).isEqualTo("request_expired");

        VirtualMobileApp.Answer late = new VirtualMobileApp().answer(server.realmUrl() + "/chip-card/requests/" + chip.handle(),
                VirtualCards.cardOf(DemoCitizens.NGOC.pin()));
        assertThat(late.status()).isEqualTo(410);
        assertThat(late.body().get("error").asText()).isEqualTo("request_expired");
        Response finish = chip.continueAfterPhone(browser);
        assertThat(finish.statusCode()).isEqualTo(410);
        assertThat(finish.asString()).doesNotContain("Exception").contains("dd-start-again");
    }
}
