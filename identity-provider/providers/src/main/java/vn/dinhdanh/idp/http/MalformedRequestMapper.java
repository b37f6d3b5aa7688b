package vn.dinhdanh.idp.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.utils.KeycloakSessionUtil;
import vn.dinhdanh.idp.keycloak.KeycloakInternals;

/**
 * A request body that is not valid form encoding ({@code application/x-www-form-urlencoded} with a broken percent
 * escape, raw binary...) is the client's mistake: it gets a 400, never a 500, and nothing of the body reaches the log
 * (the decoder's message quotes the value, which may be a password). It holds for every endpoint of the server, ours
 * and Keycloak's, because the form is decoded before any endpoint runs. An HTML request (a browser's form post) gets
 * the theme's error page; any other gets the OAuth error JSON {@code invalid_request}. Any other
 * {@link IllegalArgumentException} goes back to Keycloak's own handling.
 */
@Provider
public final class MalformedRequestMapper implements ExceptionMapper<IllegalArgumentException> {

    public static final String ERROR = "invalid_request";
    public static final String DESCRIPTION = "The request body is not valid application/x-www-form-urlencoded data (UTF-8, percent escapes of two hex digits)";
    private static final Pattern REALM = Pattern.compile("^/realms/([^/]+)(/.*)?$");
    private static final Logger LOG = Logger.getLogger(MalformedRequestMapper.class);

    @Override
    public Response toResponse(IllegalArgumentException error) {
        KeycloakSession session = KeycloakSessionUtil.getKeycloakSession();
        if (!isFormDecodingFailure(error)) {
            return KeycloakInternals.uncaughtErrorResponse(session, error);
        }
        LOG.debug("A request body was not valid form encoding; answered 400 (its content is not logged)");
        session.getTransactionManager().setRollbackOnly();
        if (wantsHtml(session.getContext().getRequestHeaders()) && realmOf(session) != null) {
            return session.getProvider(LoginFormsProvider.class).setError("malformedRequestMessage").createErrorPage(Response.Status.BAD_REQUEST);
        }
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", ERROR, "error_description", DESCRIPTION)).build();
    }

    /** Thrown while the server decoded a form body (RESTEasy Reactive's form parser is on the stack). */
    static boolean isFormDecodingFailure(Throwable error) {
        for (StackTraceElement frame : error.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith("org.jboss.resteasy.reactive.server.core.multipart.FormEncodedDataDefinition")
                    || type.equals("org.jboss.resteasy.reactive.server.handlers.FormBodyHandler")) {
                return true;
            }
        }
        return false;
    }

    private static boolean wantsHtml(HttpHeaders headers) {
        try {
            return headers.getAcceptableMediaTypes().stream().anyMatch(m -> !m.isWildcardType() && m.isCompatible(MediaType.TEXT_HTML_TYPE));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The realm of the request's path, set on the session for the error page; null outside a realm. */
    private static RealmModel realmOf(KeycloakSession session) {
        RealmModel realm = session.getContext().getRealm();
        if (realm == null) {
            Matcher m = REALM.matcher(session.getContext().getUri().getPath());
            realm = m.matches() ? session.realms().getRealmByName(m.group(1)) : null;
            if (realm != null) {
                session.getContext().setRealm(realm);
            }
        }
        return realm;
    }
}
