package vn.dinhdanh.tests.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The demo server as a cluster, started by the operator's command {@code ./dinhdanh cluster DIR}: two nodes (each its
 * own server folder, both on one PostgreSQL database for Keycloak and one for the registry, created afresh), one
 * Infinispan cluster found through the JGROUPS_PING table, HAProxy in front. The ports are the launcher's defaults,
 * which no server of the default suite uses.
 */
public final class DemoCluster {

    /** One node: its name in the cluster and the balancer, and where it answers. */
    public record Node(String name, int httpPort, int managementPort, int jgroupsPort) {
        public String origin() {
            return "http://localhost:" + httpPort;
        }

        public String realmUrl() {
            return origin() + "/realms/citizens";
        }
    }

    public static final String KEYCLOAK_DB = "dinhdanh_cluster_test_keycloak";
    public static final String REGISTRY_DB = "dinhdanh_cluster_test_registry";
    public static final int BALANCER_PORT = 8580;
    public static final int STATS_PORT = 8581;
    public static final Node A = new Node("a", 8680, 9680, 7900);
    public static final Node B = new Node("b", 8780, 9780, 7901);

    private final Path dir;
    private final Process launcher;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private DemoCluster(Path dir, Process launcher) {
        this.dir = dir;
        this.launcher = launcher;
    }

    /** Starts the cluster in {@code dir} (made afresh) and waits until both nodes and the balancer answer. */
    public static DemoCluster start(Path dir) throws IOException, InterruptedException, SQLException {
        for (int port : List.of(BALANCER_PORT, STATS_PORT, A.httpPort, A.managementPort, A.jgroupsPort, B.httpPort, B.managementPort,
                B.jgroupsPort)) {
            if (DinhdanhServer.listening(port)) {
                throw new IllegalStateException("Port " + port + " is already in use: stop the other server first");
            }
        }
        DinhdanhServer.run(List.of("rm", "-rf", dir.toString()));
        Files.createDirectories(dir);
        try (Connection c = DriverManager.getConnection(postgresUrl() + "postgres", postgresUser(), postgresPassword());
             Statement st = c.createStatement()) {
            for (String db : List.of(KEYCLOAK_DB, REGISTRY_DB)) {
                st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
                st.execute("CREATE DATABASE " + db);
            }
        }
        Map<String, String> env = new HashMap<>();
        env.put("KC_DB_URL", postgresUrl() + KEYCLOAK_DB);
        env.put("KC_DB_USERNAME", postgresUser());
        env.put("KC_DB_PASSWORD", postgresPassword());
        env.put("DINHDANH_REGISTRY_DB_URL", postgresUrl() + REGISTRY_DB);
        env.put("DINHDANH_REGISTRY_DB_ADMIN_USERNAME", postgresUser());
        env.put("DINHDANH_REGISTRY_DB_ADMIN_PASSWORD", postgresPassword());
        env.put("DINHDANH_CLUSTER_PORT", String.valueOf(BALANCER_PORT));
        env.put("DINHDANH_CLUSTER_STATS_PORT", String.valueOf(STATS_PORT));
        env.put("DINHDANH_CLUSTER_NODES", String.join(" ", spec(A), spec(B)));
        Path log = dir.resolve("launcher.log");
        ProcessBuilder pb = new ProcessBuilder(System.getProperty("dinhdanh.launcher"), "cluster", dir.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        DemoCluster cluster = new DemoCluster(dir, pb.start());
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop));
        cluster.awaitReady(log);
        return cluster;
    }

    private static String spec(Node n) {
        return n.name + ":" + n.httpPort + ":" + n.managementPort + ":" + n.jgroupsPort;
    }

    public String balancerOrigin() {
        return "http://localhost:" + BALANCER_PORT;
    }

    public Path dir() {
        return dir;
    }

    public Path log(Node node) {
        return dir.resolve("node-" + node.name + ".log");
    }

    public Path balancerLog() {
        return dir.resolve("balancer.log");
    }

    /** Ends the node's JVM with SIGKILL: no shutdown, no leaving the cluster, connections cut. */
    public Instant kill(Node node) throws IOException {
        long script = Long.parseLong(Files.readString(dir.resolve("node-" + node.name + ".pid")).trim());
        ProcessHandle kcSh = ProcessHandle.of(script).orElseThrow(() -> new IllegalStateException("node " + node.name + " is not running"));
        List<ProcessHandle> jvms = kcSh.descendants().filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false)).toList();
        if (jvms.isEmpty()) {
            throw new IllegalStateException("no JVM under node " + node.name + "'s kc.sh");
        }
        Instant at = Instant.now();
        jvms.forEach(ProcessHandle::destroyForcibly); // SIGKILL on Unix
        return at;
    }

    /** The balancer's state of the node among the ready ones (HAProxy statistics: UP, DOWN, "UP 1/2", ...). */
    public Optional<String> balancerStatus(Node node) {
        return balancerStatus("keycloak", node);
    }

    /**
     * The balancer's state of the node in a backend ({@code keycloak}: the nodes that are ready, {@code keycloak-alive}:
     * those that are alive), empty if it cannot be read.
     */
    public Optional<String> balancerStatus(String backend, Node node) {
        try {
            HttpResponse<String> csv = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + STATS_PORT + "/stats;csv"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            String[] header = csv.body().lines().findFirst().orElse("").replaceFirst("^# ", "").split(",");
            int status = List.of(header).indexOf("status");
            return csv.body().lines().map(l -> l.split(",", -1))
                    .filter(f -> f.length > status && f[0].equals(backend) && f[1].equals("node-" + node.name))
                    .map(f -> f[status]).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** A number from Keycloak's database of the cluster. */
    public long countInKeycloakDb(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(postgresUrl() + KEYCLOAK_DB, postgresUser(), postgresPassword());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Stops the launcher, which stops the nodes and the balancer; what is left after 60 s is killed. */
    public void stop() {
        if (!launcher.isAlive()) {
            return;
        }
        List<ProcessHandle> children = new ArrayList<>(launcher.descendants().toList());
        launcher.destroy();
        try {
            if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
                launcher.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private void awaitReady(Path log) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(8));
        while (Instant.now().isBefore(deadline)) {
            if (!launcher.isAlive()) {
                throw new IllegalStateException("./dinhdanh cluster stopped while starting; see " + log + ":\n" + DinhdanhServer.tail(log));
            }
            if (DinhdanhServer.ok(http, "http://127.0.0.1:" + A.managementPort + "/health/ready")
                    && DinhdanhServer.ok(http, "http://127.0.0.1:" + B.managementPort + "/health/ready")
                    && DinhdanhServer.ok(http, balancerOrigin() + "/realms/citizens") && Files.readString(log).contains("dinhdanh: cluster ready")) {
                return;
            }
            TimeUnit.SECONDS.sleep(1);
        }
        stop();
        throw new IllegalStateException("The cluster was not ready within 8 minutes; see " + log + ":\n" + DinhdanhServer.tail(log));
    }

    private static String postgresUrl() {
        return System.getProperty("dinhdanh.postgres.url", "jdbc:postgresql://127.0.0.1:5432/");
    }

    private static String postgresUser() {
        return System.getProperty("dinhdanh.postgres.user", "postgres");
    }

    private static String postgresPassword() {
        return System.getProperty("dinhdanh.postgres.password", "");
    }
}
