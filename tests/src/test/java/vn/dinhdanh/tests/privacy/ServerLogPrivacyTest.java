package vn.dinhdanh.tests.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.tests.support.AdminApi;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.CitizenLogin;
import vn.dinhdanh.tests.support.CitizenRegistration;
import vn.dinhdanh.tests.support.CitizenRegistration.Form;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.FreshCitizens;
import vn.dinhdanh.tests.support.Poll;
import vn.dinhdanh.tests.support.RelyingParty;

/** DESIGN.md 3: never write an ID number or a name into a log line, whatever the citizen does. */
class ServerLogPrivacyTest {

    static final String PASSWORD = "Rieng-Tu-Nhat-Ky-2026";

    static DinhdanhServer server;
    static RelyingParty portal;
    static AdminApi admin;

    @BeforeAll
    static void start() {
        server = DinhdanhServer.get();
        portal = RelyingParty.portal(server);
        admin = new AdminApi(server);
    }

    @Test
    void whenCitizensRegisterFailToRegisterAndLogIn_thenTheServerLogHoldsNoneOfTheirNumbersOrNames() {
        Assumptions.assumeTrue(server.home() != null, "the log of an external server is not ours to read");
        Path log = Path.of(System.getProperty("dinhdanh.work.dir", "target"), "dinhdanh-server.log");

        FreshCitizens.Citizen registered = CitizenRegistration.registerFresh(server, portal, PASSWORD);
        FreshCitizens.Citizen mismatched = FreshCitizens.next();
        CitizenRegistration.register(new Browser(), portal.authorize("openid"), Form.of(mismatched, PASSWORD).withFullName("Tên Sai Hoàn Toàn"));
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = portal.authorize("openid");
        Response wrong = CitizenLogin.submit(browser, CitizenLogin.openLoginPage(browser, attempt), registered.pin(), "Sai-Mat-Khau-Mot-Lan");
        CitizenLogin.codeFrom(portal, attempt, CitizenLogin.submit(browser, wrong, registered.pin(), PASSWORD));

        // The audit line of that last login names the account by its opaque id: once it is in the log, all of the above is.
        String userId = admin.userId(registered.pin()).orElseThrow();
        String text = Poll.until("the audit line of the last login in " + log, () -> {
            String t = read(log);
            boolean logged = t.lines().anyMatch(l -> l.contains("{\"event\":\"LOGIN\",") && l.contains("\"user\":\"" + userId + "\"")
                    && l.contains("\"outcome\":\"success\""));
            return logged ? Optional.of(t) : Optional.empty();
        });
        String lower = text.toLowerCase(Locale.ROOT);
        for (FreshCitizens.Citizen c : new FreshCitizens.Citizen[] {registered, mismatched}) {
            assertThat(text).as("personal ID number in the server log").doesNotContain(c.pin());
            assertThat(lower).as("full name in the server log").doesNotContain(c.fullName().toLowerCase(Locale.ROOT));
        }
        assertThat(lower).doesNotContain("tên sai hoàn toàn");
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
