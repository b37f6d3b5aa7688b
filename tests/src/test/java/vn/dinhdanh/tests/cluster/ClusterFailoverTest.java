package vn.dinhdanh.tests.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.dinhdanh.chipcard.app.VirtualMobileApp;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.ChipCardPage;
import vn.dinhdanh.tests.support.DemoCluster;
import vn.dinhdanh.tests.support.CitizenLogin;
import vn.dinhdanh.tests.support.DemoCitizens;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.FreshCitizens;
import vn.dinhdanh.tests.support.RelyingParty;
import vn.dinhdanh.tests.support.TestSecrets;
import vn.dinhdanh.tests.support.VirtualCards;

/**
 * Two nodes, one node killed ({@code ./dinhdanh cluster-test}): the cluster of {@code ./dinhdanh cluster} serves a
 * login made on one node from the other, then, under a bounded load of logins and refreshes through the balancer,
 * loses node A to SIGKILL. Every session and refresh token that existed before must still work on node B, every
 * request that failed must succeed when retried, and a chip-card login begun on A must end on B. The figures (error
 * rate while the balancer had not yet noticed, how long it took to notice) go to {@code target/cluster/}; nothing is
 * asserted about time.
 */
@Tag("cluster")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverTest {

    static final int OPERATIONS = Integer.getInteger("cluster.operations", 240);
    static final int KILL_AFTER = Integer.getInteger("cluster.kill.after", OPERATIONS / 3);
    /** Attempts per operation before it counts as lost. */
    static final int ATTEMPTS = 10;
    static final VirtualMobileApp APP = new VirtualMobileApp();

    static DemoCluster cluster;
    static RelyingParty portal;
    static Path results;
    /** Sessions made so far: who, the refresh token, the subject. */
    static final List<Session> SESSIONS = new CopyOnWriteArrayList<>();

    record Session(String who, RefreshToken refreshToken, String subject) {
    }

    /** One try of one operation: when it ran (nanoTime) and how it ended. */
    record Attempt(String kind, long start, long end, boolean ok, String error) {
    }

    @BeforeAll
    static void start() throws Exception {
        Path work = Path.of(System.getProperty("dinhdanh.work.dir", "target"));
        results = work.resolve("cluster");
        Files.createDirectories(results);
        cluster = DemoCluster.start(work.resolve("dinhdanh-cluster"));
        portal = RelyingParty.portal(DinhdanhServer.at(cluster.balancerOrigin()));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.stop();
        }
    }

    @Test
    @Order(1)
    void whenTheClusterStarts_thenBothNodesAreMembersOfOneClusterFoundThroughKeycloaksDatabase() throws Exception {
        assertThat(cluster.countInKeycloakDb("select count(*) from jgroups_ping")).as("JDBC_PING members").isEqualTo(2);
        assertThat(Files.readString(cluster.log(DemoCluster.B))).as("node B's cluster view")
                .containsPattern("ISPN000094: Received new cluster view for channel ISPN: \\[node-a[^]]*\\] \\(2\\) \\[node-a[^,]*, node-b");
        assertThat(cluster.balancerStatus(DemoCluster.A)).hasValue("UP");
        assertThat(cluster.balancerStatus(DemoCluster.B)).hasValue("UP");
    }

    @Test
    @Order(2)
    void whenACitizenLogsInOnNodeA_thenNodeBAnswersUserinfoAndRefreshesHerTokens() {
        RelyingParty onA = portal.via(DemoCluster.A.origin());
        RelyingParty onB = portal.via(DemoCluster.B.origin());
        Browser browser = new Browser().via(cluster.balancerOrigin(), DemoCluster.A.origin());
        RelyingParty.Attempt attempt = onA.authorize("openid profile");
        AuthorizationCode code = CitizenLogin.login(browser, onA, attempt, DemoCitizens.NGOC.pin(), DemoCitizens.NGOC.password());
        OIDCTokenResponse tokens = (OIDCTokenResponse) onA.exchange(code, attempt.verifier()).toSuccessResponse();
        IDTokenClaimsSet id = onA.validate(tokens.getOIDCTokens().getIDToken(), attempt.nonce());
        assertThat(id.getIssuer().getValue()).as("one issuer for the cluster: the balancer").isEqualTo(cluster.balancerOrigin() + "/realms/citizens");

        UserInfo before = onB.userInfo(tokens.getOIDCTokens().getAccessToken());
        assertThat(before.getSubject()).isEqualTo(id.getSubject());

        TokenResponse refreshed = onB.token(new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken()));
        assertThat(refreshed.indicatesSuccess()).as("refresh on node B: %s", refreshed).isTrue();
        UserInfo after = onB.userInfo(refreshed.toSuccessResponse().getTokens().getAccessToken());
        assertThat(after.getSubject()).isEqualTo(id.getSubject());
        assertThat(after.getName()).isEqualTo(DemoCitizens.NGOC.fullName());
        SESSIONS.add(new Session("Ngọc, logged in on node A", tokens.getOIDCTokens().getRefreshToken(), id.getSubject().getValue()));
    }

    @Test
    @Order(3)
    void whenAChipCardLoginStartsOnNodeA_thenThePhoneAndTheBrowserFinishItOnNodeB() throws Exception {
        ChipCardLogin login = ChipCardLogin.startOn(DemoCluster.A);
        Session session = login.finishOn(DemoCluster.B);
        SESSIONS.add(session);
    }

    @Test
    @Order(4)
    void whenNodeAIsKilledUnderLoad_thenEverySessionMadeBeforeWorksOnNodeB_andEveryFailedRequestSucceedsWhenRetried() throws Exception {
        List<DemoCitizens.Demo> accounts = List.of(DemoCitizens.AN, DemoCitizens.NGOC, DemoCitizens.CHAU_REVOKED_CARD, DemoCitizens.DUC_LOST_CARD);
        // a session per account before the load, so that the first refreshes have something to refresh
        for (DemoCitizens.Demo account : accounts) {
            passwordLogin(account);
        }
        Queue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        List<String> lost = new CopyOnWriteArrayList<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        CountDownLatch killNow = new CountDownLatch(1);
        long loadStart = System.nanoTime();
        // one worker per account: Keycloak refuses a login of an account while another login of it is being checked
        ExecutorService workers = Executors.newFixedThreadPool(accounts.size());
        List<Future<?>> running = new ArrayList<>();
        for (DemoCitizens.Demo account : accounts) {
            running.add(workers.submit(() -> {
                for (int op; (op = next.getAndIncrement()) < OPERATIONS; ) {
                    int n = op;
                    if (n % 4 == 0) {
                        operation("login", () -> passwordLogin(account), attempts, lost);
                    } else {
                        Session s = SESSIONS.get(n % SESSIONS.size());
                        operation("refresh", () -> refresh(portal, s), attempts, lost);
                    }
                    if (done.incrementAndGet() == KILL_AFTER) {
                        killNow.countDown();
                    }
                }
                return null;
            }));
        }
        assertThat(killNow.await(10, TimeUnit.MINUTES)).as("%d operations done before the kill", KILL_AFTER).isTrue();

        // a chip-card login begun on node A: the page shown, the phone has read the request
        ChipCardLogin chip = ChipCardLogin.startOn(DemoCluster.A);
        List<Session> beforeKill = List.copyOf(SESSIONS);
        Instant killedAt = cluster.kill(DemoCluster.A);
        long kill = System.nanoTime();
        // the balancer's view of both nodes from the kill until the load is over
        List<String> transitions = new CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicLong noticedAt = new java.util.concurrent.atomic.AtomicLong(-1);
        java.util.concurrent.atomic.AtomicBoolean watching = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread watcher = new Thread(() -> watchBalancer(kill, noticedAt, transitions, watching), "balancer-watch");
        watcher.start();
        while (noticedAt.get() < 0 && System.nanoTime() - kill < TimeUnit.MINUTES.toNanos(2)) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        long noticed = noticedAt.get();
        assertThat(noticed).as("the balancer takes node A out").isPositive();

        // the same chip-card login, finished on node B
        Session chipSession = chip.finishOn(DemoCluster.B);

        for (Future<?> f : running) {
            f.get(10, TimeUnit.MINUTES);
        }
        workers.shutdown();
        long loadEnd = System.nanoTime();
        watching.set(false);
        watcher.join();

        // every session and refresh token from before the kill, on node B (no retry)
        RelyingParty onB = portal.via(DemoCluster.B.origin());
        List<String> brokenSessions = new ArrayList<>();
        for (Session s : beforeKill) {
            try {
                refresh(onB, s);
            } catch (Exception | AssertionError e) {
                brokenSessions.add(s.who() + ": " + describe(e));
            }
        }
        long persisted = cluster.countInKeycloakDb("select count(*) from offline_user_session where offline_flag = '0'");

        report(attempts, lost, beforeKill.size(), brokenSessions, killedAt, loadStart, kill, noticed, loadEnd, persisted, chipSession, transitions);

        assertThat(brokenSessions).as("sessions from before the kill that no longer work on node B").isEmpty();
        assertThat(lost).as("operations that failed %d times in a row", ATTEMPTS).isEmpty();
        assertThat(attempts.stream().filter(Attempt::ok).count()).as("successful attempts").isEqualTo(OPERATIONS);
    }

    @Test
    @Order(5)
    void whenTheRunIsOver_thenNoNodeAndNotTheBalancerLoggedAPersonalIdNumberOrAPassword() throws Exception {
        for (Path log : List.of(cluster.log(DemoCluster.A), cluster.log(DemoCluster.B), cluster.balancerLog())) {
            String text = Files.readString(log);
            for (String secret : TestSecrets.all()) {
                assertThat(text).as("%s", log.getFileName()).doesNotContain(secret);
            }
        }
    }

    /**
     * Polls the balancer's statistics every 50 ms: the first time node A is down among the ready nodes, and every change
     * of either node in either backend (ready, alive), as "+ms from the kill: backend/node STATUS".
     */
    static void watchBalancer(long kill, java.util.concurrent.atomic.AtomicLong noticedAt, List<String> transitions,
                              java.util.concurrent.atomic.AtomicBoolean watching) {
        java.util.Map<String, String> last = new java.util.HashMap<>();
        while (watching.get()) {
            for (String backend : List.of("keycloak", "keycloak-alive")) {
                for (DemoCluster.Node node : List.of(DemoCluster.A, DemoCluster.B)) {
                    String status = cluster.balancerStatus(backend, node).orElse("?");
                    long now = System.nanoTime();
                    if (!status.equals(last.put(backend + "/node-" + node.name(), status))) {
                        transitions.add(String.format(java.util.Locale.ROOT, "%+.0f ms: %s/node-%s %s", (now - kill) / 1e6, backend, node.name(), status));
                    }
                    if (node == DemoCluster.A && backend.equals("keycloak") && status.startsWith("DOWN")) {
                        noticedAt.compareAndSet(-1, now);
                    }
                }
            }
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A chip-card login of a registry citizen without an account (the card alone makes a level-2 account). */
    static final class ChipCardLogin {
        private final FreshCitizens.Citizen citizen;
        private final Browser browser;
        private final RelyingParty.Attempt attempt;
        private final ChipCardPage page;
        private final JsonNode request;

        private ChipCardLogin(FreshCitizens.Citizen citizen, Browser browser, RelyingParty.Attempt attempt, ChipCardPage page, JsonNode request) {
            this.citizen = citizen;
            this.browser = browser;
            this.attempt = attempt;
            this.page = page;
            this.request = request;
        }

        /** The browser opens the login at {@code high} on this node; the phone reads the request there. */
        static ChipCardLogin startOn(DemoCluster.Node node) throws Exception {
            FreshCitizens.Citizen citizen = FreshCitizens.nextWithUsableCard();
            Browser browser = new Browser().via(cluster.balancerOrigin(), node.origin());
            RelyingParty.Attempt attempt = portal.via(node.origin()).authorize("openid", b -> b.acrValues(List.of(new ACR("high"))));
            ChipCardPage page = ChipCardPage.of(browser.get(attempt.uri().toString()));
            VirtualMobileApp.Answer read = APP.readRequest(node.realmUrl() + "/chip-card/requests/" + page.shortCode());
            assertThat(read.status()).as("the phone reads the request on node %s: %s", node.name(), read.body()).isEqualTo(200);
            return new ChipCardLogin(citizen, browser, attempt, page, read.body());
        }

        /** The phone posts the card's answer to this node, and the browser goes on there to the tokens. */
        Session finishOn(DemoCluster.Node node) throws Exception {
            byte[] challenge = Base64.getDecoder().decode(request.get("challenge").asText());
            String evidenceUrl = request.get("evidenceUrl").asText().replace(cluster.balancerOrigin() + "/", node.origin() + "/");
            VirtualMobileApp.Answer posted = APP.post(evidenceUrl, VirtualMobileApp.evidence(VirtualCards.cardOf(citizen.pin()), challenge));
            assertThat(posted.status()).as("evidence on node %s: %s", node.name(), posted.body()).isEqualTo(200);
            assertThat(posted.body().get("status").asText()).isEqualTo("verified");
            browser.via(cluster.balancerOrigin(), node.origin());
            assertThat(browser.get(page.statusUrl()).jsonPath().getString("status")).isEqualTo("verified");
            RelyingParty there = portal.via(node.origin());
            AuthorizationCode code = CitizenLogin.codeFrom(there, attempt, page.continueAfterPhone(browser));
            OIDCTokenResponse tokens = (OIDCTokenResponse) there.exchange(code, attempt.verifier()).toSuccessResponse();
            IDTokenClaimsSet id = there.validate(tokens.getOIDCTokens().getIDToken(), attempt.nonce());
            assertThat(id.getStringClaim("acr")).isEqualTo("high");
            return new Session("a chip-card login finished on node " + node.name(), tokens.getOIDCTokens().getRefreshToken(), id.getSubject().getValue());
        }
    }

    /** A password login through the balancer; its session joins {@link #SESSIONS}. */
    static void passwordLogin(DemoCitizens.Demo account) {
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = portal.authorize("openid");
        AuthorizationCode code = CitizenLogin.login(browser, portal, attempt, account.pin(), account.password());
        TokenResponse answer = portal.exchange(code, attempt.verifier());
        assertThat(answer.indicatesSuccess()).as("token request").isTrue();
        OIDCTokenResponse tokens = (OIDCTokenResponse) answer.toSuccessResponse();
        IDTokenClaimsSet id = portal.validate(tokens.getOIDCTokens().getIDToken(), attempt.nonce());
        SESSIONS.add(new Session(account.fullName() + ", a login through the balancer", tokens.getOIDCTokens().getRefreshToken(),
                id.getSubject().getValue()));
    }

    /** A refresh of the session's tokens, then userinfo with the new access token; both must answer 200. */
    static void refresh(RelyingParty rp, Session session) {
        try {
            var http = new com.nimbusds.oauth2.sdk.TokenRequest(rp.metadata().getTokenEndpointURI(), rp.clientId(),
                    new RefreshTokenGrant(session.refreshToken())).toHTTPRequest().send();
            assertThat(http.getStatusCode()).as("refresh").isEqualTo(200);
            var tokens = com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser.parse(http).toSuccessResponse().getTokens();
            var info = rp.userInfoRequest(tokens.getAccessToken()).send();
            assertThat(info.getStatusCode()).as("userinfo").isEqualTo(200);
            assertThat(info.getContentAsJSONObject().get("sub")).isEqualTo(session.subject());
        } catch (java.io.IOException | com.nimbusds.oauth2.sdk.ParseException e) {
            throw new IllegalStateException("refresh failed", e);
        }
    }

    /** Runs one operation, retrying it after a failure, each try recorded; lost after {@link #ATTEMPTS} failures. */
    static void operation(String kind, Runnable body, Queue<Attempt> attempts, List<String> lost) {
        for (int i = 0; i < ATTEMPTS; i++) {
            long t0 = System.nanoTime();
            try {
                body.run();
                attempts.add(new Attempt(kind, t0, System.nanoTime(), true, null));
                return;
            } catch (RuntimeException | AssertionError e) {
                attempts.add(new Attempt(kind, t0, System.nanoTime(), false, describe(e)));
                try {
                    TimeUnit.MILLISECONDS.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        lost.add(kind);
    }

    private static final Pattern BUT_WAS = Pattern.compile("but was:\\s*(\\S+)");

    /** A short account of a failure that carries no personal data: the status seen, or the kind of error. */
    static String describe(Throwable e) {
        String message = String.valueOf(e.getMessage());
        Matcher m = BUT_WAS.matcher(message);
        if (m.find()) {
            return "HTTP " + m.group(1).replaceAll("\\D", "");
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String first = message.lines().findFirst().orElse("").replaceAll("\\d{6,}", "#");
        return root.getClass().getSimpleName() + (first.isBlank() ? "" : ": " + first.substring(0, Math.min(80, first.length())));
    }

    private static void report(Queue<Attempt> attempts, List<String> lost, int sessionsBefore, List<String> brokenSessions, Instant killedAt,
                               long loadStart, long kill, long noticed, long loadEnd, long persisted, Session chip,
                               List<String> transitions) throws Exception {
        List<Attempt> all = new ArrayList<>(attempts);
        List<Attempt> window = all.stream().filter(a -> a.end() >= kill && a.start() <= noticed).toList();
        List<Attempt> afterNotice = all.stream().filter(a -> a.start() > noticed).toList();
        List<Attempt> failed = all.stream().filter(a -> !a.ok()).toList();
        long windowFailed = window.stream().filter(a -> !a.ok()).count();
        long afterFailed = afterNotice.stream().filter(a -> !a.ok()).count();
        StringBuilder out = new StringBuilder();
        out.append(String.format(java.util.Locale.ROOT, "dinhdanh cluster failover, node A killed at %s%n", killedAt));
        out.append(String.format(java.util.Locale.ROOT,
                "command: ./dinhdanh cluster-test (two nodes of ./dinhdanh cluster on loopback, HAProxy, PostgreSQL), %d cores%n",
                Runtime.getRuntime().availableProcessors()));
        out.append(String.format(java.util.Locale.ROOT, "load: 4 workers, %d operations through the balancer (every 4th a password login, "
                + "the others a refresh + userinfo), node A SIGKILLed after %d; load took %.1f s%n", OPERATIONS, KILL_AFTER, (loadEnd - loadStart) / 1e9));
        out.append(String.format(java.util.Locale.ROOT, "balancer noticed node A down: %.0f ms after the kill (checks every 1 s, 250 ms after an error, down after 2)%n",
                (noticed - kill) / 1e6));
        out.append(String.format(java.util.Locale.ROOT, "attempts: %d, failed: %d (%.1f %%)%n", all.size(), failed.size(), 100.0 * failed.size() / all.size()));
        out.append(String.format(java.util.Locale.ROOT, "failover window (from the kill until the balancer noticed): %d attempts, %d failed (%.1f %%)%n",
                window.size(), windowFailed, window.isEmpty() ? 0.0 : 100.0 * windowFailed / window.size()));
        out.append(String.format(java.util.Locale.ROOT, "after the balancer noticed: %d attempts, %d failed%n", afterNotice.size(), afterFailed));
        out.append(String.format(java.util.Locale.ROOT, "operations lost (failed %d times in a row): %d%n", ATTEMPTS, lost.size()));
        out.append(String.format(java.util.Locale.ROOT, "sessions that existed before the kill: %d; refresh + userinfo on node B afterwards: %d ok, %d failed%n",
                sessionsBefore, sessionsBefore - brokenSessions.size(), brokenSessions.size()));
        brokenSessions.forEach(b -> out.append("  broken: ").append(b).append('\n'));
        out.append(String.format(java.util.Locale.ROOT, "chip-card login begun on node A before the kill, finished on node B after it: %s%n",
                chip != null ? "tokens at acr high" : "failed"));
        out.append(String.format(java.util.Locale.ROOT, "user sessions in Keycloak's database (OFFLINE_USER_SESSION, online ones): %d%n", persisted));
        out.append("balancer, from the kill (keycloak: nodes ready; keycloak-alive: nodes alive, used while none is ready):\n");
        transitions.forEach(t -> out.append("  ").append(t).append('\n'));
        for (Attempt a : failed) {
            out.append(String.format(java.util.Locale.ROOT, "  failed %s at %+.0f ms from the kill: %s%n", a.kind(), (a.start() - kill) / 1e6, a.error()));
        }
        System.out.print(out);
        Files.writeString(results.resolve("failover.txt"), out.toString());
        Files.writeString(results.resolve("failover-history.txt"), out + "\n", java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        FailoverPlot.write(all, loadStart, kill, noticed, results.resolve("failover.png"));
    }
}
