package vn.dinhdanh.tests.chipcard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.openid.connect.sdk.claims.ACR;
import io.restassured.path.json.JsonPath;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.chipcard.app.DemoCards;
import vn.dinhdanh.chipcard.app.VirtualMobileApp;
import vn.dinhdanh.icao.virtualcard.Credential;
import vn.dinhdanh.icao.virtualcard.TestCountry;
import vn.dinhdanh.icao.virtualcard.TestPki;
import vn.dinhdanh.icao.virtualcard.VirtualCard;
import vn.dinhdanh.icao.virtualcard.VirtualCardIssuer;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.ChipCardPage;
import vn.dinhdanh.tests.support.DemoCitizens;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.RelyingParty;

/**
 * Trust anchors on a running server: an operator revokes a Document Signer by putting the state's new CRL into the
 * trust folder and asking for a reload; a card signed by that Document Signer is then refused. Only administrators
 * see or reload the trust.
 */
class ChipCardTrustTest {

    static DinhdanhServer server;
    static Path crlFile;
    static byte[] originalCrl;

    @BeforeAll
    static void start() throws Exception {
        server = DinhdanhServer.get();
        assumeTrue(server.home() != null, "the trust folder is a folder of the server under test");
        try (Stream<Path> files = Files.list(server.home().resolve("demo").resolve("trust"))) {
            crlFile = files.filter(f -> f.toString().endsWith(".crl")).findFirst().orElseThrow();
        }
        originalCrl = Files.readAllBytes(crlFile);
    }

    @AfterAll
    static void restoreTrust() throws Exception {
        if (originalCrl != null) {
            Files.write(crlFile, originalCrl);
            given().auth().oauth2(adminToken()).post(trustUrl() + "/reload").then().statusCode(200);
        }
    }

