package vn.dinhdanh.tests.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.tests.support.DinhdanhServer;

/**
 * The bad-input sweep against the server under test: the fast subset in the default suite, the whole of it with
 * {@code ./dinhdanh sweep} ({@code -Ddinhdanh.sweep=full}). Target: no server error, no stack trace, no reflected
 * input, nothing in the server log. Ordered late: it lifts the per-address limits while it runs.
 */
@Order(Integer.MAX_VALUE - 1)
class BadInputSweepTest {

    @Test
    void whenMalformedInputIsSentEverywhere_thenNoServerErrorNoStackTraceAndNoReflectedInput() throws Exception {
        BadInputSweep.Scope scope = "full".equals(System.getProperty("dinhdanh.sweep")) ? BadInputSweep.Scope.FULL : BadInputSweep.Scope.FAST;
        Path out = Path.of(System.getProperty("dinhdanh.work.dir", "target"), "sweep",
                scope == BadInputSweep.Scope.FULL ? "bad-input-sweep-full.txt" : "bad-input-sweep-fast.txt");

        BadInputSweep.Report report = BadInputSweep.runAndWrite(DinhdanhServer.get(), scope, out);

        assertThat(report.sent()).as("requests sent").isGreaterThan(100);
        assertThat(report.findings()).as(report.text()).isEmpty();
        assertThat(report.loggedStackTraces()).as("stack traces the server logged during the sweep\n" + report.text()).isZero();
    }
}
