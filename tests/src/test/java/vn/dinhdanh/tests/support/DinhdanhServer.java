package vn.dinhdanh.tests.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The assembled dinhdanh server (server/target/dinhdanh-server) started once per test JVM through the
 * same {@code ./dinhdanh demo} command a newcomer uses, on a fresh copy so that every run begins with empty
 * databases. Set {@code -Ddinhdanh.base.url=...} to test a server that is already running instead.
 */
public final class DinhdanhServer {

    private static DinhdanhServer instance;

    private final String baseUrl;
    private final Path home;
    private final Process process;

    private DinhdanhServer(String baseUrl, Path home, Process process) {
        this.baseUrl = baseUrl;
        this.home = home;
        this.process = process;
    }

    public static synchronized DinhdanhServer get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String realmUrl() {
        return baseUrl + "/realms/citizens";
    }

    /** The server folder under test (null when testing an external server). */
    public Path home() {
        return home;
    }

    private static DinhdanhServer start() {
        String external = System.getProperty("dinhdanh.base.url");
        if (external != null && !external.isBlank()) {
            return new DinhdanhServer(external.replaceAll("/$", ""), null, null);
        }
        int httpPort = Integer.getInteger("dinhdanh.http.port", 8180);
        int managementPort = Integer.getInteger("dinhdanh.management.port", 9180);
        Path source = Path.of(System.getProperty("dinhdanh.server.dir"));
        Path work = Path.of(System.getProperty("dinhdanh.work.dir", "target"));
        Path home = work.resolve("dinhdanh-server-under-test");
        Path log = work.resolve("dinhdanh-server.log");
        try {
            if (!Files.isRegularFile(source.resolve(".dinhdanh-assembled"))) {
                throw new IllegalStateException("The server is not assembled at " + source + ": run `mvn install` first");
            }
            for (int port : List.of(httpPort, managementPort)) {
                if (listening(port)) {
                    throw new IllegalStateException("Port " + port + " is already in use: stop the other server first");
                }
            }
            run(List.of("rm", "-rf", home.toString()));
            run(List.of("cp", "-a", source.toString(), home.toString()));
            ProcessBuilder pb = new ProcessBuilder(System.getProperty("dinhdanh.launcher"), "demo")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().put("DINHDANH_HOME", home.toString());
            pb.environment().put("DINHDANH_HTTP_PORT", String.valueOf(httpPort));
            pb.environment().put("DINHDANH_MANAGEMENT_PORT", String.valueOf(managementPort));
            Process process = pb.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process)));
            String baseUrl = "http://localhost:" + httpPort;
            awaitReady(process, "http://localhost:" + managementPort + "/health/ready", baseUrl + "/realms/citizens", log);
            return new DinhdanhServer(baseUrl, home, process);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the dinhdanh server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the dinhdanh server", e);
        }
    }

    private static void awaitReady(Process process, String health, String realm, Path log) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server stopped while starting; see " + log + ":\n" + tail(log));
            }
            if (ok(http, health) && ok(http, realm)) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        stop(process);
        throw new IllegalStateException("The server was not ready within 4 minutes; see " + log + ":\n" + tail(log));
    }

    private static boolean ok(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("Failed: " + String.join(" ", command));
        }
    }

    private static void stop(Process process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
