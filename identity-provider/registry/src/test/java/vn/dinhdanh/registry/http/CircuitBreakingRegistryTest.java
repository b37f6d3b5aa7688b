package vn.dinhdanh.registry.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import vn.dinhdanh.registry.PersonalIdNumber;
import vn.dinhdanh.registry.RegistryUnavailableException;

/**
 * The HTTP registry behind its circuit breaker, against a registry played by a JDK HttpServer that hangs (accepts the
 * request and never answers) until told to answer again. The breaker's clock is the test's, so nothing waits for the
 * open duration.
 */
class CircuitBreakingRegistryTest {

    private static final String PIN = "079195012346";
    private static final String CITIZEN = """
            {"personalIdNumber":"079195012346","fullName":"Trần Thị Bích Ngọc","dateOfBirth":"1995-07-02","sex":"F",
             "lifeStatus":"LIVING"}""";
    private static final CircuitBreakingRegistry.Settings SETTINGS =
            new CircuitBreakingRegistry.Settings(4, 4, 50f, Duration.ofSeconds(30), 2);

    private HttpServer server;
    private ExecutorService handlers;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean hanging = true;
    private final CountDownLatch released = new CountDownLatch(1);
    private final TestClock clock = new TestClock();
    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final Handler logCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logLines.add(record.getLoggerName() + " " + new java.util.logging.SimpleFormatter().formatMessage(record)
                    + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    /** Held so that its level (every record, for the capture) stays set while the test runs. */
    private final Logger breakerLogger = Logger.getLogger("vn.dinhdanh.registry");
    private CircuitBreakingRegistry registry;

    @BeforeEach
    void start() throws IOException {
        Logger.getLogger("").addHandler(logCapture);
        breakerLogger.setLevel(java.util.logging.Level.ALL);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        handlers = Executors.newCachedThreadPool();
        server.setExecutor(handlers);
        server.createContext("/registry/", this::handle);
        server.start();
        HttpPopulationRegistry http = HttpPopulationRegistry.builder(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/registry"))
                .timeout(Duration.ofMillis(300)).build();
        registry = new CircuitBreakingRegistry(http, SETTINGS, clock);
    }

    @AfterEach
    void stop() throws InterruptedException {
        released.countDown();
        server.stop(0);
        handlers.shutdownNow();
        handlers.awaitTermination(5, TimeUnit.SECONDS);
        Logger.getLogger("").removeHandler(logCapture);
        breakerLogger.setLevel(null);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        if (hanging) {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        byte[] body = CITIZEN.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static PersonalIdNumber pin() throws Exception {
        return PersonalIdNumber.parse(PIN);
    }

    @Test
    void whenTheRegistryHangs_thenCallsTimeOut_theBreakerOpens_andLaterCallsFailWithoutCallingIt() throws Exception {
        for (int i = 0; i < SETTINGS.minimumCalls(); i++) {
            assertThatThrownBy(() -> registry.findCitizen(pin())).isInstanceOf(RegistryUnavailableException.class)
                    .hasMessageContaining("did not answer within 300 ms");
        }
        assertThat(requests).hasValue(4);
        assertThat(registry.state()).isEqualTo("OPEN");

        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> registry.cards(pin())).isInstanceOf(RegistryUnavailableException.class)
                    .hasMessageContaining("circuit breaker is open");
        }
        assertThat(requests).as("an open breaker does not call the registry").hasValue(4);
    }

    @Test
    void whenTheOpenDurationHasPassedAndTheRegistryAnswersAgain_thenTrialCallsGoThroughAndTheBreakerCloses() throws Exception {
        openTheBreaker();
        hanging = false;
        clock.advance(SETTINGS.openDuration().minusSeconds(1));
        assertThatThrownBy(() -> registry.findCitizen(pin())).hasMessageContaining("circuit breaker is open");
        assertThat(requests).hasValue(4);

        clock.advance(Duration.ofSeconds(2));
        assertThat(registry.findCitizen(pin())).get().extracting(c -> c.fullName()).isEqualTo("Trần Thị Bích Ngọc");
        assertThat(registry.state()).isEqualTo("HALF_OPEN");
        assertThat(registry.findCitizen(pin())).isPresent();
        assertThat(registry.state()).isEqualTo("CLOSED");
        assertThat(requests).hasValue(6);
        assertThat(registry.findCitizen(pin())).isPresent();
    }

    @Test
    void whenATrialCallFails_thenTheBreakerOpensAgain() throws Exception {
        openTheBreaker();
        clock.advance(SETTINGS.openDuration().plusSeconds(1));
        assertThatThrownBy(() -> registry.findCitizen(pin())).hasMessageContaining("did not answer");
        assertThatThrownBy(() -> registry.findCitizen(pin())).hasMessageContaining("did not answer");
        assertThat(registry.state()).isEqualTo("OPEN");
        assertThatThrownBy(() -> registry.findCitizen(pin())).hasMessageContaining("circuit breaker is open");
        assertThat(requests).hasValue(6);
    }

    @Test
    void whenTheBreakerChangesState_thenItIsLogged_andNoLogLineHoldsThePersonalIdNumber() throws Exception {
        openTheBreaker();
        hanging = false;
        clock.advance(SETTINGS.openDuration().plusSeconds(1));
        registry.findCitizen(pin());
        registry.findCitizen(pin());

        assertThat(logLines).anyMatch(l -> l.contains("circuit breaker CLOSED -> OPEN"))
                .anyMatch(l -> l.contains("circuit breaker OPEN -> HALF_OPEN"))
                .anyMatch(l -> l.contains("circuit breaker HALF_OPEN -> CLOSED"))
                .noneMatch(l -> l.contains(PIN))
                .noneMatch(l -> l.contains("Ngọc"));
    }

    @Test
    void whenTheCitizenIsUnknown_thenThatIsAnAnswer_notAFailureThatOpensTheBreaker() throws Exception {
        hanging = false;
        server.removeContext("/registry/");
        server.createContext("/registry/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "{\"error\":\"not_found\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        for (int i = 0; i < 10; i++) {
            assertThat(registry.findCitizen(pin())).isEmpty();
        }
        assertThat(registry.state()).isEqualTo("CLOSED");
        assertThat(requests).hasValue(10);
    }

    @Test
    void whenSettingsAreInconsistent_thenTheyAreRefused() {
        assertThatThrownBy(() -> new CircuitBreakingRegistry.Settings(4, 5, 50f, Duration.ofSeconds(1), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CircuitBreakingRegistry.Settings(4, 4, 0f, Duration.ofSeconds(1), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CircuitBreakingRegistry.Settings(4, 4, 50f, Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void openTheBreaker() throws Exception {
        for (int i = 0; i < SETTINGS.minimumCalls(); i++) {
            assertThatThrownBy(() -> registry.findCitizen(pin())).isInstanceOf(RegistryUnavailableException.class);
        }
        assertThat(registry.state()).isEqualTo("OPEN");
    }

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
