package vn.dinhdanh.tests.browser;

import static io.restassured.RestAssured.given;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.dinhdanh.tests.support.DinhdanhServer;

/** Plays the citizen's authenticator app (RFC 6238, SHA-1, 6 digits, 30 s) and asks Keycloak to make a citizen set one up. */
final class Totp {

    private Totp() {
    }

    /** The code an authenticator app shows now for a base32 secret as Keycloak prints it (groups of four). */
    static String code(String base32Secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(base32(base32Secret), "HmacSHA1"));
        byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(System.currentTimeMillis() / 30_000).array());
        int o = h[h.length - 1] & 0x0f;
        int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
        return String.format(Locale.ROOT, "%06d", bin % 1_000_000);
    }

    /** Through the admin API: the citizen's next login asks them to set up an authenticator app. */
    static void requireSetup(DinhdanhServer server, String username) {
        String token = given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"))
                .post(server.baseUrl() + "/realms/master/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
        String users = server.baseUrl() + "/admin/realms/citizens/users";
        String id = given().auth().oauth2(token).queryParam("username", username).queryParam("exact", true).get(users)
                .then().statusCode(200).extract().path("[0].id");
        given().auth().oauth2(token).contentType("application/json").body(Map.of("requiredActions", List.of("CONFIGURE_TOTP")))
                .put(users + "/" + id).then().statusCode(204);
    }

    private static byte[] base32(String s) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : s.replaceAll("[\\s=]", "").toUpperCase(Locale.ROOT).toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
