package vn.dinhdanh.idp.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class ExceptionMessageScrubberTest {

    @Test
    void whenAnUncaughtErrorIsLoggedWithARequestValueInItsMessage_thenTheRecordKeepsTheClassAndStackButNotTheValue() {
        ExceptionMessageScrubber.install();
        Logger logger = Logger.getLogger(ExceptionMessageScrubber.CATEGORIES.get(0));
        List<LogRecord> published = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                published.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        boolean parents = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false);
        try {
            IllegalStateException cause = new IllegalStateException("cause quoting 001090012345");
            IllegalArgumentException error = new IllegalArgumentException("Failed to decode URL Some-Secret%zz to UTF-8", cause);
            logger.log(Level.SEVERE, "Uncaught server error", error);
        } finally {
            logger.removeHandler(capture);
            logger.setUseParentHandlers(parents);
        }
        assertThat(published).hasSize(1);
        Throwable logged = published.get(0).getThrown();
        assertThat(logged.toString()).startsWith("java.lang.IllegalArgumentException").doesNotContain("Some-Secret");
        assertThat(logged.getMessage()).isNull();
        assertThat(logged.getStackTrace()).isNotEmpty();
        assertThat(logged.getStackTrace()[0].getMethodName()).contains("whenAnUncaughtErrorIsLogged");
        assertThat(logged.getCause().toString()).startsWith("java.lang.IllegalStateException").doesNotContain("001090012345");
    }

    @Test
    void whenAClientsBadRequestIsLoggedAsAWarning_thenOnlyTheExceptionClassIsKept() {
        ExceptionMessageScrubber.install();
        LogRecord record = new LogRecord(Level.WARNING, "KC-SERVICES0097: Invalid request");
        record.setThrown(new RuntimeException("quoting 001090012345", new NumberFormatException("For input string: 99999")));

        assertThat(Logger.getLogger("org.keycloak.services").getFilter().isLoggable(record)).isTrue();

        Throwable logged = record.getThrown();
        assertThat(logged.toString()).startsWith("java.lang.RuntimeException").doesNotContain("001090012345");
        assertThat(logged.getStackTrace()).as("no stack for a client's error").isEmpty();
        assertThat(logged.getCause()).isNull();
    }

    @Test
    void whenInstalledTwice_thenEachCategoryHasOneScrubber() {
        ExceptionMessageScrubber.install();
        ExceptionMessageScrubber.install();
        for (String category : ExceptionMessageScrubber.CATEGORIES) {
            assertThat(Logger.getLogger(category).getFilter()).isInstanceOf(ExceptionMessageScrubber.class);
        }
    }
}
