package vn.dinhdanh.idp.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserModel;
import vn.dinhdanh.idp.federation.CitizenAttributes;

class CitizenClaimsMapperTest {

    static ProtocolMapperModel mapper(String set) {
        ProtocolMapperModel model = new ProtocolMapperModel();
        model.setConfig(new java.util.HashMap<>(Map.of(CitizenClaimsMapper.CLAIM_SET, set)));
        return model;
    }

    static UserModel citizen() {
        UserModel user = mock(UserModel.class);
        when(user.getFirstAttribute(CitizenAttributes.FULL_NAME)).thenReturn("Nguyễn Văn An");
        when(user.getLastName()).thenReturn("Nguyễn");
        when(user.getFirstName()).thenReturn("Văn An");
        when(user.getFirstAttribute(CitizenAttributes.BIRTHDATE)).thenReturn("1990");
        when(user.getFirstAttribute(CitizenAttributes.GENDER)).thenReturn("male");
        when(user.getFirstAttribute(CitizenAttributes.PERSONAL_ID_NUMBER)).thenReturn("001090012345");
        when(user.getFirstAttribute(CitizenAttributes.PHONE_NUMBER)).thenReturn("+84912000001");
        when(user.getFirstAttribute(CitizenAttributes.PLACE_OF_RESIDENCE)).thenReturn("Hà Nội");
        return user;
    }

    static ClientSessionContext session(boolean government, String claimsParameter) {
        ClientModel client = mock(ClientModel.class);
        when(client.getAttribute(CitizenClaimsMapper.GOVERNMENT_CLIENT)).thenReturn(government ? "true" : null);
        AuthenticatedClientSessionModel clientSession = mock(AuthenticatedClientSessionModel.class);
        when(clientSession.getClient()).thenReturn(client);
        when(clientSession.getNote(CitizenClaimsMapper.CLAIMS_PARAMETER)).thenReturn(claimsParameter);
        ClientSessionContext ctx = mock(ClientSessionContext.class);
        when(ctx.getClientSession()).thenReturn(clientSession);
        return ctx;
    }

    @Test
    void whenTheProfileSetIsReleased_thenTheNameBirthdateAndGenderComeAndNothingElse() {
        Map<String, Object> claims = CitizenClaimsMapper.claims(mapper("PROFILE"), citizen(), session(false, null));
        assertThat(claims).containsOnlyKeys("name", "family_name", "given_name", "birthdate", "gender")
                .containsEntry("name", "Nguyễn Văn An").containsEntry("birthdate", "1990");
    }

    @Test
    void whenTheClientIsNotAGovernmentClient_thenThePersonalIdNumberIsNeverReleased() {
        assertThat(CitizenClaimsMapper.claims(mapper("PERSONAL_ID"), citizen(), session(false, null))).isEmpty();
        assertThat(CitizenClaimsMapper.claims(mapper("PERSONAL_ID"), citizen(), session(true, null)))
                .containsExactly(Map.entry("personal_id_number", "001090012345"));
    }

    @Test
    void whenTheNumberWasNotConfirmedAfterTheChipCard_thenPhoneNumberVerifiedIsFalse() {
        UserModel user = citizen();
        assertThat(CitizenClaimsMapper.claims(mapper("PHONE"), user, session(false, null))).containsEntry("phone_number_verified", false);
        when(user.getFirstAttribute(CitizenAttributes.PHONE_NUMBER_PROVEN)).thenReturn("+84912000001");
        assertThat(CitizenClaimsMapper.claims(mapper("PHONE"), user, session(false, null))).containsEntry("phone_number_verified", true);
        when(user.getFirstAttribute(CitizenAttributes.PHONE_NUMBER_PROVEN)).thenReturn("+84912000999");
        assertThat(CitizenClaimsMapper.claims(mapper("PHONE"), user, session(false, null))).as("a changed number is unproven again")
                .containsEntry("phone_number_verified", false);
    }

    @Test
    void whenTheClaimsParameterAsksForIdTokenClaims_thenOnlyThoseAreNamed_andAnUnreadableParameterAsksForNone() {
        assertThat(CitizenClaimsMapper.requestedInIdToken(session(false, "{\"id_token\":{\"name\":null,\"birthdate\":{\"essential\":true}}}")))
                .containsExactlyInAnyOrder("name", "birthdate");
        assertThat(CitizenClaimsMapper.requestedInIdToken(session(false, "{\"userinfo\":{\"name\":null}}"))).isEmpty();
        assertThat(CitizenClaimsMapper.requestedInIdToken(session(false, "{broken"))).isEmpty();
        assertThat(CitizenClaimsMapper.requestedInIdToken(session(false, null))).isEmpty();
    }

    @Test
    void whenTheClientDeclaresPurposes_thenOnlyTheClaimsConsentedToInThisLoginAreReleased_andNoneWithoutANote() {
        ClientSessionContext ctx = session(false, null);
        AuthenticatedClientSessionModel clientSession = ctx.getClientSession();
        when(clientSession.getClient().getAttribute(vn.dinhdanh.idp.consent.RelyingPartyPurposes.ATTRIBUTE)).thenReturn("[...]");
        assertThat(CitizenClaimsMapper.claims(mapper("PROFILE"), citizen(), ctx)).as("silence is not consent").isEmpty();
        when(clientSession.getNote(vn.dinhdanh.idp.consent.ConsentedClaims.NOTE)).thenReturn("name birthdate phone_number");
        assertThat(CitizenClaimsMapper.claims(mapper("PROFILE"), citizen(), ctx)).containsOnlyKeys("name", "birthdate");
        assertThat(CitizenClaimsMapper.claims(mapper("PHONE"), citizen(), ctx)).containsOnlyKeys("phone_number", "phone_number_verified");
        assertThat(CitizenClaimsMapper.claims(mapper("ADDRESS"), citizen(), ctx)).isEmpty();
    }
}
