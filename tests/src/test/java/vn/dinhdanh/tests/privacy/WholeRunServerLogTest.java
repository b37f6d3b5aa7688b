package vn.dinhdanh.tests.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.tests.support.TestSecrets;

/**
 * After every other test class: no personal ID number and no password that the tests sent, and no demo citizen's,
 * appears in the log of any server this run started (the demo server copy, the PostgreSQL and the HTTP-registry ones).
 */
@Order(Integer.MAX_VALUE)
class WholeRunServerLogTest {

    @Test
    void whenTheWholeRunIsOver_thenNoServerLogHoldsAPersonalIdNumberOrAPasswordTheTestsUsed() throws IOException {
        Path work = Path.of(System.getProperty("dinhdanh.work.dir", "target"));
        List<Path> logs;
        try (Stream<Path> files = Files.list(work)) {
            logs = files.filter(p -> p.getFileName().toString().matches("dinhdanh-server.*\\.log")).sorted().toList();
        }
        org.junit.jupiter.api.Assumptions.assumeFalse(logs.isEmpty(), "no server of this run wrote a log here (an external server?)");
        List<String> found = new ArrayList<>();
        for (Path log : logs) {
            String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            for (String secret : TestSecrets.all()) {
                if (text.contains(secret)) {
                    found.add(log.getFileName() + ": a value the tests sent (" + secret.length() + " characters, starting "
                            + secret.substring(0, 3) + ")");
                }
            }
        }
        assertThat(TestSecrets.all()).as("values recorded by the tests").hasSizeGreaterThan(10);
        assertThat(found).as("personal ID numbers or passwords in the server logs").isEmpty();
    }
}
