package vn.dinhdanh.tests.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.tests.support.CitizenRegistration;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.RelyingParty;

/** The tamper-evident audit trail of the running server, through its operator endpoints. */
class AuditTrailTest {

    static DinhdanhServer server;

    @BeforeAll
    static void start() {
        server = DinhdanhServer.get();
    }

    static String adminToken() {
        return given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"))
                .post(server.baseUrl() + "/realms/master/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
    }

    @Test
    void whenCitizensLogIn_thenTheirEventsAreChainedAndACheckpointSignsTheChainWithTheMasterRealmsKey() {
        CitizenRegistration.registerFresh(server, RelyingParty.portal(server), "Nhat-Ky-Kiem-Toan-2026");
        String token = adminToken();
        String base = server.baseUrl() + "/realms/master/dinhdanh-audit";
        JsonPath before = given().auth().oauth2(token).get(base + "/verification").then().statusCode(200).extract().jsonPath();
        assertThat(before.getBoolean("intact")).as("%s", before.prettify()).isTrue();
        assertThat(before.getLong("records")).as("a registration and logins were recorded").isPositive();

        JsonPath written = given().auth().oauth2(token).post(base + "/checkpoints").then().statusCode(200).extract().jsonPath();
        assertThat(written.getBoolean("written")).isTrue();
        JsonPath after = given().auth().oauth2(token).get(base + "/verification").then().statusCode(200).extract().jsonPath();
        assertThat(after.getBoolean("intact")).as("%s", after.prettify()).isTrue();
        assertThat(after.getLong("checkpoints")).isPositive();

        List<String> masterKids = given().get(server.baseUrl() + "/realms/master/protocol/openid-connect/certs").then().statusCode(200)
                .extract().jsonPath().getList("keys.kid", String.class);
        assertThat(after.getList("checkpointKeys", String.class)).as("checkpoints are signed by a key the master realm publishes")
                .isNotEmpty().allSatisfy(kid -> assertThat(masterKids).contains(kid));
    }

    @Test
    void whenManyRequestsAreRecordedAtOnce_thenEveryRecordIsStoredAndEveryChainStaysIntact() throws Exception {
        String token = adminToken();
        String base = server.baseUrl() + "/realms/master/dinhdanh-audit";
        long before = given().auth().oauth2(token).get(base + "/verification").then().statusCode(200).extract().jsonPath().getLong("records");
        int requests = 48;
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < requests; i++) {
                // an unknown code: Keycloak records a CODE_TO_TOKEN_ERROR event, which the trail appends
                answers.add(callers.submit(() -> given().formParams(Map.of("grant_type", "authorization_code", "client_id", "public-services-portal",
                                "code", "not-a-code", "redirect_uri", "http://localhost:3000/callback", "code_verifier", "x".repeat(43)))
                        .post(server.realmUrl() + "/protocol/openid-connect/token").statusCode()));
            }
            for (var answer : answers) {
                assertThat(answer.get()).isEqualTo(400);
            }
        } finally {
            callers.shutdown();
        }
        JsonPath after = given().auth().oauth2(token).get(base + "/verification").then().statusCode(200).extract().jsonPath();
        assertThat(after.getBoolean("intact")).as("%s", after.prettify()).isTrue();
        assertThat(after.getLong("records")).as("each refused request was recorded before it was answered").isGreaterThanOrEqualTo(before + requests);
    }

    @Test
    void whenNoOperatorAsks_thenTheTrailIsNotShown() {
        given().get(server.baseUrl() + "/realms/master/dinhdanh-audit/verification").then().statusCode(401);
        given().auth().oauth2(adminToken()).get(server.realmUrl() + "/dinhdanh-audit/verification").then().statusCode(404);
    }
}
