package vn.dinhdanh.tests.oidc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.CitizenLogin;
import vn.dinhdanh.tests.support.DemoCitizens;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.RelyingParty;

/**
 * Rotating the token signing key without breaking a relying party, with Keycloak's key providers as the README says:
 * the new key is published first (lower priority: in the JWKS, not signing), then takes over (higher priority), while
 * the old key stays published, so that tokens signed before still verify; then the old key is retired.
 */
class SigningKeyRotationTest {

    static DinhdanhServer server;
    static RelyingParty portal;
    static String componentId;

    @BeforeAll
    static void start() {
        server = DinhdanhServer.get();
        portal = RelyingParty.portal(server);
    }

    @AfterAll
    static void removeTheNewKey() {
        if (componentId != null) {
            given().auth().oauth2(adminToken()).delete(admin() + "/components/" + componentId).then().statusCode(204);
        }
    }

    static String admin() {
        return server.baseUrl() + "/admin/realms/citizens";
    }

    static String adminToken() {
        return given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"))
                .post(server.baseUrl() + "/realms/master/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
    }

    static List<String> publishedEs256Kids() throws Exception {
        return JWKSet.load(portal.metadata().getJWKSetURI().toURL()).getKeys().stream()
                .filter(k -> k.getAlgorithm() != null && k.getAlgorithm().getName().equals("ES256")).map(k -> k.getKeyID()).toList();
    }

    record Login(JWT idToken, com.nimbusds.openid.connect.sdk.Nonce nonce) {
        String kid() throws Exception {
            return ((SignedJWT) idToken).getHeader().getKeyID();
        }
    }

    static Login login() {
        RelyingParty.Attempt attempt = portal.authorize("openid");
        AuthorizationCode code = CitizenLogin.login(new Browser(), portal, attempt, DemoCitizens.AN.pin(), DemoCitizens.AN.password());
        OIDCTokenResponse tokens = (OIDCTokenResponse) portal.exchange(code, attempt.verifier()).toSuccessResponse();
        return new Login(tokens.getOIDCTokens().getIDToken(), attempt.nonce());
    }

    static void setPriority(String id, int priority) {
        Map<String, Object> component = given().auth().oauth2(adminToken()).get(admin() + "/components/" + id).then().statusCode(200)
                .extract().jsonPath().getMap("$");
        @SuppressWarnings("unchecked")
        Map<String, Object> config = new java.util.LinkedHashMap<>((Map<String, Object>) component.get("config"));
        config.put("priority", List.of(String.valueOf(priority)));
        component.put("config", config);
        given().auth().oauth2(adminToken()).contentType("application/json").body(component).put(admin() + "/components/" + id)
                .then().statusCode(204);
    }

    @Test
    void whenANewKeyIsPublishedFirst_thenTakesOver_thenTheOldTokensStillVerify_andNewTokensUseTheNewKey() throws Exception {
        List<String> before = publishedEs256Kids();
        Login old = login();
        String oldKid = old.kid();
        assertThat(before).contains(oldKid);

        // 1. publish: a new ES256 key below the current one's priority (100)
        String realmId = given().auth().oauth2(adminToken()).get(admin()).then().statusCode(200).extract().path("id");
        var created = given().auth().oauth2(adminToken()).contentType("application/json").body(Map.of(
                        "name", "ecdsa-rotation-test", "providerId", "ecdsa-generated", "providerType", "org.keycloak.keys.KeyProvider",
                        "parentId", realmId, "config", Map.of("priority", List.of("50"), "ecdsaEllipticCurveKey", List.of("P-256"),
                                "active", List.of("true"), "enabled", List.of("true"))))
                .post(admin() + "/components").then().statusCode(201).extract().header("Location");
        componentId = URI.create(created).getPath().replaceAll(".*/", "");
        List<String> published = publishedEs256Kids();
        assertThat(published).as("the new key is in the JWKS").hasSize(before.size() + 1).contains(oldKid);
        String newKid = published.stream().filter(k -> !before.contains(k)).findFirst().orElseThrow();
        assertThat(login().kid()).as("but does not sign yet").isEqualTo(oldKid);

        // 2. take over: the new key above the old one
        setPriority(componentId, 200);
        Login fresh = login();
        assertThat(fresh.kid()).isEqualTo(newKid);
        assertThat(publishedEs256Kids()).as("the old key stays published").contains(oldKid, newKid);
        assertThat(portal.validate(old.idToken(), old.nonce())).as("a token signed before the switch still verifies").isNotNull();
        assertThat(portal.validate(fresh.idToken(), fresh.nonce())).isNotNull();
    }
}
