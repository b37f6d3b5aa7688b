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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The assembled dinhdanh server (server/target/dinhdanh-server) started once per test JVM through the
 * same {@code ./dinhdanh demo} command a newcomer uses, on a fresh copy so that every run begins with empty
 * databases. Set {@code -Ddinhdanh.base.url=...} to test a server that is already running instead.
 */
public final class DinhdanhServer {

    private static DinhdanhServer instance;
    private static DinhdanhServer postgresInstance;
    private static DinhdanhServer httpRegistryInstance;

    private final String baseUrl;
    private final Path home;
    private final Process process;

    private DinhdanhServer(String baseUrl, Path home, Process process) {
        this.baseUrl = baseUrl;
        this.home = home;
        this.process = process;
    }

    private static RuntimeException startFailure;

    /** The server, started on first use; a failed start is reported to every later caller without a retry. */
    public static synchronized DinhdanhServer get() {
        if (startFailure != null) {
            throw new IllegalStateException("The dinhdanh server failed to start earlier in this run", startFailure);
        }
        if (instance == null) {
            try {
                instance = start();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return instance;
    }

    /**
     * The same server rebuilt for PostgreSQL ({@code ./dinhdanh configure-postgres}): Keycloak's own database and the
     * population registry both on the PostgreSQL server at {@code dinhdanh.postgres.url} (default 127.0.0.1:5432),
     * in two databases created afresh for the run.
     */
    public static synchronized DinhdanhServer postgres() {
        if (postgresInstance == null) {
            postgresInstance = startPostgres();
        }
        return postgresInstance;
    }

    /**
     * The same server rebuilt to read the population registry over HTTP ({@code ./dinhdanh configure-http-registry}),
     * from the registry API at {@code registryUrl}; on ports 8380 and 9380.
     */
    public static synchronized DinhdanhServer httpRegistry(String registryUrl) {
        if (httpRegistryInstance == null) {
            Path work = Path.of(System.getProperty("dinhdanh.work.dir", "target"));
            Path home = work.resolve("dinhdanh-server-http-registry");
            try {
                assembled();
                run(List.of(System.getProperty("dinhdanh.launcher"), "configure-http-registry", home.toString()));
                httpRegistryInstance = launch(home, 8380, 9380, Map.of("DINHDANH_REGISTRY_URL", registryUrl),
                        work.resolve("dinhdanh-server-http-registry.log"));
            } catch (IOException e) {
                throw new IllegalStateException("Could not start the dinhdanh server with an HTTP registry", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while starting the dinhdanh server", e);
            }
        }
        return httpRegistryInstance;
    }

    /** A server started elsewhere (a cluster's balancer, say), reached at {@code baseUrl}. */
    public static DinhdanhServer at(String baseUrl) {
        return new DinhdanhServer(baseUrl.replaceAll("/$", ""), null, null);
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
        Path work = Path.of(System.getProperty("dinhdanh.work.dir", "target"));
        Path home = work.resolve("dinhdanh-server-under-test");
        try {
            run(List.of("rm", "-rf", home.toString()));
            run(List.of("cp", "-a", assembled().toString(), home.toString()));
            return launch(home, Integer.getInteger("dinhdanh.http.port", 8180), Integer.getInteger("dinhdanh.management.port", 9180),
                    Map.of(), work.resolve("dinhdanh-server.log"));
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the dinhdanh server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the dinhdanh server", e);
        }
    }

    private static DinhdanhServer startPostgres() {
        Path work = Path.of(System.getProperty("dinhdanh.work.dir", "target"));
        Path home = work.resolve("dinhdanh-server-postgres");
        String url = System.getProperty("dinhdanh.postgres.url", "jdbc:postgresql://127.0.0.1:5432/");
        String user = System.getProperty("dinhdanh.postgres.user", "postgres");
        String password = System.getProperty("dinhdanh.postgres.password", "");
        try {
            assembled();
            // -Ddinhdanh.postgres.registry.db=NAME: an existing registry kept as it is (the 10-million registry of
            // ./dinhdanh registry-scale, for the bench); otherwise a fresh one
            String keptRegistry = System.getProperty("dinhdanh.postgres.registry.db", "");
            String registryDb = keptRegistry.isBlank() ? POSTGRES_REGISTRY_DB : keptRegistry;
            try (Connection c = DriverManager.getConnection(url + "postgres", user, password); Statement st = c.createStatement()) {
                for (String db : keptRegistry.isBlank() ? List.of(POSTGRES_KEYCLOAK_DB, POSTGRES_REGISTRY_DB) : List.of(POSTGRES_KEYCLOAK_DB)) {
                    st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
                    st.execute("CREATE DATABASE " + db);
                }
            }
            Map<String, String> env = new HashMap<>();
            env.put("KC_DB_URL", url + POSTGRES_KEYCLOAK_DB);
            env.put("KC_DB_USERNAME", user);
            env.put("KC_DB_PASSWORD", password);
            env.put("DINHDANH_REGISTRY_DB_URL", url + registryDb);
            // the registry's two roles, made and granted by configure-postgres as the administrator
            env.put("DINHDANH_REGISTRY_DB_ADMIN_USERNAME", user);
            env.put("DINHDANH_REGISTRY_DB_ADMIN_PASSWORD", password);
            env.put("DINHDANH_REGISTRY_DB_USERNAME", POSTGRES_REGISTRY_LOGIN_ROLE);
            env.put("DINHDANH_REGISTRY_DB_WRITER_USERNAME", POSTGRES_REGISTRY_WRITER_ROLE);
            run(List.of(System.getProperty("dinhdanh.launcher"), "configure-postgres", home.toString()), env);
            return launch(home, 8280, 9280, env, work.resolve("dinhdanh-server-postgres.log"));
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not start the dinhdanh server on PostgreSQL", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the dinhdanh server", e);
        }
    }

    public static final String POSTGRES_KEYCLOAK_DB = "dinhdanh_test_keycloak";
    public static final String POSTGRES_REGISTRY_DB = "dinhdanh_test_registry";
    /** The registry's role for logins (SELECT only) and the one that writes, as configure-postgres makes them. */
    public static final String POSTGRES_REGISTRY_LOGIN_ROLE = "dinhdanh_registry_login";
    public static final String POSTGRES_REGISTRY_WRITER_ROLE = "dinhdanh_registry_writer";

    private static Path assembled() {
        Path source = Path.of(System.getProperty("dinhdanh.server.dir"));
        if (!Files.isRegularFile(source.resolve(".dinhdanh-assembled"))) {
            throw new IllegalStateException("The server is not assembled at " + source + ": run `mvn install` first");
        }
        return source;
    }

    private static DinhdanhServer launch(Path home, int httpPort, int managementPort, Map<String, String> extraEnv, Path log)
            throws IOException, InterruptedException {
        for (int port : List.of(httpPort, managementPort)) {
            if (listening(port)) {
                throw new IllegalStateException("Port " + port + " is already in use: stop the other server first");
            }
        }
        ProcessBuilder pb = new ProcessBuilder(System.getProperty("dinhdanh.launcher"), "demo")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(extraEnv);
        pb.environment().put("DINHDANH_HOME", home.toString());
        pb.environment().put("DINHDANH_HTTP_PORT", String.valueOf(httpPort));
        pb.environment().put("DINHDANH_MANAGEMENT_PORT", String.valueOf(managementPort));
        Process process = pb.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process)));
        String baseUrl = "http://localhost:" + httpPort;
        awaitReady(process, "http://localhost:" + managementPort + "/health/ready", baseUrl + "/realms/citizens", log);
        return new DinhdanhServer(baseUrl, home, process);
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

    static boolean ok(HttpClient http, String url) {
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

    static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void run(List<String> command) throws IOException, InterruptedException {
        run(command, Map.of());
    }

    static void run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        pb.environment().putAll(env);
        Process p = pb.start();
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
