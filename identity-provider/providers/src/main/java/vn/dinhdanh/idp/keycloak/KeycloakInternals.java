package vn.dinhdanh.idp.keycloak;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.authentication.authenticators.util.AcrStore;
import org.keycloak.authentication.authenticators.util.LoAUtil;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.utils.AcrUtils;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.error.KeycloakErrorHandler;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Every use dinhdanh makes of a Keycloak class that is not a public SPI, in one place, so that a Keycloak upgrade
 * touches this file only. Each method says what it stands for; the rest of dinhdanh uses public SPIs, keycloak-core's
 * constants and representations.
 */
public final class KeycloakInternals {

    private KeycloakInternals() {
    }

    /** The log category of Keycloak's handler of uncaught exceptions (it logs each one with its message). */
    public static final String UNCAUGHT_ERROR_LOG_CATEGORY = KeycloakErrorHandler.class.getName();

    /**
     * Keycloak's own answer to an exception no endpoint handled (its {@code KeycloakErrorHandler}: the transaction
     * rolled back, a 500 as JSON or as the error page, the exception logged). dinhdanh's exception mappers hand back to
     * it whatever they do not answer themselves.
     */
    public static Response uncaughtErrorResponse(KeycloakSession session, Throwable error) {
        return KeycloakErrorHandler.getResponse(session, error);
    }

    /** A bearer token of the request's realm that Keycloak verified (signature, expiry, session): whose, for which client. */
    public record BearerToken(UserModel user, ClientModel client, AccessToken token) {

        /** The scopes the token was granted. */
        public Set<String> scopes() {
            return token.getScope() == null || token.getScope().isBlank() ? Set.of() : Set.of(token.getScope().trim().split("\\s+"));
        }
    }

    /** The request's bearer token as Keycloak's own REST endpoints verify it, if there is a valid one. */
    /**
     * The server's truststore for outgoing TLS ({@code truststore-paths}), if one is configured: Keycloak's
     * {@code TruststoreProvider} (an SPI outside the public set).
     */
    public static Optional<java.security.KeyStore> outgoingTruststore(KeycloakSession session) {
        org.keycloak.truststore.TruststoreProvider provider = session.getProvider(org.keycloak.truststore.TruststoreProvider.class);
        return provider == null ? Optional.empty() : Optional.ofNullable(provider.getTruststore());
    }

    public static Optional<BearerToken> verifiedBearerToken(KeycloakSession session) {
        AuthResult auth = new AppAuthManager.BearerTokenAuthenticator(session).authenticate();
        return auth == null ? Optional.empty() : Optional.of(new BearerToken(auth.getUser(), auth.getClient(), auth.getToken()));
    }

    /**
     * Ends this citizen's sessions with this client the way Keycloak's own "remove access" does: the client sessions
     * go, and the client is sent a back-channel logout token where it registered a back-channel logout URL
     * ({@code AuthenticationManager.backchannelLogoutUserFromClient}).
     */
    public static void logOutOfClient(KeycloakSession session, RealmModel realm, UserModel user, ClientModel client) {
        AuthenticationManager.backchannelLogoutUserFromClient(session, realm, user, client, session.getContext().getUri(),
                session.getContext().getRequestHeaders());
    }

    /**
     * The execution the citizen picked under "Try another way" (or the one the flow is on), as Keycloak notes it in the
     * authentication session.
     */
    public static String currentExecution(AuthenticationSessionModel auth) {
        return auth.getAuthNote(AuthenticationProcessor.CURRENT_AUTHENTICATION_EXECUTION);
    }

    /** The level of authentication (LoA number) the relying party asked for in this login, as Keycloak's conditions read it. */
    public static int requestedLevelOfAuthentication(KeycloakSession session, AuthenticationSessionModel auth, AuthenticationFlowModel topFlow) {
        return new AcrStore(session, auth).getRequestedLevelOfAuthentication(topFlow);
    }

    /**
     * Records that this authentication reached at least {@code level}: Keycloak's level of authentication for the
     * session (which its acr mapper turns into {@code acr}, and its conditions read at a later step-up).
     */
    public static void raiseLevelOfAuthentication(KeycloakSession session, AuthenticationSessionModel auth, int level) {
        AcrStore store = new AcrStore(session, auth);
        if (store.getLevelOfAuthenticationFromCurrentAuthentication() < level) {
            store.setLevelAuthenticated(level);
        }
    }

    /** The client's (or its realm's) map from acr value to level of authentication. */
    public static Map<String, Integer> levelsOfAssurance(ClientModel client) {
        return AcrUtils.getAcrLoaMap(client);
    }

    /**
     * Exactly the acr values Keycloak will turn into a level for this request: the essential {@code acr} claim's values
     * if there are any, otherwise {@code acr_values} (split as Keycloak splits it), the claim's voluntary values and the
     * client's defaults.
     *
     * @throws RuntimeException when the claims parameter cannot be read
     */
    public static List<String> acrValuesKeycloakWillUse(String claims, String acrValues, ClientModel client) {
        List<String> essential = AcrUtils.getRequiredAcrValues(claims);
        return essential.isEmpty() ? AcrUtils.getAcrValues(claims, acrValues, client) : essential;
    }

    /**
     * The level of authentication (LoA number) this client's session reached, as Keycloak's own acr mapper reads it:
     * unknown counts as 0 after single sign-on and 1 after a fresh login.
     */
    public static int levelOfAuthentication(AuthenticatedClientSessionModel clientSession) {
        int level = LoAUtil.getCurrentLevelOfAuthentication(clientSession);
        if (level >= 0) {
            return level;
        }
        return AuthenticationManager.isSSOAuthentication(clientSession) ? 0 : 1;
    }

    /** The values of an essential {@code acr} claim in the request's {@code claims} parameter (none if it has none). */
    public static List<String> essentialAcrValues(String claims) {
        return AcrUtils.getRequiredAcrValues(claims);
    }
}
