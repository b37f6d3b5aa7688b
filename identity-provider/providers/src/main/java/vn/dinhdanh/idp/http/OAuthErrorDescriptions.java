package vn.dinhdanh.idp.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.keycloak.representations.idm.OAuth2ErrorRepresentation;

/**
 * OAuth error answers say in words what was wrong, never with a Java exception. Some of Keycloak's refusals append an
 * exception's text to {@code error_description} (a malformed client assertion gets "...signed JWT failed:
 * java.lang.IllegalArgumentException: Input byte[] should..."), which tells a caller about the server's insides and
 * may echo its input. Such a description is replaced by a plain one for its error code; every other answer is left
 * alone.
 */
@Provider
public final class OAuthErrorDescriptions implements ContainerResponseFilter {

    /** A Java class name (java.lang.X, org.keycloak.Y...) or an exception's name in a description. */
    static final Pattern JAVA = Pattern.compile("\\b(?:java|javax|jakarta|org|com|io|sun)\\.[a-z0-9_]+\\.[A-Za-z0-9_.$]+|\\w+(?:Exception|Error)\\b");

    static final Map<String, String> PLAIN = Map.of(
            "invalid_client", "Client authentication failed: the client assertion or secret is missing, malformed, expired, already used, "
                    + "or not signed by a key registered for this client",
            "unauthorized_client", "Client authentication failed: the client assertion is missing, malformed, expired or already used",
            "invalid_grant", "The grant is invalid, expired, already used or was issued to another client",
            "invalid_request", "The request is malformed or misses a required parameter",
            "invalid_dpop_proof", "The DPoP proof is missing, malformed, expired, already used or does not match the request",
            "invalid_token", "The token is invalid or expired");

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object entity = response.getEntity();
        if (entity instanceof OAuth2ErrorRepresentation error) {
            if (quotesJava(error.getErrorDescription())) {
                error.setErrorDescription(plain(error.getError()));
            }
        } else if (entity instanceof Map<?, ?> map && map.get("error") instanceof String code && quotesJava(map.get("error_description"))) {
            Map<Object, Object> copy = new LinkedHashMap<>(map);
            copy.put("error_description", plain(code));
            response.setEntity(copy);
        }
    }

    static boolean quotesJava(Object description) {
        return description instanceof String text && JAVA.matcher(text).find();
    }

    static String plain(String code) {
        return PLAIN.getOrDefault(code, "The request was refused");
    }
}
