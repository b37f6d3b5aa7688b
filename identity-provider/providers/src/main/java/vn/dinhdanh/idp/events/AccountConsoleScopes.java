package vn.dinhdanh.idp.events;

import java.util.Set;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderEvent;

/**
 * When a realm is imported with its own client scopes, Keycloak creates its built-in account console before those
 * scopes exist, so the console's tokens lack the subject, roles and audience its own API needs. Once the realm is
 * created, the console gets the realm's default scopes plus {@code profile} and {@code roles}.
 */
final class AccountConsoleScopes {

    static final String ACCOUNT_CONSOLE = "account-console";
    private static final Set<String> EXTRA = Set.of("profile", "roles");

    private AccountConsoleScopes() {
    }

    static void onEvent(ProviderEvent event) {
        if (event instanceof RealmModel.RealmPostCreateEvent created) {
            complete(created.getCreatedRealm());
        }
    }

    static void complete(RealmModel realm) {
        ClientModel console = realm.getClientByClientId(ACCOUNT_CONSOLE);
        if (console == null || !console.getClientScopes(true).isEmpty()) {
            return;
        }
        realm.getDefaultClientScopesStream(true).forEach(scope -> console.addClientScope(scope, true));
        realm.getClientScopesStream().filter(scope -> EXTRA.contains(scope.getName()))
                .forEach(scope -> console.addClientScope(scope, true));
    }
}
