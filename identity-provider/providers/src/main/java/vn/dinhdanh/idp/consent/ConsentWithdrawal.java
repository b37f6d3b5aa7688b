package vn.dinhdanh.idp.consent;

import java.util.Collection;
import java.util.List;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import vn.dinhdanh.idp.keycloak.KeycloakInternals;

/**
 * A consent withdrawn. From the account console (Keycloak's "remove access", which removes Keycloak's consent and ends
 * the client's sessions itself) the purposes still given are recorded withdrawn. Through the consent API one purpose
 * is: its record written, Keycloak's consent narrowed to the purposes still given (or removed), and the client's
 * sessions of this citizen ended as Keycloak ends them (with a back-channel logout token to the client), so that the
 * relying party's next refresh or userinfo call fails.
 */
public final class ConsentWithdrawal {

    private ConsentWithdrawal() {
    }

    /** Records each of these purposes withdrawn now. */
    static void record(ConsentRecords records, RealmModel realm, UserModel user, ClientModel client, Collection<String> purposes, String source) {
        List<Purpose> declared = declared(client);
        for (String purpose : purposes) {
            List<String> claims = declared.stream().filter(p -> p.id().equals(purpose)).findFirst().map(Purpose::claims).orElse(List.of());
            records.add(ConsentRecord.decided(realm.getId(), user.getId(), client.getClientId(), purpose, ConsentRecord.Decision.WITHDRAWN,
                    source, claims, null, null));
        }
    }

    /** Withdraws every purpose of this client that stands given (the account console removed Keycloak's consent). */
    public static void allOf(KeycloakSession session, RealmModel realm, UserModel user, ClientModel client, String source) {
        ConsentRecords records = new ConsentRecords(session);
        record(records, realm, user, client, records.given(realm.getId(), user.getId(), client.getClientId()).keySet(), source);
    }

    /**
     * Withdraws one purpose that stands given; false if it does not. Keycloak's consent keeps the scopes of the purposes
     * still given, and the client's online and offline sessions of this citizen end.
     */
    public static boolean purpose(KeycloakSession session, RealmModel realm, UserModel user, ClientModel client, String purpose) {
        ConsentRecords records = new ConsentRecords(session);
        var given = records.given(realm.getId(), user.getId(), client.getClientId());
        if (!given.containsKey(purpose)) {
            return false;
        }
        record(records, realm, user, client, List.of(purpose), ConsentRecord.CONSENT_API);
        List<Purpose> stillGiven = declared(client).stream().filter(p -> !p.id().equals(purpose))
                .filter(p -> given.containsKey(p.id())).toList();
        if (stillGiven.isEmpty()) {
            session.users().revokeConsentForClient(realm, user.getId(), client.getId());
        } else {
            PurposeConsent.grantKeycloakConsent(session, realm, user, client, stillGiven);
        }
        KeycloakInternals.logOutOfClient(session, realm, user, client);
        session.sessions().getOfflineUserSessionsStream(realm, user)
                .filter(s -> s.getAuthenticatedClientSessionByClient(client.getId()) != null).toList()
                .forEach(s -> s.removeAuthenticatedClientSessions(List.of(client.getId())));
        return true;
    }

    private static List<Purpose> declared(ClientModel client) {
        try {
            return RelyingPartyPurposes.of(client).map(RelyingPartyPurposes::purposes).orElse(List.of());
        } catch (RelyingPartyPurposes.InvalidPurposesException e) {
            return List.of();
        }
    }
}