    @Test
    void whenTheStateRevokesADocumentSigner_thenAfterAReloadItsCardsAreRefusedWithDsRevoked() throws Exception {
        TestCountry demo = DemoCards.country();
        Credential revokedSigner = TestPki.documentSigner(DemoCards.DEMO_SEED, demo.csca(), new TestPki.DsOptions().label("revoked-e2e"));
        VirtualCard card = DemoCards.cardFor(DemoCards.findInCsv(Path.of(System.getProperty("dinhdanh.demo.dir"), "citizens.csv"),
                DemoCitizens.AN.pin()).orElseThrow(), new VirtualCardIssuer(DemoCards.DEMO_SEED, revokedSigner), o -> o);
        BigInteger serial = revokedSigner.certificate().getSerialNumber();

        JsonPath before = given().auth().oauth2(adminToken()).get(trustUrl()).then().statusCode(200).extract().jsonPath();
        assertThat(before.getList("cscas")).isNotEmpty();
        assertThat(before.getInt("crls[0].revoked")).isZero();

        Files.write(crlFile, TestPki.crl(DemoCards.DEMO_SEED, demo.csca(), new TestPki.CrlOptions().revoke(serial)));
        JsonPath after = given().auth().oauth2(adminToken()).post(trustUrl() + "/reload").then().statusCode(200).extract().jsonPath();
        assertThat(after.getInt("crls[0].revoked")).isEqualTo(1);
        assertThat(after.getList("issues")).isEmpty();

        RelyingParty portal = RelyingParty.portal(server);
        RelyingParty.Attempt attempt = portal.authorize("openid", b -> b.acrValues(List.of(new ACR("high"))));
        ChipCardPage chip = ChipCardPage.of(new Browser().get(attempt.uri().toString()));
        VirtualMobileApp.Answer answer = new VirtualMobileApp().answer(server.realmUrl() + "/chip-card/requests/" + chip.handle(), card);
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body().get("error").asText()).isEqualTo("passive_authentication_failed");
        assertThat(answer.body().get("checks").toString()).contains("DS_REVOKED");
    }

    @Test
    void whenACscaRunsOutSoon_andItsCrlIsDue_thenTheTrustViewWarnsOfBoth() throws Exception {
        java.time.Instant now = java.time.Instant.now();
        Credential expiring = TestPki.csca("expiring-e2e", new TestPki.CscaOptions().label("EXPIRING")
                .validity(now.minus(java.time.Duration.ofDays(3000)), now.plus(java.time.Duration.ofDays(30))));
        Path trust = crlFile.getParent();
        Path cscaFile = trust.resolve("csca-expiring-e2e.der");
        Path expiringCrl = trust.resolve("csca-expiring-e2e.crl");
        Files.write(cscaFile, expiring.certificateDer());
        Files.write(expiringCrl, TestPki.crl("expiring-e2e", expiring, new TestPki.CrlOptions()
                .thisUpdate(now.minus(java.time.Duration.ofDays(6))).nextUpdate(now.plus(java.time.Duration.ofHours(20)))));
        try {
            JsonPath view = given().auth().oauth2(adminToken()).post(trustUrl() + "/reload").then().statusCode(200).extract().jsonPath();

            assertThat(view.getList("warnings.code")).containsExactly("CRL_DUE_SOON", "CSCA_EXPIRING");
            assertThat(view.getList("warnings.name", String.class)).allMatch(name -> name.contains("EXPIRING"));
        } finally {
            Files.delete(cscaFile);
            Files.delete(expiringCrl);
        }
        JsonPath restored = given().auth().oauth2(adminToken()).post(trustUrl() + "/reload").then().statusCode(200).extract().jsonPath();
        assertThat(restored.getList("warnings")).isEmpty();
    }

    @Test
    void whenSomeoneWithoutTheRoleAsksForTheTrust_thenTheAnswerIs401Or403_andOtherRealmsHaveNoTrustEndpoint() {
        given().get(trustUrl()).then().statusCode(401);
        given().post(trustUrl() + "/reload").then().statusCode(401);

        // a master-realm user without the role or admin
        String admin = adminToken();
        String username = "no-trust-role-" + System.nanoTime();
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("username", username, "enabled", true, "firstName", "No", "lastName", "Role", "email", username + "@example.org",
                        "emailVerified", true, "credentials", List.of(Map.of("type", "password", "value", "No-Trust-Role-2026", "temporary", false))))
                .post(server.baseUrl() + "/admin/realms/master/users").then().statusCode(201);
        String token = given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli", "username", username, "password", "No-Trust-Role-2026"))
                .post(server.baseUrl() + "/realms/master/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(token).get(trustUrl()).then().statusCode(403).body("error", org.hamcrest.Matchers.equalTo("forbidden"));
        given().auth().oauth2(token).post(trustUrl() + "/reload").then().statusCode(403);

        // the trust is the server's: the citizens realm has no trust endpoint, whatever token comes
        given().auth().oauth2(admin).get(server.realmUrl() + "/chip-card/trust").then().statusCode(404);
    }

    @Test
    void whenTheAdministratorsTokenWasIssuedToAnotherClient_thenTheOperatorEndpointsRefuseIt() {
        String admin = adminToken();
        String clientId = "not-an-operator-" + System.nanoTime();
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("clientId", clientId, "publicClient", false, "secret", "Not-An-Operator-2026", "directAccessGrantsEnabled", true,
                        "standardFlowEnabled", false))
                .post(server.baseUrl() + "/admin/realms/master/clients").then().statusCode(201);
        String token = given().formParams(Map.of("grant_type", "password", "client_id", clientId, "client_secret", "Not-An-Operator-2026",
                        "username", "admin", "password", "admin"))
                .post(server.baseUrl() + "/realms/master/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
        // the same administrator, through a client that is not an operator client: refused
        given().auth().oauth2(token).get(trustUrl()).then().statusCode(403).body("error", org.hamcrest.Matchers.equalTo("token_not_for_operators"));
        given().auth().oauth2(token).contentType("text/csv").body("personal_id_number\n")
                .post(server.baseUrl() + "/realms/master/registry-admin/import").then().statusCode(403)
                .body("error", org.hamcrest.Matchers.equalTo("token_not_for_operators"));
        given().auth().oauth2(token).get(server.baseUrl() + "/realms/master/registry-admin/status").then().statusCode(403);
        // through the admin client: accepted
        given().auth().oauth2(admin).get(trustUrl()).then().statusCode(200);
    }

    static String trustUrl() {
        return server.baseUrl() + "/realms/master/chip-card/trust";
    }

    static String adminToken() {
        return given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"))
                .post(server.baseUrl() + "/realms/master/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
    }
}
