package vn.dinhdanh.tests.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.tests.support.AdminApi;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.CitizenLogin;
import vn.dinhdanh.tests.support.CitizenRegistration;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.FreshCitizens;
import vn.dinhdanh.tests.support.RelyingParty;

/**
 * Onboarding as an operator does it: {@code ./dinhdanh onboard-client} prints a government portal's client JSON, the
 * admin API creates it, and a citizen logs in there: the OAuth 2.1 profile holds (PKCE), no consent is asked under the
 * portal's legal basis, and the claims of its purposes are released.
 */
class RelyingPartyOnboardingTest {

    static final String CLIENT = "onboarded-portal";
    static final String REDIRECT = "https://dichvucong.onboarded.example.gov.vn/cb";
    static DinhdanhServer server;
    static AdminApi admin;

    @BeforeAll
    static void start() {
        server = DinhdanhServer.get();
        admin = new AdminApi(server);
    }

    @AfterAll
    static void stop() {
        admin.deleteClient(CLIENT);
    }

    @Test
    @SuppressWarnings("unchecked")
    void whenAPortalIsOnboardedWithTheCommand_thenACitizenLogsInThereWithoutAConsentPage() throws Exception {
        Path root = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
        Process command = new ProcessBuilder(root.resolve("dinhdanh").toString(), "onboard-client", "--type", "government",
                "--client-id", CLIENT, "--redirect-uri", REDIRECT, "--public")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .directory(root.toFile()).start();
        command.getOutputStream().close();
        String json = new String(command.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(command.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(command.exitValue()).as("onboard-client printed:\n%s", json).isZero();
        Map<String, Object> client = new ObjectMapper().readValue(json, Map.class);
        assertThat((Map<String, String>) client.get("attributes")).containsKeys("dinhdanh.purposes", "dinhdanh.legal-basis");
        client.put("name", "Onboarded portal");
        Response created = admin.createClient(client);
        assertThat(created.statusCode()).as("created: %s", created.asString()).isEqualTo(201);

        FreshCitizens.Citizen citizen = CitizenRegistration.registerFresh(server, RelyingParty.portal(server), "Onboarded-Test-2026!");
        RelyingParty portal = new RelyingParty(server, CLIENT, REDIRECT, (ClientAuthentication) null);
        RelyingParty.Attempt attempt = portal.authorize("openid profile");
        Browser browser = new Browser().decidingConsentItself();
        Response answer = CitizenLogin.submit(browser, CitizenLogin.openLoginPage(browser, attempt), citizen.pin(), "Onboarded-Test-2026!");
        assertThat(Browser.leadsToConsent(answer)).as("a portal under a legal basis asks no consent").isFalse();
        AuthorizationCode code = CitizenLogin.codeFrom(portal, attempt, answer);
        AccessTokenResponse tokens = portal.exchange(code, attempt.verifier()).toSuccessResponse();
        assertThat(portal.userInfo(tokens.getTokens().getAccessToken()).getName()).isEqualTo(citizen.fullName());

        // the type's OAuth 2.1 profile: an authorization request without PKCE is refused
        Response withoutPkce = new Browser().get(server.realmUrl() + "/protocol/openid-connect/auth?client_id=" + CLIENT
                + "&response_type=code&scope=openid&redirect_uri=" + java.net.URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8));
        assertThat(withoutPkce.statusCode()).isEqualTo(302);
        assertThat(Browser.queryParam(withoutPkce.getHeader("Location"), "error")).isEqualTo("invalid_request");
    }
}
