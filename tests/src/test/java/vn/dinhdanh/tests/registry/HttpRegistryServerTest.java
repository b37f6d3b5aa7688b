package vn.dinhdanh.tests.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.ChipCardPage;
import vn.dinhdanh.tests.support.CitizenLogin;
import vn.dinhdanh.tests.support.CitizenRegistration;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.FreshCitizens;
import vn.dinhdanh.tests.support.RelyingParty;

/**
 * The server built to read the state's registry over HTTP ({@code ./dinhdanh configure-http-registry}), against a
 * registry API played by this test: registration, password login and the chip card all ask it; when it stops
 * answering, the citizen gets a clear page (503), never a login without the check and never a stack trace.
 */
class HttpRegistryServerTest {

    static final String PASSWORD = "Http-Registry-Test-2026";
    static final ObjectMapper JSON = new ObjectMapper();
    static final AtomicBoolean AVAILABLE = new AtomicBoolean(true);
    static final java.util.concurrent.atomic.AtomicInteger RECORD_READS = new java.util.concurrent.atomic.AtomicInteger();
    static HttpServer registry;
    static FreshCitizens.Citizen citizen;
    static DinhdanhServer server;
    static RelyingParty portal;

    @BeforeAll
    static void start() throws IOException {
        citizen = FreshCitizens.nextWithUsableCard();
        registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        registry.createContext("/registry/citizens/", HttpRegistryServerTest::answer);
        registry.start();
        server = DinhdanhServer.httpRegistry("http://127.0.0.1:" + registry.getAddress().getPort() + "/registry");
        portal = RelyingParty.portal(server);
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.stop(0);
        }
    }

    /** The state's registry API, knowing one citizen (GET /citizens/{number} and /citizens/{number}/cards). */
    static void answer(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().substring("/registry/citizens/".length()).split("/");
        List<String> row = citizen.row();
        Object body = null;
        int status;
        if (!AVAILABLE.get()) {
            status = 503;
        } else if (!path[0].equals(citizen.pin())) {
            body = Map.of("error", "not_found");
            status = 404;
        } else if (path.length == 1) {
            RECORD_READS.incrementAndGet();
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("personalIdNumber", row.get(0));
            c.put("fullName", row.get(1));
            c.put("dateOfBirth", row.get(2));
            c.put("sex", row.get(3));
            c.put("nationality", row.get(4));
            c.put("ethnicity", row.get(5));
            c.put("religion", row.get(6));
            c.put("placeOfOrigin", row.get(7));
            c.put("placeOfResidence", row.get(8));
            c.put("lifeStatus", row.get(9));
            body = c;
            status = 200;
        } else {
            Map<String, Object> card = new LinkedHashMap<>();
            card.put("cardNumber", row.get(10));
            card.put("issueDate", row.get(11));
            card.put("expiryDate", row.get(12));
            card.put("status", row.get(13));
            body = List.of(card);
            status = 200;
        }
        byte[] bytes = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Test
    void whenTheRegistryIsReachedOverHttp_thenRegistrationPasswordAndChipCardWork_andAnOutageGivesAClearPage() throws Exception {
        AVAILABLE.set(true);
        int before = RECORD_READS.get();
        CitizenRegistration.register(server, portal, citizen, PASSWORD);
        assertThat(RECORD_READS.get() - before).as("the registration reads the citizen's record once").isEqualTo(1);
        CitizenLogin.login(new Browser(), portal, portal.authorize("openid"), citizen.pin(), PASSWORD);
        ChipCardPage.proveCardAfterPassword(server, portal, citizen.pin(), PASSWORD);

        AVAILABLE.set(false);
        try {
            Browser browser = new Browser();
            Response answer = CitizenLogin.submit(browser, CitizenLogin.openLoginPage(browser, portal.authorize("openid")), citizen.pin(), PASSWORD);
            Response page = browser.followWithin(answer, server.baseUrl());
            assertThat(page.statusCode()).as("page:\n%s", page.asString()).isEqualTo(503);
            assertThat(page.asString()).doesNotContain("Exception").doesNotContain("code=");
        } finally {
            AVAILABLE.set(true);
        }
    }

    @Test
    void whenTheRegistryIsExternal_thenTheImportApiSaysSoInsteadOfFillingALocalCopy() {
        String token = given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"))
                .post(server.baseUrl() + "/realms/master/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(token).contentType("text/csv").body(FreshCitizens.Citizen.HEADER + "\n")
                .post(server.baseUrl() + "/realms/master/registry-admin/import").then().statusCode(409)
                .body("error", org.hamcrest.Matchers.equalTo("registry_external"));
    }
}
