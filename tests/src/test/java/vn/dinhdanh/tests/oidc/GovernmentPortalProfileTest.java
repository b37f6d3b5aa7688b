package vn.dinhdanh.tests.oidc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.tests.support.AdminApi;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.DemoCitizens;
import vn.dinhdanh.tests.support.DinhdanhServer;

/**
 * The OAuth 2.1 profile of government portals (client policy {@code dinhdanh-government-portals}, clients of type
 * government): one refusal per rule, each beside a control client of no type, registered the same way, that the rule
 * does not cover (so that a passing test shows the profile refusing, not some other check).
 */
class GovernmentPortalProfileTest {

    static final String PORTAL = "test-government-portal";
    static final String CONTROL = "test-untyped-client";
    static final String REDIRECT = "http://localhost:3010/callback";
    static DinhdanhServer server;
    static AdminApi admin;

    static final String SECRET = "test-client-secret-" + "x".repeat(24);

    /**
     * A confidential client (a public one falls under the PKCE rule of every public client) allowing what OAuth 2.1
     * forbids: implicit grant, password grant, no PKCE required; of type government if asked.
     */
    static Map<String, Object> lax(String clientId, boolean government) {
        Map<String, Object> client = new HashMap<>();
        client.put("clientId", clientId);
        client.put("publicClient", false);
        client.put("clientAuthenticatorType", "client-secret");
        client.put("secret", SECRET);
        client.put("standardFlowEnabled", true);
        client.put("implicitFlowEnabled", true);
        client.put("directAccessGrantsEnabled", true);
        client.put("redirectUris", List.of(REDIRECT));
        client.put("attributes", government ? Map.of("dinhdanh.client.type", "government") : Map.of());
        return client;
    }

    @BeforeAll
    static void start() {
        server = DinhdanhServer.get();
        admin = new AdminApi(server);
        admin.deleteClient(PORTAL);
        admin.deleteClient(CONTROL);
        // Keycloak's client-attributes condition cannot see a client that does not exist yet, so an admin can still
        // create one outside the profile: the profile then refuses its requests and any update that keeps it outside.
        admin.createClient(lax(PORTAL, true)).then().statusCode(201);
        admin.createClient(lax(CONTROL, false)).then().statusCode(201);
    }

    @AfterAll
    static void stop() {
        admin.deleteClient(PORTAL);
        admin.deleteClient(CONTROL);
    }

    static Response authorize(String clientId, String responseType, String extra) {
        return new Browser().get(server.realmUrl() + "/protocol/openid-connect/auth?client_id=" + clientId + "&response_type="
                + URLEncoder.encode(responseType, StandardCharsets.UTF_8) + "&scope=openid&state=s-profile&nonce=n-profile"
                + "&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8) + extra);
    }

    static void assertLoginPage(Response answer) {
        assertThat(answer.statusCode()).as("the control client's login page").isEqualTo(200);
        assertThat(answer.asString()).contains("kc-form-login");
    }

    /** An OAuth error sent back to the redirect URI (query or fragment), never a code or token; its error code. */
    static String redirectedError(Response answer) {
        assertThat(answer.statusCode()).as("page:\n%s", answer.asString()).isEqualTo(302);
        String location = answer.getHeader("Location");
        assertThat(location).startsWith(REDIRECT).doesNotContain("code=").doesNotContain("access_token=").doesNotContain("id_token=");
        String parameters = location.substring(REDIRECT.length() + 1);
        for (String pair : parameters.split("&")) {
            if (pair.startsWith("error=")) {
                return pair.substring("error=".length());
            }
        }
        throw new AssertionError("no error in " + location);
    }

    @Test
    void whenAGovernmentPortalSendsNoPkceChallenge_thenInvalidRequest() {
        assertThat(redirectedError(authorize(PORTAL, "code", ""))).isEqualTo("invalid_request");
        assertLoginPage(authorize(CONTROL, "code", ""));
    }

    @Test
    void whenAGovernmentPortalUsesThePlainPkceMethod_thenInvalidRequest() {
        assertThat(redirectedError(authorize(PORTAL, "code", "&code_challenge=" + "p".repeat(43) + "&code_challenge_method=plain")))
                .isEqualTo("invalid_request");
    }

    @Test
    void whenAGovernmentPortalAsksForAnImplicitGrant_thenItIsRefused() {
        String pkce = "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
        assertThat(redirectedError(authorize(PORTAL, "id_token token", pkce))).as("the policy's error").isEqualTo("invalid_request");
        assertThat(redirectedError(authorize(PORTAL, "token", pkce))).as("the policy's error").isEqualTo("invalid_request");
        assertLoginPage(authorize(CONTROL, "id_token token", pkce));
    }

    @Test
    void whenAGovernmentPortalUsesThePasswordGrant_thenItIsRefused() {
        Map<String, String> form = Map.of("grant_type", "password", "username", DemoCitizens.AN.pin(), "password", DemoCitizens.AN.password(),
                "scope", "openid");
        Response refused = given().formParams(form).auth().preemptive().basic(PORTAL, SECRET).post(server.realmUrl() + "/protocol/openid-connect/token");
        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(400);
        assertThat(refused.jsonPath().getString("error")).isEqualTo("invalid_grant");
        assertThat(refused.jsonPath().getString("error_description")).containsIgnoringCase("prohibited");

        Response control = given().formParams(form).auth().preemptive().basic(CONTROL, SECRET).post(server.realmUrl() + "/protocol/openid-connect/token");
        assertThat(control.asString()).as("the control client is not refused by the profile").doesNotContainIgnoringCase("prohibited");
    }

    @Test
    void whenAnAdminGivesAGovernmentPortalAWildcardRedirectUri_thenTheUpdateIsRefused() {
        Map<String, Object> portal = new HashMap<>(admin.client(PORTAL));
        portal.put("implicitFlowEnabled", false);
        portal.put("directAccessGrantsEnabled", false);
        portal.put("redirectUris", List.of("http://localhost:3010/*"));
        Response refused = admin.updateClient(portal);
        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(400);
        assertThat(refused.asString()).contains("Invalid Redirect Uri");

        Map<String, Object> control = new HashMap<>(admin.client(CONTROL));
        control.put("redirectUris", List.of("http://localhost:3010/*"));
        admin.updateClient(control).then().statusCode(204);
        control.put("redirectUris", List.of(REDIRECT));
        admin.updateClient(control).then().statusCode(204);
    }

    @Test
    void whenAnAdminEnablesTheImplicitOrPasswordGrantOnADemoGovernmentPortal_thenTheUpdateIsRefused() {
        for (String portalId : List.of("ministry-portal", "public-services-portal")) {
            for (String flow : List.of("implicitFlowEnabled", "directAccessGrantsEnabled")) {
                Map<String, Object> portal = new HashMap<>(admin.client(portalId));
                portal.put(flow, true);
                Response refused = admin.updateClient(portal);
                assertThat(refused.statusCode()).as(portalId + " " + flow + ": " + refused.asString()).isEqualTo(400);
                assertThat(admin.client(portalId).get(flow)).as("unchanged").isEqualTo(false);
            }
        }
    }

    @Test
    void whenTheDemoGovernmentPortalsAreUpdatedAsTheyAre_thenTheProfileAcceptsThem() {
        for (String portalId : List.of("ministry-portal", "public-services-portal")) {
            Response answer = admin.updateClient(new HashMap<>(admin.client(portalId)));
            assertThat(answer.statusCode()).as(portalId + ": " + answer.asString()).isEqualTo(204);
        }
    }
}
