package vn.dinhdanh.idp.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.keycloak.protocol.oidc.endpoints.request.AuthorizationEndpointRequest;
import org.keycloak.protocol.oidc.par.clientpolicy.context.PushedAuthorizationRequestContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.AuthorizationRequestContext;

class VerifiedClaimsRequestExecutorTest {

    static final String VALID = "{\"userinfo\":{\"verified_claims\":{\"verification\":{\"trust_framework\":null},\"claims\":{\"given_name\":null}}}}";
    static final String MALFORMED = "{\"userinfo\":{\"verified_claims\":{\"claims\":{\"given_name\":null}}}}";

    final VerifiedClaimsRequestExecutor executor = new VerifiedClaimsRequestExecutor();

    static AuthorizationEndpointRequest withClaims(String claims) {
        AuthorizationEndpointRequest request = mock(AuthorizationEndpointRequest.class);
        when(request.getClaims()).thenReturn(claims);
        return request;
    }

    static AuthorizationRequestContext authorization(String claims) {
        AuthorizationRequestContext context = mock(AuthorizationRequestContext.class);
        when(context.getEvent()).thenReturn(ClientPolicyEvent.AUTHORIZATION_REQUEST);
        AuthorizationEndpointRequest request = withClaims(claims);
        when(context.getAuthorizationEndpointRequest()).thenReturn(request);
        return context;
    }

    @Test
    void whenTheClaimsParameterIsWellFormedOrAbsent_thenTheRequestGoesOn() {
        assertThatCode(() -> executor.executeOnEvent(authorization(VALID))).doesNotThrowAnyException();
        assertThatCode(() -> executor.executeOnEvent(authorization(null))).doesNotThrowAnyException();
    }

    @Test
    void whenTheVerifiedClaimsRequestIsMalformed_thenInvalidRequestNamingTheElement() {
        assertThatThrownBy(() -> executor.executeOnEvent(authorization(MALFORMED)))
                .isInstanceOf(ClientPolicyException.class)
                .satisfies(e -> assertThat(((ClientPolicyException) e).getError()).isEqualTo("invalid_request"))
                .satisfies(e -> assertThat(((ClientPolicyException) e).getErrorDetail()).contains("userinfo.verified_claims").contains("verification"));
    }

    @Test
    void whenAPushedRequestIsMalformed_thenThePushIsRefused() {
        PushedAuthorizationRequestContext context = mock(PushedAuthorizationRequestContext.class);
        when(context.getEvent()).thenReturn(ClientPolicyEvent.PUSHED_AUTHORIZATION_REQUEST);
        AuthorizationEndpointRequest request = withClaims(MALFORMED);
        when(context.getRequest()).thenReturn(request);
        assertThatThrownBy(() -> executor.executeOnEvent(context)).isInstanceOf(ClientPolicyException.class);
    }

    @Test
    void whenTheEventIsAnother_thenNothingIsChecked() {
        AuthorizationRequestContext context = authorization(MALFORMED);
        when(context.getEvent()).thenReturn(ClientPolicyEvent.TOKEN_REQUEST);
        assertThatCode(() -> executor.executeOnEvent(context)).doesNotThrowAnyException();
    }
}
