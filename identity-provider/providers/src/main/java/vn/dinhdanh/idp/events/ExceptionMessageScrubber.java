package vn.dinhdanh.idp.events;

import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import vn.dinhdanh.idp.keycloak.KeycloakInternals;

/**
 * Keeps request values out of the server log. The handlers of uncaught errors log each exception with its message,
 * and a message may quote what the request carried (a form decoder quotes the undecodable value, which may be a
 * password; a parser quotes a personal ID number). On those log categories this filter replaces every exception of a
 * record by one with the same class and stack trace and no message: the log still says what failed and where. A
 * warning (a client's bad request, such as an unreadable authorization request) keeps the exception's class only, not
 * its stack: it is no fault of the server, and a stream of bad requests must not flood the log.
 */
public final class ExceptionMessageScrubber implements Filter {

    /** The categories that log exceptions raised by requests: Keycloak's and Quarkus's handlers of uncaught errors, and the parser of the claims parameter (Jackson quotes what it cannot read). */
    static final List<String> CATEGORIES = List.of(KeycloakInternals.UNCAUGHT_ERROR_LOG_CATEGORY, "org.keycloak.services",
            "org.keycloak.protocol.oidc.utils.AcrUtils",
            "io.quarkus.vertx.http.runtime.QuarkusErrorHandler", "org.jboss.resteasy.reactive.server.handlers.ParameterHandler",
            "org.jboss.resteasy.reactive.common.core.AbstractResteasyReactiveContext");

    private final Filter previous;

    private ExceptionMessageScrubber(Filter previous) {
        this.previous = previous;
    }

    /** Puts the filter on every category above (keeping a filter already there). Idempotent. */
    public static void install() {
        for (String category : CATEGORIES) {
            Logger logger = Logger.getLogger(category);
            if (!(logger.getFilter() instanceof ExceptionMessageScrubber)) {
                logger.setFilter(new ExceptionMessageScrubber(logger.getFilter()));
            }
        }
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record.getThrown() != null && !(record.getThrown() instanceof ScrubbedException)) {
            record.setThrown(record.getLevel().intValue() < Level.SEVERE.intValue() ? withoutStack(record.getThrown()) : scrubbed(record.getThrown(), 0));
        }
        return previous == null || previous.isLoggable(record);
    }

    static ScrubbedException scrubbed(Throwable error, int depth) {
        Throwable cause = error.getCause() != null && error.getCause() != error && depth < 16 ? scrubbed(error.getCause(), depth + 1) : null;
        ScrubbedException copy = new ScrubbedException(error.getClass().getName(), cause);
        copy.setStackTrace(error.getStackTrace());
        return copy;
    }

    static ScrubbedException withoutStack(Throwable error) {
        ScrubbedException copy = new ScrubbedException(error.getClass().getName(), null);
        copy.setStackTrace(new StackTraceElement[0]);
        return copy;
    }

    /** An exception as logged without its message: its {@link #toString} is the original class name. */
    static final class ScrubbedException extends RuntimeException {
        private final String type;

        ScrubbedException(String type, Throwable cause) {
            super(null, cause, false, true);
            this.type = type;
        }

        @Override
        public String toString() {
            return type + " (message withheld: it may quote request data)";
        }
    }
}
