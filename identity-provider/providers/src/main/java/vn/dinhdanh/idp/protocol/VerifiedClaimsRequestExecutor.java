package vn.dinhdanh.idp.protocol;

import org.keycloak.OAuthErrorException;
import org.keycloak.protocol.oidc.par.clientpolicy.context.PushedAuthorizationRequestContext;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.AuthorizationRequestContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import vn.dinhdanh.idp.assurance.ClaimsRequest;
import vn.dinhdanh.idp.assurance.InvalidClaimsRequestException;

/**
 * Refuses with {@code invalid_request} an authorization request, or a pushed one (PAR), whose {@code claims} parameter is
 * malformed: not the structure of OpenID Connect Core 5.5, or a {@code verified_claims} request that the request schema
 * of OpenID Connect for Identity Assurance 1.0 refuses. Keycloak sends the error to the relying party's
 * {@code redirect_uri} (or answers the pushed request with it); the description is a fixed sentence naming the element.
 */
public final class VerifiedClaimsRequestExecutor implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        String claims;
        if (context.getEvent() == ClientPolicyEvent.AUTHORIZATION_REQUEST) {
            claims = ((AuthorizationRequestContext) context).getAuthorizationEndpointRequest().getClaims();
        } else if (context.getEvent() == ClientPolicyEvent.PUSHED_AUTHORIZATION_REQUEST) {
            // refused at the push already, so that a bank learns of it before any browser is involved
            claims = ((PushedAuthorizationRequestContext) context).getRequest().getClaims();
        } else {
            return;
        }
        try {
            ClaimsRequest.parse(claims);
        } catch (InvalidClaimsRequestException e) {
            throw new ClientPolicyException(OAuthErrorException.INVALID_REQUEST, e.getMessage());
        }
    }

    @Override
    public String getProviderId() {
        return VerifiedClaimsRequestExecutorFactory.ID;
    }
}
