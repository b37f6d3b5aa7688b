package vn.dinhdanh.idp.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * dinhdanh's audit trail in the server log (category {@value #CATEGORY}): one JSON object per line, written by Jackson,
 * so that no value can break out of its field or its line (a client id with a line break in it stays one string in
 * one record). Every value is cut to {@value #MAX_VALUE_LENGTH} characters. Records carry codes, realm and client
 * names and Keycloak's opaque user ids: never a personal ID number, a name, a phone number or an IP address.
 */
public final class AuditLog {

    public static final String CATEGORY = "vn.dinhdanh.audit";
    static final int MAX_VALUE_LENGTH = 200;
    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private boolean failed;

    private AuditLog(String event) {
        fields.put("event", bounded(event));
    }

    /** A record of this event type (LOGIN, CHIP_CARD_EVIDENCE, EKYC_VERIFICATION, ...). */
    public static AuditLog event(String type) {
        return new AuditLog(type);
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
    }

    static String bounded(String value) {
        if (value == null) {
            return null;
        }
        return value.length() <= MAX_VALUE_LENGTH ? value : value.substring(0, MAX_VALUE_LENGTH) + "…";
    }
}
