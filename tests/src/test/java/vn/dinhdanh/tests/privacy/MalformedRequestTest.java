package vn.dinhdanh.tests.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.CitizenLogin;
import vn.dinhdanh.tests.support.CitizenRegistration;
import vn.dinhdanh.tests.support.DemoCitizens;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.Poll;
import vn.dinhdanh.tests.support.RelyingParty;

/**
 * Malformed requests, as a security tester sends them: a form body that is not valid form encoding is a 400 (an error
 * page for a browser, the OAuth error JSON at the token endpoint), never a 500, and the value never reaches the log;
 * a client id shaped like an audit record stays inside one escaped field of one audit line.
 */
class MalformedRequestTest {

    static final String SECRET = "Bi-Mat-Khong-Ghi-Log-2026";
    static final ObjectMapper JSON = new ObjectMapper();
    static DinhdanhServer server;
    static RelyingParty portal;

    @BeforeAll
    static void start() {
        server = DinhdanhServer.get();
        portal = RelyingParty.portal(server);
    }

    /** Posts a raw body (no encoding by the test client) with the form content type. */
    static Response postRaw(Browser browser, String url, byte[] body, String accept) {
        return given().config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig().encodeContentTypeAs(
                        "application/x-www-form-urlencoded", io.restassured.http.ContentType.BINARY)))
                .redirects().follow(false).cookies(browser.cookies()).header("Accept", accept)
                .contentType("application/x-www-form-urlencoded").body(body).post(url);
    }

    static String formAction(Response page, String formId) {
        return Browser.formAction(page.asString(), formId);
    }

    @Test
    void whenALoginFormCarriesABrokenPercentEscape_thenTheBrowserGetsA400PageAndThePasswordStaysOutOfTheLog() {
        Browser browser = new Browser();
        Response login = CitizenLogin.openLoginPage(browser, portal.authorize("openid"));
        byte[] body = ("username=" + DemoCitizens.AN.pin() + "&password=" + SECRET + "%zz").getBytes(StandardCharsets.US_ASCII);
        Response answer = postRaw(browser, formAction(login, "kc-form-login"), body, "text/html,application/xhtml+xml");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.asString()).contains("kc-error-message").doesNotContain(SECRET).doesNotContain("Exception");
    }

    @Test
    void whenARegistrationFormCarriesABrokenPercentEscape_thenA400AndNoValueInTheLog() {
        Browser browser = new Browser();
        Response page = CitizenRegistration.open(browser, portal.authorize("openid"));
        byte[] body = ("username=036201005555&full_name=V%C5%A9&birthdate=2001-05-09&phone_number=0912345678&password=" + SECRET
                + "%g1&password-confirm=" + SECRET).getBytes(StandardCharsets.US_ASCII);
        Response answer = postRaw(browser, formAction(page, "kc-register-form"), body, "text/html");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.asString()).doesNotContain(SECRET).doesNotContain("Exception");
    }

    @Test
    void whenTheTokenEndpointGetsBrokenEscapesOrRawBinary_thenItAnswersInvalidRequestJson() throws Exception {
        String token = server.realmUrl() + "/protocol/openid-connect/token";
        byte[] random = new byte[4096];
        new Random(20261202L).nextBytes(random);
        for (byte[] body : List.of(("grant_type=authorization_code&client_id=public-services-portal&code=" + SECRET + "%zz").getBytes(StandardCharsets.US_ASCII),
                ("grant_type=password&password=" + SECRET + "%").getBytes(StandardCharsets.US_ASCII), random)) {
            Response answer = postRaw(new Browser(), token, body, "application/json");
            assertThat(answer.statusCode()).as("token endpoint, malformed body").isEqualTo(400);
            JsonNode error = JSON.readTree(answer.asString());
            assertThat(error.path("error").asText()).isEqualTo("invalid_request");
            assertThat(error.path("error_description").asText()).doesNotContain(SECRET).doesNotContain("Exception").doesNotContain("java.");
        }
    }

    @Test
    void whenAClientIdCarriesALineBreakAndAForgedAuditRecord_thenTheAuditLogKeepsItInOneEscapedField() throws Exception {
        Assumptions.assumeTrue(server.home() != null, "the log of an external server is not ours to read");
        String marker = "forged-" + System.nanoTime();
        String forged = "2026-12-02 00:00:00,000 INFO  [vn.dinhdanh.audit] event=LOGIN client=" + marker + " outcome=success";
        String url = server.realmUrl() + "/protocol/openid-connect/auth?response_type=code&redirect_uri=http://x&client_id="
                + java.net.URLEncoder.encode("a\n" + forged, StandardCharsets.UTF_8).replace("+", "%20");
        Response answer = new Browser().get(url);
        assertThat(answer.statusCode()).isEqualTo(400);

        Path log = Path.of(System.getProperty("dinhdanh.work.dir", "target"), "dinhdanh-server.log");
        String line = Poll.until("the audit record of the refused request", () -> {
            try {
                return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.contains(marker)).findFirst();
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
        });
        List<String> withMarker = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.contains(marker)).toList();
        assertThat(withMarker).as("one event, one line").hasSize(1);
        assertThat(line).contains("[vn.dinhdanh.audit]");
        JsonNode record = JSON.readTree(line.substring(line.indexOf('{')));
        assertThat(record.path("event").asText()).isEqualTo("LOGIN_ERROR");
        assertThat(record.path("outcome").asText()).isEqualTo("error");
        assertThat(record.path("client").asText()).as("the client id, escaped and bounded").startsWith("a\n2026-12-02 00:00:00,000").hasSizeLessThanOrEqualTo(201);
        assertThat(Files.readAllLines(log, StandardCharsets.UTF_8)).as("no line of the log starts with the forged record")
                .noneMatch(l -> l.startsWith("2026-12-02 00:00:00,000"));
    }

    @Test
    void whenMalformedBodiesWereSent_thenTheServerLogHoldsNeitherTheValueNorTheDecodersMessage() {
        Assumptions.assumeTrue(server.home() != null, "the log of an external server is not ours to read");
        Browser browser = new Browser();
        Response login = CitizenLogin.openLoginPage(browser, portal.authorize("openid"));
        String tracer = SECRET + "-" + System.nanoTime();
        Response answer = postRaw(browser, formAction(login, "kc-form-login"), ("username=x&password=" + tracer + "%zz").getBytes(StandardCharsets.US_ASCII), "text/html");
        assertThat(answer.statusCode()).isEqualTo(400);
        // a later request's audit record is in the log once everything before it is
        String marker = "after-" + System.nanoTime();
        new Browser().get(server.realmUrl() + "/protocol/openid-connect/auth?response_type=code&redirect_uri=http://x&client_id=" + marker);
        Path log = Path.of(System.getProperty("dinhdanh.work.dir", "target"), "dinhdanh-server.log");
        String text = Poll.until("the audit record after the malformed requests", () -> {
            try {
                String t = Files.readString(log, StandardCharsets.UTF_8);
                return t.contains(marker) ? Optional.of(t) : Optional.empty();
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
        });
        assertThat(text).doesNotContain(tracer).doesNotContain(SECRET).doesNotContain("Failed to decode URL");
    }
}
