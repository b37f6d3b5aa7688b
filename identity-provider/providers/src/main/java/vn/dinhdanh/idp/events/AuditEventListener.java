package vn.dinhdanh.idp.events;

import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;

/**
 * Writes Keycloak's events to dinhdanh's audit trail ({@link AuditLog}) without personal data: the event type, the
 * realm, the client, Keycloak's opaque user id, the outcome and the error code. Never the username (a personal ID
 * number), a name, an address or an IP address. The client id comes from the request as given: the audit log keeps it
 * inside one JSON string, escaped and cut to length, so that it cannot forge a record of its own.
 */
public final class AuditEventListener implements EventListenerProvider {

    /** Details of Keycloak's and dinhdanh's events that are codes, safe to keep: never the username or a redirect. */
    static final java.util.List<String> KEPT_DETAILS = java.util.List.of("auth_method", "account_level", "reason", "sessions_ended",
            "phone_outcome", "custom_required_action", "register_method", "legal_basis", "purposes", "purposes_given", "purposes_refused");

    private final KeycloakSession session;

    AuditEventListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        AuditLog record = AuditLog.event(session, event.getType() == null ? null : event.getType().name())
                .with("realm", event.getRealmName())
                .with("client", event.getClientId())
                .with("user", event.getUserId());
        if (event.getDetails() != null) {
            record.subject(event.getDetails().get("username"));
            KEPT_DETAILS.forEach(name -> record.with(name, event.getDetails().get(name)));
        }
        if (event.getError() == null) {
            record.success();
        } else {
            record.error(event.getError());
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        AuditLog record = AuditLog.event(session, "ADMIN_" + event.getOperationType())
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
