package vn.dinhdanh.idp.protocol;

import vn.dinhdanh.idp.keycloak.KeycloakInternals;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.dinhdanh.idp.assurance.ClaimsRequest;
import vn.dinhdanh.idp.assurance.InvalidClaimsRequestException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.keycloak.OAuthErrorException;
import org.keycloak.representations.ClaimsRepresentation;
import org.keycloak.protocol.oidc.endpoints.request.AuthorizationEndpointRequest;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.AuthorizationRequestContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

/**
 * Refuses, with the standard OIDC error {@code invalid_request} sent back to the relying party, an authorization
 * request that names a level of assurance this server does not offer, in {@code acr_values} or as an essential
 * {@code acr} claim. Without it Keycloak would treat an unknown value as the lowest level, and a relying party that
 * asked for {@code high} beside a misspelt value could receive a {@code low} token.
 */
public final class LevelOfAssuranceRequestExecutor implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        if (context.getEvent() != ClientPolicyEvent.AUTHORIZATION_REQUEST) {
            return;
        }
        AuthorizationRequestContext authorization = (AuthorizationRequestContext) context;
        AuthorizationEndpointRequest request = authorization.getAuthorizationEndpointRequest();
        Map<String, Integer> levels = KeycloakInternals.levelsOfAssurance(authorization.getClient());
        // Exactly the values Keycloak will turn into a level: the essential acr claim if there is one, otherwise
        // acr_values (split on single spaces, so an empty value is seen), the acr claim's voluntary values and the
        // client's defaults. Any value outside the map would count as level 0.
        Optional<String> unreadable = acrProblem(request.getClaims());
        if (unreadable.isPresent()) {
            throw new ClientPolicyException(OAuthErrorException.INVALID_REQUEST, unreadable.get());
        }
        List<String> asked;
        try {
            asked = KeycloakInternals.acrValuesKeycloakWillUse(request.getClaims(), request.getAcr(), authorization.getClient());
        } catch (RuntimeException e) {
            throw new ClientPolicyException(OAuthErrorException.INVALID_REQUEST, "the claims parameter could not be read");
        }
        if (!allOffered(asked, levels)) {
            throw new ClientPolicyException(OAuthErrorException.INVALID_REQUEST,
                    "a requested level of assurance (acr_values or the acr claim) is not one this server offers; the levels are "
                            + String.join(", ", levels.keySet()));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whether a claims parameter (if any) is a claims request keycloak-core can read. */
    static boolean readable(String claims) {
        if (claims == null || claims.isBlank()) {
            return true;
        }
        try {
            return JSON.readValue(claims, ClaimsRepresentation.class) != null;
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Why Keycloak would miss a level asked for in the claims parameter, if it would. Keycloak ignores a parameter it
     * cannot read, and with it an essential {@code acr} claim. It cannot read the additions of OpenID Connect for
     * Identity Assurance ({@code verified_claims}, {@code purpose}); such a request is let through only when it asks
     * for no {@code acr} claim, which it must then ask for with {@code acr_values}.
     */
    static Optional<String> acrProblem(String claims) {
        if (readable(claims)) {
            return Optional.empty();
        }
        ClaimsRequest parsed;
        try {
            parsed = ClaimsRequest.parse(claims);
        } catch (InvalidClaimsRequestException e) {
            return Optional.of(e.getMessage());
        }
        return parsed.names("acr")
                ? Optional.of("beside verified_claims or purpose, ask for the level of assurance with acr_values, not with an acr claim")
                : Optional.empty();
    }

    private static boolean allOffered(List<String> asked, Map<String, Integer> levels) {
        return asked.stream().allMatch(levels::containsKey);
    }

    @Override
    public String getProviderId() {
        return LevelOfAssuranceRequestExecutorFactory.ID;
    }
}
