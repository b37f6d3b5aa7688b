package vn.dinhdanh.idp.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;

class PairwiseSubjectMapperTest {

    static final String ACCOUNT = "6f1c2a34-0d7e-4c41-9f7a-2b1c3d4e5f60";
    final PairwiseSubjectMapper mapper = PairwiseSubjectMapper.withSalt("test-salt-" + "s".repeat(32));

    static ClientSessionContext clientOfType(String clientId, String type, String sector) {
        ClientModel client = mock(ClientModel.class);
        when(client.getClientId()).thenReturn(clientId);
        when(client.getAttribute("dinhdanh.client.type")).thenReturn(type);
        when(client.getAttribute("dinhdanh.sector.identifier")).thenReturn(sector);
        when(client.getRedirectUris()).thenReturn(Set.of("https://" + clientId + ".example/cb"));
        AuthenticatedClientSessionModel clientSession = mock(AuthenticatedClientSessionModel.class);
        when(clientSession.getClient()).thenReturn(client);
        ClientSessionContext ctx = mock(ClientSessionContext.class);
        when(ctx.getClientSession()).thenReturn(clientSession);
        return ctx;
    }

    static UserSessionModel sessionOf(String accountId, boolean serviceAccount) {
        UserModel user = mock(UserModel.class);
        when(user.getId()).thenReturn(accountId);
        when(user.getServiceAccountClientLink()).thenReturn(serviceAccount ? "client-uuid" : null);
        UserSessionModel session = mock(UserSessionModel.class);
        when(session.getUser()).thenReturn(user);
        return session;
    }

    String idTokenSub(ClientSessionContext ctx, UserSessionModel session) {
        IDToken token = new IDToken();
        token.setSubject(ACCOUNT);
        return mapper.transformIDToken(token, null, null, session, ctx).getSubject();
    }

    @Test
    void whenABankOrTelecomGetsTokens_thenEveryTokenAndTheLogoutTokenCarryTheSamePairwiseSub() {
        ClientSessionContext bank = clientOfType("bank", "bank", null);
        UserSessionModel citizen = sessionOf(ACCOUNT, false);
        String id = idTokenSub(bank, citizen);

        assertThat(id).isNotEqualTo(ACCOUNT);
        AccessToken access = new AccessToken();
        access.setSubject(ACCOUNT);
        assertThat(mapper.transformAccessToken(access, null, null, citizen, bank).getSubject()).isEqualTo(id);
        AccessToken userinfo = new AccessToken();
        assertThat(mapper.transformUserInfoToken(userinfo, null, null, citizen, bank).getSubject()).isEqualTo(id);
        AccessToken introspection = new AccessToken();
        assertThat(mapper.transformIntrospectionToken(introspection, null, null, citizen, bank).getSubject()).isEqualTo(id);
        org.keycloak.representations.LogoutToken logout = new org.keycloak.representations.LogoutToken();
        logout.setSubject(ACCOUNT);
        assertThat(mapper.transformLogoutToken(logout, null, null, citizen, bank).getSubject()).as("back-channel logout").isEqualTo(id);
        assertThat(idTokenSub(clientOfType("telecom", "telecom", null), citizen)).isNotEqualTo(ACCOUNT).isNotEqualTo(id);
    }

    @Test
    void whenTwoClientsShareASector_thenTheyShareTheSub_andAnotherSectorDoesNot() {
        UserSessionModel citizen = sessionOf(ACCOUNT, false);
        String web = idTokenSub(clientOfType("bank-web", "bank", "bank.example"), citizen);
        assertThat(idTokenSub(clientOfType("bank-app", "bank", "bank.example"), citizen)).isEqualTo(web);
        assertThat(idTokenSub(clientOfType("bank-web", "bank", "other.example"), citizen)).isNotEqualTo(web);
    }

    @Test
    void whenTheClientIsAGovernmentPortal_hasNoType_orAnUnknownOne_thenTheSubIsTheAccountId() {
        UserSessionModel citizen = sessionOf(ACCOUNT, false);
        assertThat(idTokenSub(clientOfType("portal", "government", null), citizen)).isEqualTo(ACCOUNT);
        assertThat(idTokenSub(clientOfType("portal", null, null), citizen)).isEqualTo(ACCOUNT);
        assertThat(idTokenSub(clientOfType("portal", "insurer", null), citizen)).isEqualTo(ACCOUNT);
        // matched exactly, as the client policies' condition matches: "Bank" gets neither FAPI nor a pairwise sub
        assertThat(idTokenSub(clientOfType("portal", "Bank", null), citizen)).isEqualTo(ACCOUNT);
    }

    @Test
    void whenTheSessionIsAServiceAccounts_thenTheSubIsLeftAlone_forKeycloakFindsTheServiceAccountByIt() {
        AccessToken token = new AccessToken();
        token.setSubject("service-account-id");
        assertThat(mapper.transformAccessToken(token, null, null, sessionOf("service-account-id", true), clientOfType("bank", "bank", null))
                .getSubject()).isEqualTo("service-account-id");
    }
}
