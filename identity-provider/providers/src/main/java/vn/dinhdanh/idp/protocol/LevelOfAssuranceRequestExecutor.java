package vn.dinhdanh.idp.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.keycloak.OAuthErrorException;
import org.keycloak.protocol.oidc.endpoints.request.AuthorizationEndpointRequest;
import org.keycloak.protocol.oidc.utils.AcrUtils;
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
        Map<String, Integer> levels = AcrUtils.getAcrLoaMap(authorization.getClient());
        String acrValues = request.getAcr();
        if (acrValues != null && !acrValues.isBlank() && !allOffered(Arrays.asList(acrValues.trim().split("\\s+")), levels)) {
            throw new ClientPolicyException(OAuthErrorException.INVALID_REQUEST,
                    "acr_values names a level of assurance this server does not offer; the levels are " + String.join(", ", levels.keySet()));
        }
        if (!allOffered(essentialAcrValues(request), levels)) {
            throw new ClientPolicyException(OAuthErrorException.INVALID_REQUEST,
                    "the essential acr claim names a level of assurance this server does not offer; the levels are " + String.join(", ", levels.keySet()));
        }
    }

    private static List<String> essentialAcrValues(AuthorizationEndpointRequest request) {
        try {
            return AcrUtils.getRequiredAcrValues(request.getClaims());
        } catch (RuntimeException e) {
            return List.of(); // an unreadable claims parameter is Keycloak's to refuse
        }
    }

    private static boolean allOffered(List<String> asked, Map<String, Integer> levels) {
        return asked.stream().allMatch(levels::containsKey);
    }

    @Override
    public String getProviderId() {
        return LevelOfAssuranceRequestExecutorFactory.ID;
    }
}
