package vn.dinhdanh.idp.events;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

public final class AuditEventListenerFactory implements EventListenerProviderFactory {

    public static final String ID = "dinhdanh-audit";
    private static final AuditEventListener INSTANCE = new AuditEventListener();

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return INSTANCE;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(AccountConsoleScopes::onEvent);
        ExceptionMessageScrubber.install();
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
