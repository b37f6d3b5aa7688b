package vn.dinhdanh.idp.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.representations.OIDCConfigurationRepresentation;
import vn.dinhdanh.idp.assurance.ClaimsRequest;

/** verified_claims carry only the claims the granted scopes' citizen-claims mappers release; discovery says what is supported. */
class VerifiedClaimsMapperTest {

    static final String ASK = "{\"userinfo\":{\"verified_claims\":{\"verification\":{\"trust_framework\":null},"
            + "\"claims\":{\"name\":null,\"address\":null,\"phone_number\":null,\"personal_id_number\":null}}},"
            + "\"id_token\":{\"verified_claims\":[{\"verification\":{\"trust_framework\":null},\"claims\":{\"name\":null}}]}}";

    static ProtocolMapperModel citizenClaims(String set) {
        ProtocolMapperModel model = CitizenClaimsMapperTest.mapper(set);
        model.setProtocolMapper(CitizenClaimsMapper.ID);
        return model;
    }

    static ClientSessionContext granted(boolean government, String claims, String... sets) {
        ClientSessionContext ctx = CitizenClaimsMapperTest.session(government, claims);
        when(ctx.getProtocolMappersStream()).thenAnswer(i -> Stream.of(sets).map(VerifiedClaimsMapperTest::citizenClaims));
        return ctx;
    }

    static UserModel citizen() {
        UserModel user = CitizenClaimsMapperTest.citizen();
        when(user.getCreatedTimestamp()).thenReturn(1_767_582_000_000L);
        return user;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> claimsOf(Object verifiedClaims) {
        return (Map<String, Object>) ((Map<String, Object>) verifiedClaims).get("claims");
    }

    @Test
    void whenOnlyProfileIsGranted_thenOnlyTheProfileClaimsAreVerifiedClaims() {
        Optional<Object> vc = VerifiedClaimsMapper.release(ClaimsRequest.Target.USERINFO, citizen(), granted(true, ASK, "PROFILE"));
        assertThat(claimsOf(vc.orElseThrow())).containsOnlyKeys("name");
    }

    @Test
    void whenEverythingIsGranted_thenThePhoneIsStillNoVerifiedClaim_andTheIdNumberGoesOnlyToAGovernmentClient() {
        Object government = VerifiedClaimsMapper.release(ClaimsRequest.Target.USERINFO, citizen(),
                granted(true, ASK, "PROFILE", "ADDRESS", "PHONE", "PERSONAL_ID")).orElseThrow();
        assertThat(claimsOf(government)).containsOnlyKeys("name", "address", "personal_id_number");
        Object other = VerifiedClaimsMapper.release(ClaimsRequest.Target.USERINFO, citizen(),
                granted(false, ASK, "PROFILE", "ADDRESS", "PHONE", "PERSONAL_ID")).orElseThrow();
        assertThat(claimsOf(other)).containsOnlyKeys("name", "address");
    }

    @Test
    void whenTheRequestWasAnArray_thenTheAnswerIsAnArray_andEachTargetGetsItsOwn() {
        Object idToken = VerifiedClaimsMapper.release(ClaimsRequest.Target.ID_TOKEN, citizen(), granted(false, ASK, "PROFILE")).orElseThrow();
        assertThat(idToken).isInstanceOf(List.class);
        assertThat((List<?>) idToken).singleElement().satisfies(e -> assertThat(claimsOf(e)).containsOnlyKeys("name"));
    }

    @Test
    void whenNothingOrSomethingUnreadableIsAsked_thenNothingIsReleased() {
        assertThat(VerifiedClaimsMapper.release(ClaimsRequest.Target.USERINFO, citizen(), granted(false, null, "PROFILE"))).isEmpty();
        assertThat(VerifiedClaimsMapper.release(ClaimsRequest.Target.USERINFO, citizen(), granted(false, "{broken", "PROFILE"))).isEmpty();
        assertThat(VerifiedClaimsMapper.release(ClaimsRequest.Target.USERINFO, citizen(), granted(false, ASK))).as("no scope, no claim").isEmpty();
    }

    @Test
    void whenDiscoveryIsServed_thenKeycloaksDocumentGainsTheIdentityAssuranceMetadata() {
        OIDCConfigurationRepresentation keycloak = new OIDCConfigurationRepresentation();
        keycloak.setClaimsSupported(List.of("sub", "acr"));
        OIDCConfigurationRepresentation served = IdentityAssuranceDiscoveryFactory.withIdentityAssurance(keycloak);
        assertThat(served.getClaimsSupported()).containsExactly("sub", "acr", "verified_claims");
        assertThat(served.getClaimsParameterSupported()).isTrue();
        assertThat(served.getOtherClaims()).containsEntry("verified_claims_supported", true)
                .containsEntry("trust_frameworks_supported", List.of("vn_eid"))
                .containsEntry("documents_supported", List.of("idcard"))
                .containsKeys("evidence_supported", "claims_in_verified_claims_supported", "documents_check_methods_supported");
        assertThat(IdentityAssuranceDiscoveryFactory.withIdentityAssurance(served).getClaimsSupported()).as("idempotent")
                .containsOnlyOnce("verified_claims");
        assertThat(new IdentityAssuranceDiscoveryFactory().getPriority()).as("served before Keycloak's own (100)").isLessThan(100);
    }
}
