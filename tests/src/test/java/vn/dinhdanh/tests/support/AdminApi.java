package vn.dinhdanh.tests.support;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The Keycloak admin REST API of the test server, as the demo administrator (admin/admin in the master realm,
 * DEMO ONLY): stored events of the citizens realm, users, and brute-force status.
 */
public final class AdminApi {

    private final DinhdanhServer server;

    public AdminApi(DinhdanhServer server) {
        this.server = server;
    }

    /** A fresh admin token each time: the master realm's tokens live for one minute only. */
    private String token() {
        return given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"))
                .post(server.baseUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private String admin() {
        return server.baseUrl() + "/admin/realms/citizens";
    }

    /** Stored login events of one type, newest first (Keycloak's own order). */
    public List<Map<String, Object>> events(String type) {
        return given().auth().oauth2(token()).queryParam("type", type).queryParam("max", 10000)
                .get(admin() + "/events").then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** The ids of the events of a type stored so far: a marker to find the events of one attempt. */
    public Set<String> eventIds(String type) {
        return events(type).stream().map(e -> String.valueOf(e.get("id"))).collect(Collectors.toCollection(HashSet::new));
    }

    /** Waits for an event of the type, not among {@code before}, that matches. */
    public Map<String, Object> awaitNewEvent(String type, Set<String> before, Predicate<Map<String, Object>> matching, String what) {
        return Poll.until(what, () -> events(type).stream()
                .filter(e -> !before.contains(String.valueOf(e.get("id"))))
                .filter(matching)
                .findFirst());
    }

    /** All events of the type not among {@code before}. */
    public List<Map<String, Object>> newEvents(String type, Set<String> before) {
        return events(type).stream().filter(e -> !before.contains(String.valueOf(e.get("id")))).toList();
    }

    /**
     * Imports CSV rows into the population registry of the running server (POST /realms/master/registry-admin/import,
     * as the demo administrator). Returns the import summary: rowsRead, rowsWritten, rowsRejected.
     */
    public JsonPath importCitizens(String csv) {
        return given().auth().oauth2(token()).contentType("text/csv; charset=UTF-8").body(csv)
                .post(server.baseUrl() + "/realms/master/registry-admin/import").then().statusCode(200).extract().jsonPath();
    }

    /** Keycloak's user id for a username, if the realm has such a user. */
    public Optional<String> userId(String username) {
        List<String> ids = given().auth().oauth2(token()).queryParam("username", username).queryParam("exact", true)
                .get(admin() + "/users").then().statusCode(200).extract().jsonPath().getList("id");
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(0));
    }

    /** GET attack-detection/brute-force/users/{id}: disabled, numFailures, lastFailure, lastIPFailure. */
    public JsonPath bruteForceStatus(String userId) {
        return given().auth().oauth2(token()).get(admin() + "/attack-detection/brute-force/users/" + userId)
                .then().statusCode(200).extract().jsonPath();
    }

    /** GET users/{id}: the user representation, attributes included. */
    public JsonPath user(String userId) {
        return given().auth().oauth2(token()).get(admin() + "/users/" + userId).then().statusCode(200).extract().jsonPath();
    }

    /** Sets one attribute of the citizens realm, keeping the others (an empty value clears a dinhdanh setting). */
    public void setRealmAttribute(String name, String value) {
        String token = token();
        Map<String, Object> attributes = new java.util.LinkedHashMap<>(
                given().auth().oauth2(token).get(admin()).then().statusCode(200).extract().jsonPath().getMap("attributes"));
        attributes.put(name, value);
        given().auth().oauth2(token).contentType("application/json").body(Map.of("realm", "citizens", "attributes", attributes))
                .put(admin()).then().statusCode(204);
    }

    /** Gives a citizen's account a required action (CONFIGURE_TOTP, webauthn-register, ...) for their next login. */
    public void requireAction(String username, String action) {
        String token = token();
        String id = userId(username).orElseThrow();
        given().auth().oauth2(token).contentType("application/json").body(Map.of("requiredActions", List.of(action)))
                .put(admin() + "/users/" + id).then().statusCode(204);
    }

    /** The types of the credentials an account holds (password, otp, webauthn, ...). */
    public List<String> credentialTypes(String userId) {
        return given().auth().oauth2(token()).get(admin() + "/users/" + userId + "/credentials")
                .then().statusCode(200).extract().jsonPath().getList("type", String.class);
    }

    /** Sets attributes of a client of the citizens realm (an empty value removes one), keeping the others. */
    public void setClientAttributes(String clientId, Map<String, String> changes) {
        String token = token();
        Map<String, Object> client = given().auth().oauth2(token).queryParam("clientId", clientId).get(admin() + "/clients")
                .then().statusCode(200).extract().jsonPath().getMap("[0]");
        Map<String, Object> attributes = new java.util.LinkedHashMap<>(cast(client.get("attributes")));
        changes.forEach((name, value) -> {
            if (value.isEmpty()) {
                attributes.remove(name);
            } else {
                attributes.put(name, value);
            }
        });
        // the whole representation, as the admin console sends it: client policies check the client as it will be
        Map<String, Object> changed = new java.util.LinkedHashMap<>(client);
        changed.put("attributes", attributes);
        given().auth().oauth2(token).contentType("application/json").body(changed)
                .put(admin() + "/clients/" + client.get("id")).then().statusCode(204);
    }

    /** The representation of a client of the citizens realm, by client_id. */
    public Map<String, Object> client(String clientId) {
        return given().auth().oauth2(token()).queryParam("clientId", clientId).get(admin() + "/clients")
                .then().statusCode(200).extract().jsonPath().getMap("[0]");
    }

    /** Creates a client of the citizens realm from this representation; the answer as Keycloak gives it. */
    public io.restassured.response.Response createClient(Map<String, Object> representation) {
        return given().auth().oauth2(token()).contentType("application/json").body(representation).post(admin() + "/clients");
    }

    /** Replaces a client's representation (PUT); the answer as Keycloak gives it. */
    public io.restassured.response.Response updateClient(Map<String, Object> representation) {
        return given().auth().oauth2(token()).contentType("application/json").body(representation)
                .put(admin() + "/clients/" + representation.get("id"));
    }

    /** Deletes a client of the citizens realm by client_id, if it exists. */
    public void deleteClient(String clientId) {
        String token = token();
        List<Map<String, Object>> found = given().auth().oauth2(token).queryParam("clientId", clientId).get(admin() + "/clients")
                .then().statusCode(200).extract().jsonPath().getList("$");
        for (Map<String, Object> client : found) {
            given().auth().oauth2(token).delete(admin() + "/clients/" + client.get("id")).then().statusCode(204);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object map) {
        return map == null ? Map.of() : (Map<String, Object>) map;
    }
}
