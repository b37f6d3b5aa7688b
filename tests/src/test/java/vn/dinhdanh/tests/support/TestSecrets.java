package vn.dinhdanh.tests.support;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every password and personal ID number the tests of this run sent to a server: what the whole-run log check looks
 * for. Recorded where the values leave the tests (the form posts of {@link Browser}, the citizens handed out by
 * {@link FreshCitizens}) and seeded with the demo citizens.
 */
public final class TestSecrets {

    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    static {
        for (DemoCitizens.Demo demo : DemoCitizens.ALL) {
            SEEN.add(demo.pin());
            if (demo.password() != null) {
                SEEN.add(demo.password());
            }
        }
    }

    private TestSecrets() {
    }

    /** Form fields whose values are secrets or personal ID numbers. */
    static final Set<String> SECRET_FIELDS = Set.of("username", "password", "password-new", "password-confirm", "sms_code");

    static void record(String value) {
        // short values (a six-digit code, "on") would match anything in a log; codes are checked by their own tests
        if (value != null && value.length() >= 8) {
            SEEN.add(value);
        }
    }

    /** Everything recorded so far, sorted. */
    public static Set<String> all() {
        return new TreeSet<>(SEEN);
    }
}
