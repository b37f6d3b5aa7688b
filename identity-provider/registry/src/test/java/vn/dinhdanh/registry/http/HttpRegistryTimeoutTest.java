package vn.dinhdanh.registry.http;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import vn.dinhdanh.registry.PersonalIdNumber;
import vn.dinhdanh.registry.RegistryUnavailableException;

/** The HTTP registry's timeout covers the whole call: a registry that never answers, or stops inside the body. */
class HttpRegistryTimeoutTest {

    private HttpServer server;
    private ExecutorService handlers;
    private final CountDownLatch released = new CountDownLatch(1);
    private HttpPopulationRegistry registry;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        handlers = Executors.newCachedThreadPool();
        server.setExecutor(handlers);
        server.createContext("/silent/", exchange -> {
            await();
            exchange.close();
        });
        server.createContext("/stalling/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 10_000);
            OutputStream out = exchange.getResponseBody();
            out.write("{\"personalIdNumber\":".getBytes());
            out.flush();
            await();
            exchange.close();
        });
        server.start();
    }

    private void await() {
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        released.countDown();
        server.stop(0);
        handlers.shutdownNow();
        handlers.awaitTermination(5, TimeUnit.SECONDS);
    }

    private HttpPopulationRegistry registryAt(String path) {
        return HttpPopulationRegistry.builder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
                .timeout(Duration.ofMillis(300)).build();
    }

    @Test
    void whenTheRegistryNeverAnswers_thenTheCallTimesOutAsUnavailable() {
        registry = registryAt("/silent");
        // it answers (well within the 10 s that stand for "never")
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> registry.findCitizen(PersonalIdNumber.parse("079195012346")))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessageNotContaining("079195012346"));
    }

    @Test
    void whenTheRegistryStopsInsideTheBody_thenTheCallTimesOutToo() {
        registry = registryAt("/stalling");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> registry.findCitizen(PersonalIdNumber.parse("079195012346")))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessage("Registry did not answer within 300 ms"));
    }
}
