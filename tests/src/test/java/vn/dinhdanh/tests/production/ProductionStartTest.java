package vn.dinhdanh.tests.production;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.dinhdanh.chipcard.app.DemoCards;
import vn.dinhdanh.tests.support.DinhdanhServer;

/**
 * {@code ./dinhdanh start}, the production start, as an operator runs it: a folder made by
 * {@code ./dinhdanh production-copy} holds no demo content, and the start refuses each demo secret and unsafe setting
 * with its own message; with everything right it serves the realm without a demo client or account.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionStartTest {

    static final Path WORK = Path.of(System.getProperty("dinhdanh.work.dir", "target"));
    static final Path HOME = WORK.resolve("dinhdanh-production-under-test").toAbsolutePath();
    static final Path OUTBOX_HOME = WORK.resolve("dinhdanh-production-outbox").toAbsolutePath();
    static final int HTTP_PORT = 8480;
    static final int MANAGEMENT_PORT = 9480;
    static final String ADMIN_PASSWORD = "operator-" + Long.toHexString(System.nanoTime()) + "-chosen";
    static Process running;

    record Outcome(int exit, String output) {
    }

    @BeforeAll
    static void makeTheProductionFolders() throws Exception {
        for (Path dir : List.of(HOME, OUTBOX_HOME)) {
            if (Files.exists(dir)) {
                launcher(Map.of(), "rm", "-rf", dir.toString());
            }
        }
        assertThat(launch(Map.of(), "production-copy", HOME.toString()).exit()).isZero();
        assertThat(launch(Map.of(), "production-copy", OUTBOX_HOME.toString(), "--sms-provider", "outbox").exit()).isZero();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (running != null) {
            running.descendants().forEach(ProcessHandle::destroy);
            running.destroy();
            running.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** What a careful operator sets: a strong admin password, a secret audit key, the SMS gateway, loopback behind a proxy. */
    static Map<String, String> operatorSettings(Path home) {
        Map<String, String> env = new HashMap<>();
        env.put("DINHDANH_HOME", home.toString());
        env.put("DINHDANH_HTTP_PORT", String.valueOf(HTTP_PORT));
        env.put("DINHDANH_MANAGEMENT_PORT", String.valueOf(MANAGEMENT_PORT));
        env.put("KC_HOSTNAME", "http://localhost:" + HTTP_PORT);
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "operator");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("DINHDANH_AUDIT_PSEUDONYM_KEY", "operator-secret-" + "k".repeat(40));
        env.put("DINHDANH_PAIRWISE_SUBJECT_SALT", "operator-salt-" + "s".repeat(40));
        env.put("DINHDANH_SMS_GATEWAY_URL", "http://127.0.0.1:9/sms");
        env.put("DINHDANH_PROFILE", "demo"); // inherited by mistake: a production start must ignore it
        return env;
    }

    static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> env = new HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                env.remove(pairs[i]);
            } else {
                env.put(pairs[i], pairs[i + 1]);
            }
        }
        return env;
    }

    static Outcome launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("dinhdanh.launcher"));
        command.addAll(List.of(args));
        return launcher(env, command.toArray(String[]::new));
    }

    static Outcome launcher(Map<String, String> env, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(WORK, "dinhdanh-production-", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("DINHDANH_HOME");
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("still running after 3 minutes: " + String.join(" ", command) + "\n" + Files.readString(log));
        }
        return new Outcome(p.exitValue(), Files.readString(log));
    }

    static Outcome start(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("start"));
        all.addAll(List.of(args));
        return launch(env, all.toArray(String[]::new));
    }

    @Test
    @Order(1)
    void whenTheProductionFolderIsMade_thenItHoldsNoDemoContent() throws IOException {
        assertThat(HOME.resolve("demo")).doesNotExist();
        assertThat(HOME.resolve("trust")).isEmptyDirectory();
        try (var files = Files.list(HOME.resolve("data/import"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("citizens-realm.json");
        }
        JsonNode realm = new ObjectMapper().readTree(HOME.resolve("data/import/citizens-realm.json").toFile());
        assertThat(realm.path("clients")).as("no demo client in the realm a production server imports").isEmpty();
        assertThat(Files.readString(HOME.resolve("conf/keycloak.conf"))).contains("spi-sms-sender--provider=http");
    }

    @Test
    @Order(2)
    void whenTheStartIsUnsafe_thenTheLauncherRefusesEachReasonWithItsOwnMessage() throws Exception {
        Map<String, String> ok = operatorSettings(HOME);

        Outcome demoPassword = start(with(ok, "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"), "--http-host=127.0.0.1");
        assertThat(demoPassword.exit()).isNotZero();
        assertThat(demoPassword.output()).contains("KC_BOOTSTRAP_ADMIN_PASSWORD is the demo password or too weak");

        Outcome weakPassword = start(with(ok, "KC_BOOTSTRAP_ADMIN_PASSWORD", "short"), "--http-host=127.0.0.1");
        assertThat(weakPassword.exit()).isNotZero();
        assertThat(weakPassword.output()).contains("too weak");

        Outcome plainHttp = start(ok);
        assertThat(plainHttp.exit()).isNotZero();
        assertThat(plainHttp.output()).contains("HTTP without TLS outside this host");

        Outcome plainHttpEverywhere = start(ok, "--http-host=0.0.0.0");
        assertThat(plainHttpEverywhere.exit()).isNotZero();
        assertThat(plainHttpEverywhere.output()).contains("HTTP without TLS outside this host");

        Outcome noAuditKey = start(with(ok, "DINHDANH_AUDIT_PSEUDONYM_KEY", null), "--http-host=127.0.0.1");
        assertThat(noAuditKey.exit()).isNotZero();
        assertThat(noAuditKey.output()).contains("set DINHDANH_AUDIT_PSEUDONYM_KEY");

        Outcome noSalt = start(with(ok, "DINHDANH_PAIRWISE_SUBJECT_SALT", null), "--http-host=127.0.0.1");
        assertThat(noSalt.exit()).isNotZero();
        assertThat(noSalt.output()).contains("set DINHDANH_PAIRWISE_SUBJECT_SALT");

        Outcome demoFolder = start(with(ok, "DINHDANH_HOME", System.getProperty("dinhdanh.server.dir")), "--http-host=127.0.0.1");
        assertThat(demoFolder.exit()).isNotZero();
        assertThat(demoFolder.output()).contains("holds the demo profile");
    }

    @Test
    @Order(3)
    void whenTheServerWouldUseADemoSecret_thenItRefusesToStart() throws Exception {
        Map<String, String> ok = operatorSettings(HOME);

        Outcome demoKey = start(with(ok, "DINHDANH_AUDIT_PSEUDONYM_KEY", "DEMO-ONLY-audit-pseudonym-key-published-not-for-production"),
                "--http-host=127.0.0.1");
        assertThat(demoKey.exit()).isNotZero();
        assertThat(demoKey.output()).contains("production start refused: DINHDANH_AUDIT_PSEUDONYM_KEY is the published demo key");

        Outcome demoSalt = start(with(ok, "DINHDANH_PAIRWISE_SUBJECT_SALT", "DEMO-ONLY-pairwise-subject-salt-published-not-for-production"),
                "--http-host=127.0.0.1");
        assertThat(demoSalt.exit()).isNotZero();
        assertThat(demoSalt.output()).contains("production start refused: DINHDANH_PAIRWISE_SUBJECT_SALT is the published demo salt");

        Outcome shortSalt = start(with(ok, "DINHDANH_PAIRWISE_SUBJECT_SALT", "too-short"), "--http-host=127.0.0.1");
        assertThat(shortSalt.exit()).isNotZero();
        assertThat(shortSalt.output()).contains("set the pairwise subject salt");

        Outcome outbox = start(operatorSettings(OUTBOX_HOME), "--http-host=127.0.0.1");
        assertThat(outbox.exit()).isNotZero();
        assertThat(outbox.output()).contains("production start refused: the SMS gateway is the development outbox");

        Outcome noGateway = start(with(ok, "DINHDANH_SMS_GATEWAY_URL", null), "--http-host=127.0.0.1");
        assertThat(noGateway.exit()).isNotZero();
        assertThat(noGateway.output()).contains("the SMS gateway is http but no URL is set");

        Path demoTrust = WORK.resolve("dinhdanh-production-demo-trust").toAbsolutePath();
        DemoCards.writeTrustFolder(demoTrust);
        Outcome demoAnchor = start(with(ok, "DINHDANH_TRUST_DIR", demoTrust.toString()), "--http-host=127.0.0.1");
        assertThat(demoAnchor.exit()).isNotZero();
        assertThat(demoAnchor.output()).contains("production start refused: the chip-card trust folder").contains("holds the demo CSCA");
    }

    @Test
    @Order(4)
    void whenEverythingIsRight_thenTheServerStarts_withoutDemoClientsOrAccounts() throws Exception {
        DinhdanhServer suite = DinhdanhServer.get(); // a second, unrelated server on this host while this one starts
        Path log = WORK.resolve("dinhdanh-production-under-test.log");
        ProcessBuilder pb = new ProcessBuilder(System.getProperty("dinhdanh.launcher"), "start", "--http-host=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(operatorSettings(HOME));
        running = pb.start();
        awaitReady(log);
        String base = "http://localhost:" + HTTP_PORT;

        assertThat(given().get(base + "/realms/citizens/.well-known/openid-configuration").then().extract().statusCode()).isEqualTo(200);
        assertThat(given().formParam("client_id", "admin-cli").formParam("grant_type", "password").formParam("username", "admin")
                .formParam("password", "admin").post(base + "/realms/master/protocol/openid-connect/token").then()
                .extract().jsonPath().getString("error")).as("no demo admin").isEqualTo("invalid_grant");
        String token = given().formParam("client_id", "admin-cli").formParam("grant_type", "password").formParam("username", "operator")
                .formParam("password", ADMIN_PASSWORD).post(base + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        List<String> clients = given().auth().oauth2(token).get(base + "/admin/realms/citizens/clients").then().statusCode(200)
                .extract().jsonPath().getList("clientId");
        assertThat(clients).doesNotContain("public-services-portal", "demo-bank", "demo-telecom", "ministry-portal");
        assertThat(given().auth().oauth2(token).get(base + "/admin/realms/citizens/users/count").then().statusCode(200)
                .extract().asString()).as("no demo account").isEqualTo("0");
        assertThat(given().auth().oauth2(token).queryParam("max", 1).get(base + "/admin/realms/citizens/users").then().statusCode(200)
                .extract().jsonPath().getList("$")).isEmpty();
        assertThat(Files.readString(log)).doesNotContain("DEMO PROFILE");
        // two unrelated servers on one host never join each other: local caches, no JGroups channel, no cluster view
        for (Path serverLog : List.of(log, WORK.resolve("dinhdanh-server.log"))) {
            assertThat(Files.readString(serverLog)).as(serverLog.toString())
                    .doesNotContain("JGroups channel").doesNotContain("cluster view").doesNotContain("ISPN000451");
        }
        assertThat(given().get(suite.realmUrl() + "/.well-known/openid-configuration").then().extract().statusCode())
                .as("the suite's server still answers").isEqualTo(200);
    }

    static void awaitReady(Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!running.isAlive()) {
                throw new AssertionError("the production server stopped while starting:\n" + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + MANAGEMENT_PORT + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new AssertionError("the production server was not ready within 3 minutes:\n" + Files.readString(log));
    }
}
