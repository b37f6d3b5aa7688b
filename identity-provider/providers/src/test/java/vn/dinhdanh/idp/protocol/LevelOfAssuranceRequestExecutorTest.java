package vn.dinhdanh.idp.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.endpoints.request.AuthorizationEndpointRequest;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.AuthorizationRequestContext;

class LevelOfAssuranceRequestExecutorTest {

    final LevelOfAssuranceRequestExecutor executor = new LevelOfAssuranceRequestExecutor();

    static AuthorizationRequestContext request(String acrValues, String claims) {
        RealmModel realm = mock(RealmModel.class);
        when(realm.getAttribute("acr.loa.map")).thenReturn("{\"low\": 1, \"substantial\": 2, \"high\": 3}");
        ClientModel client = mock(ClientModel.class);
        when(client.getRealm()).thenReturn(realm);
        AuthorizationEndpointRequest parsed = mock(AuthorizationEndpointRequest.class);
        when(parsed.getAcr()).thenReturn(acrValues);
        when(parsed.getClaims()).thenReturn(claims);
        AuthorizationRequestContext context = mock(AuthorizationRequestContext.class);
        when(context.getEvent()).thenReturn(ClientPolicyEvent.AUTHORIZATION_REQUEST);
        when(context.getAuthorizationEndpointRequest()).thenReturn(parsed);
        when(context.getClient()).thenReturn(client);
        return context;
    }

    @Test
    void whenEveryAskedLevelIsOffered_thenTheRequestGoesOn() {
        assertThatCode(() -> executor.executeOnEvent(request("high", null))).doesNotThrowAnyException();
        assertThatCode(() -> executor.executeOnEvent(request("substantial high", null))).doesNotThrowAnyException();
        assertThatCode(() -> executor.executeOnEvent(request(null, null))).as("no level asked: the flow's default").doesNotThrowAnyException();
        assertThatCode(() -> executor.executeOnEvent(request(null, "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"high\"]}}}")))
                .doesNotThrowAnyException();
    }

    @Test
    void whenAnUnknownLevelIsAsked_thenInvalidRequest() {
        for (String acr : new String[] {"gold", "gold high", " high", "high  substantial"}) {
            assertThatThrownBy(() -> executor.executeOnEvent(request(acr, null))).as("acr_values=%s", acr)
                    .isInstanceOf(ClientPolicyException.class)
                    .satisfies(e -> assertThat(((ClientPolicyException) e).getError()).isEqualTo("invalid_request"));
        }
    }

    @Test
    void whenAnEssentialOrVoluntaryAcrClaimNamesAnUnknownLevel_thenInvalidRequest() {
        assertThatThrownBy(() -> executor.executeOnEvent(request(null, "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"ultra\"]}}}")))
                .isInstanceOf(ClientPolicyException.class);
        assertThatThrownBy(() -> executor.executeOnEvent(request("high", "{\"id_token\":{\"acr\":{\"values\":[\"bogus\"]}}}")))
                .isInstanceOf(ClientPolicyException.class);
    }

    @Test
    void whenTheClaimsParameterIsNotJson_thenInvalidRequest() {
        assertThatThrownBy(() -> executor.executeOnEvent(request("high", "{not json")))
                .isInstanceOf(ClientPolicyException.class)
                .satisfies(e -> assertThat(((ClientPolicyException) e).getError()).isEqualTo("invalid_request"));
    }

    static final String VERIFIED_GIVEN_NAME = "\"verified_claims\":{\"verification\":{\"trust_framework\":null},\"claims\":{\"given_name\":null}}";

    @Test
    void whenVerifiedClaimsAreAskedBesideAcrValues_thenTheRequestGoesOnThoughKeycloakCannotReadTheParameter() {
        assertThatCode(() -> executor.executeOnEvent(request("high", "{\"userinfo\":{" + VERIFIED_GIVEN_NAME + "}}")))
                .doesNotThrowAnyException();
        assertThatCode(() -> executor.executeOnEvent(request(null, "{\"id_token\":{\"name\":{\"purpose\":\"greeting\"}}}")))
                .doesNotThrowAnyException();
    }

    @Test
    void whenVerifiedClaimsAreAskedBesideAnAcrClaim_thenInvalidRequestRatherThanKeycloakDroppingTheAcrClaim() {
        assertThatThrownBy(() -> executor.executeOnEvent(request(null,
                "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"high\"]}," + VERIFIED_GIVEN_NAME + "}}")))
                .isInstanceOf(ClientPolicyException.class)
                .satisfies(e -> assertThat(((ClientPolicyException) e).getError()).isEqualTo("invalid_request"))
                .satisfies(e -> assertThat(((ClientPolicyException) e).getErrorDetail()).contains("acr_values"));
    }

    @Test
    void whenTheEventIsNotAnAuthorizationRequest_thenNothingIsChecked() {
        AuthorizationRequestContext context = request("gold", null);
        when(context.getEvent()).thenReturn(ClientPolicyEvent.TOKEN_REQUEST);
        assertThatCode(() -> executor.executeOnEvent(context)).doesNotThrowAnyException();
    }
}
