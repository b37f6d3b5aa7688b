package vn.dinhdanh.idp.events;

import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;

/**
 * Writes the audit trail to the server log without personal data: the event type, the client,
 * the outcome and Keycloak's opaque user id. Never the username (a personal ID number), a name,
 * an address or an IP address.
 */
public final class AuditEventListener implements EventListenerProvider {

    static final Logger LOG = Logger.getLogger("vn.dinhdanh.audit");

    @Override
    public void onEvent(Event event) {
        if (event.getError() == null) {
            LOG.infof("event=%s realm=%s client=%s user=%s outcome=success",
                    event.getType(), event.getRealmName(), event.getClientId(), event.getUserId());
        } else {
            LOG.warnf("event=%s realm=%s client=%s user=%s outcome=error error=%s",
                    event.getType(), event.getRealmName(), event.getClientId(), event.getUserId(), event.getError());
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        LOG.infof("admin_event=%s resource=%s realm=%s by_user=%s outcome=%s",
                event.getOperationType(), event.getResourceTypeAsString(), event.getRealmName(),
                event.getAuthDetails() == null ? null : event.getAuthDetails().getUserId(),
                event.getError() == null ? "success" : "error error=" + event.getError());
    }

    @Override
    public void close() {
    }
}
