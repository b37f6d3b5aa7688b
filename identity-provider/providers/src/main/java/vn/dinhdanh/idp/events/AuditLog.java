package vn.dinhdanh.idp.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import vn.dinhdanh.idp.audit.AuditTrail;

/**
 * dinhdanh's audit records: a line in the server log (category {@value #CATEGORY}), one JSON object per line written
 * by Jackson, so that no value can break out of its field or its line (a client id with a line break in it stays one
 * string in one record); and, when a session is given, a record of the tamper-evident trail in the database
 * ({@link AuditTrail}). Every value is cut to {@value #MAX_VALUE_LENGTH} characters. Records carry codes, realm and
 * client names, Keycloak's opaque user ids and a keyed pseudonym of the citizen: never a personal ID number, a name, a
 * phone number or an IP address.
 */
public final class AuditLog {

    public static final String CATEGORY = "vn.dinhdanh.audit";
    static final int MAX_VALUE_LENGTH = 200;
    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final KeycloakSession session;
    private boolean failed;

    private AuditLog(KeycloakSession session, String event) {
        this.session = session;
        fields.put("event", bounded(event));
    }

    /** A record of this event type (LOGIN, CHIP_CARD_EVIDENCE, EKYC_VERIFICATION, ...), also appended to the trail. */
    public static AuditLog event(KeycloakSession session, String type) {
        return new AuditLog(session, type);
    }

    /** The citizen the event concerns, recorded as a keyed pseudonym only (see {@link AuditTrail#pseudonymOf}). */
    public AuditLog subject(String personalIdNumber) {
        return with("subject", AuditTrail.pseudonymOf(personalIdNumber));
    }

    /** Adds a field; a null value is left out. */
    public AuditLog with(String name, Object value) {
        if (value != null) {
            fields.put(name, value instanceof Number || value instanceof Boolean ? value : bounded(value.toString()));
        }
        return this;
    }

    /** Writes the record with outcome {@code success} (level INFO). */
    public void success() {
        fields.put("outcome", "success");
        write();
    }

    /** Writes the record with outcome {@code error} and this error code (level WARN). */
    public void error(String code) {
        fields.put("outcome", "error");
        fields.put("error", bounded(code));
        failed = true;
        write();
    }

    private void write() {
        String line;
        try {
            line = JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            line = "{\"event\":\"AUDIT_RECORD_UNWRITABLE\"}";
        }
        if (failed) {
            LOG.warn(line);
        } else {
            LOG.info(line);
        }
        if (session != null) {
            Map<String, Object> details = new LinkedHashMap<>(fields);
            for (String own : TRAIL_FIELDS) {
                details.remove(own);
            }
            AuditTrail.append(session.getKeycloakSessionFactory(), new AuditTrail.Entry(text("realm"), text("event"), text("outcome"),
                    text("error"), text("client"), text(fields.containsKey("user") ? "user" : "by_user"), text("subject"), details));
        }
    }

    /** The fields the trail keeps in columns of their own; the others go to its details. */
    private static final java.util.List<String> TRAIL_FIELDS = java.util.List.of("event", "realm", "outcome", "error", "client", "user",
            "by_user", "subject");

    private String text(String field) {
        Object value = fields.get(field);
        return value == null ? null : value.toString();
    }

    static String bounded(String value) {
        if (value == null) {
            return null;
        }
        return value.length() <= MAX_VALUE_LENGTH ? value : value.substring(0, MAX_VALUE_LENGTH) + "…";
    }
}
