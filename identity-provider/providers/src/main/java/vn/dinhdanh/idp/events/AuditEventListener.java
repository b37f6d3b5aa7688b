package vn.dinhdanh.idp.events;

import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;

/**
 * Writes Keycloak's events to dinhdanh's audit trail ({@link AuditLog}) without personal data: the event type, the
 * realm, the client, Keycloak's opaque user id, the outcome and the error code. Never the username (a personal ID
 * number), a name, an address or an IP address. The client id comes from the request as given: the audit log keeps it
 * inside one JSON string, escaped and cut to length, so that it cannot forge a record of its own.
 */
public final class AuditEventListener implements EventListenerProvider {

    @Override
    public void onEvent(Event event) {
        AuditLog record = AuditLog.event(event.getType() == null ? null : event.getType().name())
                .with("realm", event.getRealmName())
                .with("client", event.getClientId())
                .with("user", event.getUserId());
        if (event.getError() == null) {
            record.success();
        } else {
            record.error(event.getError());
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        AuditLog record = AuditLog.event("ADMIN_" + event.getOperationType())
                .with("resource", event.getResourceTypeAsString())
                .with("realm", event.getRealmName())
                .with("by_user", event.getAuthDetails() == null ? null : event.getAuthDetails().getUserId());
        if (event.getError() == null) {
            record.success();
        } else {
            record.error(event.getError());
        }
    }

    @Override
    public void close() {
    }
}
