package vn.dinhdanh.idp.consent;

import org.keycloak.Config;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Listens for the account console's "remove access" (Keycloak's {@code REVOKE_GRANT} event) and records the purposes
 * of that relying party withdrawn, in the same transaction. (A consent an administrator removes is noticed at the
 * citizen's next login to the client.)
 */
public final class ConsentEventListenerFactory implements EventListenerProviderFactory {

    public static final String ID = "dinhdanh-consent";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new EventListenerProvider() {
            @Override
            public void onEvent(Event event) {
                if (event.getType() != EventType.REVOKE_GRANT || event.getError() != null || event.getDetails() == null) {
                    return;
                }
                RealmModel realm = session.realms().getRealm(event.getRealmId());
                String clientId = event.getDetails().get(Details.REVOKED_CLIENT);
                ClientModel client = realm == null || clientId == null ? null : realm.getClientByClientId(clientId);
                UserModel user = realm == null || event.getUserId() == null ? null : session.users().getUserById(realm, event.getUserId());
                if (client != null && user != null && client.getAttribute(RelyingPartyPurposes.ATTRIBUTE) != null) {
                    ConsentWithdrawal.allOf(session, realm, user, client, ConsentRecord.ACCOUNT_CONSOLE);
                }
            }

            @Override
            public void onEvent(AdminEvent event, boolean includeRepresentation) {
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
