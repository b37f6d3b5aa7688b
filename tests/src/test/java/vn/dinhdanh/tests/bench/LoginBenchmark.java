package vn.dinhdanh.tests.bench;

import static io.restassured.RestAssured.given;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.chipcard.app.DemoCards;
import vn.dinhdanh.chipcard.app.VirtualMobileApp;
import vn.dinhdanh.icao.virtualcard.VirtualCard;
import vn.dinhdanh.tests.bench.LoginLoadDriver.Result;
import vn.dinhdanh.tests.bench.LoginLoadDriver.UserAgent;
import vn.dinhdanh.tests.support.AdminApi;
import vn.dinhdanh.tests.support.DemoCitizens;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.FreshCitizens;
import vn.dinhdanh.tests.support.PngCanvas;

/**
 * Logins per second and latency percentiles, in one run on this machine, against the assembled server:
 * (a) stock Keycloak password login of a local user in a stock realm (the baseline), (b) dinhdanh's
 * registry-federated password login, (c) the chip-card login with the driver playing browser and phone,
 * (d) stock Keycloak SSO re-login (the floor of any login through the flow engine), (e) stock Keycloak password
 * login in a realm whose password policy is PBKDF2 with one iteration: the floor of a <em>fresh</em> login (flow engine,
 * new user session, token) without the cost of hashing a password, which the chip-card login does not pay either, so
 * (c)/(e) is its fair ratio. The scenarios run {@code bench.rounds} times (3 by default) and the ratios are reported
 * per round and as their spread. Not part of the default suite: {@code ./dinhdanh bench}. Prints the figures and
 * ratios and writes them, with a latency plot, to {@code tests/target/benchmarks/}. Asserts nothing about time.
 */
@Tag("bench")
class LoginBenchmark {

    static final String REDIRECT = "http://localhost:3000/callback";
    static final int THREADS = Integer.getInteger("bench.threads", 4);
    static final int PASSWORD_LOGINS = Integer.getInteger("bench.password.logins", 240);
    static final int FAST_LOGINS = Integer.getInteger("bench.fast.logins", 400);
    /** Untimed logins before each password scenario (Argon2 dominates; the JIT is warm soon). */
    static final int WARMUP = Integer.getInteger("bench.warmup", 40);
    /** Untimed logins before each fast scenario: the same for the chip-card login and the SSO re-login. */
    static final int FAST_WARMUP = Integer.getInteger("bench.fast.warmup", 200);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    /**
     * Whole rounds run before the reported ones and not reported: Keycloak's code is large and the JIT and the caches
     * take thousands of logins to settle (without it the first reported round ran at half the speed of the next).
     */
    static final int WARMUP_ROUNDS = Integer.getInteger("bench.warmup.rounds", 1);
    /** The ratios reported, each with its target: {numerator, denominator, target}. */
    static final String[][] RATIOS = {{"b", "a", "0.90"}, {"c", "a", "3"}, {"c", "d", "0.50"}, {"c", "e", "0.80"}};
    /** The scenarios run, by letter ({@code -Dbench.scenarios=c,e} while working on the chip-card login); all by default. */
    static final List<String> SCENARIOS = List.of(System.getProperty("bench.scenarios", "a,b,c,d,e").replace(" ", "").split(","));

    @Test
    void loginsPerSecond() throws Exception {
        // -Dbench.server=postgres: the server on PostgreSQL (Keycloak's database and the registry; with
        // -Ddinhdanh.postgres.registry.db=dinhdanh_scale, the 10-million registry of ./dinhdanh registry-scale)
        boolean postgres = "postgres".equals(System.getProperty("bench.server", "h2"));
        DinhdanhServer server = postgres ? DinhdanhServer.postgres() : DinhdanhServer.get();
        String base = server.baseUrl();
        createStockRealm(base, "stock", null);
        createStockRealm(base, "stock-fast", "hashAlgorithm(pbkdf2-sha256) and hashIterations(1)");
        String stock = base + "/realms/stock";
        String stockFast = base + "/realms/stock-fast";
        String citizens = server.realmUrl();
        // a registry citizen without an account: the first chip-card login makes a level-2 account that has nothing
        // left over from a registration (no number to confirm, no password to choose), as most card logins are
        VirtualCard card = DemoCards.cardFor(DemoCards.findInCsv(Path.of(System.getProperty("dinhdanh.demo.dir"), "citizens.csv"),
                FreshCitizens.nextWithUsableCard().pin()).orElseThrow());

        // the driver is one client address doing hundreds of logins a second: lift the per-address limits for it (the
        // wrong-password count of the address too: ./dinhdanh bench runs the enumeration benchmark first, whose
        // hundreds of wrong passwords from this address would otherwise refuse every password login of (b))
        AdminApi admin = new AdminApi(server);
        List<String> lifted = List.of("dinhdanh.limits.chip.request.address", "dinhdanh.limits.chip.evidence.address",
                "dinhdanh.limits.login.address");
        lifted.forEach(name -> admin.setRealmAttribute(name, "10000/1"));
        // one demo citizen per thread: concurrent logins of one account are not what a national login sees
        List<DemoCitizens.Demo> accounts = List.of(DemoCitizens.AN, DemoCitizens.NGOC, DemoCitizens.CHAU_REVOKED_CARD, DemoCitizens.DUC_LOST_CARD);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        ThreadLocal<DemoCitizens.Demo> account = ThreadLocal.withInitial(() -> accounts.get(next.getAndIncrement() % accounts.size()));
        List<List<Result>> rounds = new ArrayList<>();
        for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
            System.out.println(round < 0 ? "== warm-up round (not reported)" : "== round " + (round + 1));
            List<Result> results = new ArrayList<>();
            runIfChosen(results, "a", () -> LoginLoadDriver.run("(a) stock Keycloak password login", THREADS, WARMUP, PASSWORD_LOGINS, UserAgent::new,
                    a -> passwordLogin(a, stock, "bench", "bench", "Stock-Bench-2026", "")));
            runIfChosen(results, "b", () -> LoginLoadDriver.run("(b) dinhdanh registry-federated password login", THREADS, WARMUP, PASSWORD_LOGINS, UserAgent::new,
                    a -> passwordLogin(a, citizens, "public-services-portal", account.get().pin(), account.get().password(), "")));
            runIfChosen(results, "c", () -> LoginLoadDriver.run("(c) dinhdanh chip-card login (acr high)", THREADS, FAST_WARMUP, FAST_LOGINS, UserAgent::new,
                    a -> chipLogin(a, citizens, card)));
            runIfChosen(results, "d", () -> LoginLoadDriver.run("(d) stock Keycloak SSO re-login", THREADS, FAST_WARMUP, FAST_LOGINS, () -> {
                UserAgent a = new UserAgent();
                try {
                    passwordLogin(a, stock, "bench", "bench", "Stock-Bench-2026", "");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return a;
            }, a -> ssoLogin(a, stock, "bench")));
            runIfChosen(results, "e", () -> LoginLoadDriver.run("(e) stock Keycloak fresh login, PBKDF2 x1", THREADS, FAST_WARMUP, FAST_LOGINS, UserAgent::new,
                    a -> passwordLogin(a, stockFast, "bench", "bench", "Stock-Bench-2026", "")));
            if (round >= 0) {
                rounds.add(results);
            }
        }
        lifted.forEach(name -> admin.setRealmAttribute(name, ""));
        report(rounds);
    }

    /** Runs a scenario of the round only when its letter is among {@link #SCENARIOS}. */
    static void runIfChosen(List<Result> results, String letter, java.util.concurrent.Callable<Result> scenario) throws Exception {
        if (SCENARIOS.contains(letter)) {
            results.add(scenario.call());
        }
    }

    static void passwordLogin(UserAgent a, String realm, String clientId, String user, String password, String extra) throws Exception {
        a.forgetCookies();
        String[] pkce = LoginLoadDriver.pkce();
        HttpResponse<String> page = a.get(authUrl(realm, clientId, pkce[1], extra));
        expect(page, 200);
        HttpResponse<String> answer = a.postForm(LoginLoadDriver.formAction(page.body(), "kc-form-login"),
                Map.of("username", user, "password", password, "credentialId", ""));
        token(a, realm, clientId, answer, pkce[0]);
    }

    static void ssoLogin(UserAgent a, String realm, String clientId) throws Exception {
        String[] pkce = LoginLoadDriver.pkce();
        token(a, realm, clientId, a.get(authUrl(realm, clientId, pkce[1], "")), pkce[0]);
    }

    private static final ThreadLocal<UserAgent> PHONES = ThreadLocal.withInitial(UserAgent::new);
    private static final Pattern HANDLE = Pattern.compile("/chip-card/requests/([A-Za-z0-9_-]+)/status");

    static void chipLogin(UserAgent a, String realm, VirtualCard card) throws Exception {
        a.forgetCookies();
        String[] pkce = LoginLoadDriver.pkce();
        HttpResponse<String> page = a.get(authUrl(realm, "public-services-portal", pkce[1], "&acr_values=high"));
        expect(page, 200);
        Matcher m = HANDLE.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no chip-card request in the page");
        }
        String request = realm + "/chip-card/requests/" + m.group(1);
        // the phone: read the request, let the card sign the challenge, post the evidence (one phone per driver
        // thread, keeping its connection as an app would)
        UserAgent phone = PHONES.get();
        HttpResponse<String> read = phone.get(request);
        expect(read, 200);
        Matcher c = Pattern.compile("\"challenge\"\\s*:\\s*\"([^\"]+)\"").matcher(read.body());
        if (!c.find()) {
            throw new IllegalStateException("no challenge");
        }
        expect(phone.postJson(request + "/evidence", VirtualMobileApp.evidence(card, Base64.getDecoder().decode(c.group(1))).toString()), 200);
        // the browser: one status poll, then continue
        expect(a.get(request + "/status"), 200);
        HttpResponse<String> answer = a.postForm(LoginLoadDriver.formAction(page.body(), "dd-chip-continue"), Map.of("chipCardContinue", "true"));
        token(a, realm, "public-services-portal", answer, pkce[0]);
    }

    static String authUrl(String realm, String clientId, String challenge, String extra) {
        return realm + "/protocol/openid-connect/auth?client_id=" + clientId + "&response_type=code&scope=openid&redirect_uri="
                + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8) + "&code_challenge=" + challenge + "&code_challenge_method=S256" + extra;
    }

    static void token(UserAgent a, String realm, String clientId, HttpResponse<String> redirect, String verifier) throws Exception {
        expect(redirect, 302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> tokens = a.postForm(realm + "/protocol/openid-connect/token", Map.of("grant_type", "authorization_code",
                "code", LoginLoadDriver.queryParam(location, "code"), "redirect_uri", REDIRECT, "client_id", clientId, "code_verifier", verifier));
        expect(tokens, 200);
    }

    static void expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException("expected " + status + " but got " + r.statusCode());
        }
    }

    /** A stock realm with one local user and one public client; {@code passwordPolicy} null for Keycloak's default. */
    static void createStockRealm(String base, String name, String passwordPolicy) {
        String token = given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"))
                .post(base + "/realms/master/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
        if (given().get(base + "/realms/" + name).statusCode() == 200) {
            return;
        }
        String realm = """
                {"realm":"%s","enabled":true,%s
                 "users":[{"username":"bench","enabled":true,"firstName":"Bench","lastName":"User","email":"bench@example.org","emailVerified":true,
                           "credentials":[{"type":"password","value":"Stock-Bench-2026","temporary":false}]}],
                 "clients":[{"clientId":"bench","publicClient":true,"standardFlowEnabled":true,"directAccessGrantsEnabled":false,
                             "redirectUris":["http://localhost:3000/callback"],"attributes":{"pkce.code.challenge.method":"S256"}}]}
                """.formatted(name, passwordPolicy == null ? "" : "\"passwordPolicy\":\"" + passwordPolicy + "\",");
        given().auth().oauth2(token).contentType("application/json").body(realm).post(base + "/admin/realms").then().statusCode(201);
    }

    static void report(List<List<Result>> rounds) throws Exception {
        StringBuilder out = new StringBuilder();
        out.append("dinhdanh login benchmark, ").append(Instant.now()).append(", server on ").append(System.getProperty("bench.server", "h2"))
                .append(System.getProperty("dinhdanh.postgres.registry.db", "").isBlank() ? "" : ", registry " + System.getProperty("dinhdanh.postgres.registry.db"))
                .append(", ").append(THREADS).append(" threads, driver on the same machine, ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, ").append(rounds.size()).append(" rounds\n");
        for (int i = 0; i < rounds.size(); i++) {
            out.append("round ").append(i + 1).append('\n');
            out.append(String.format(Locale.ROOT, "%-50s %7s %9s %8s %8s %8s %7s%n", "scenario", "logins", "logins/s", "p50 ms", "p90 ms", "p99 ms", "errors"));
            for (Result r : rounds.get(i)) {
                out.append(String.format(Locale.ROOT, "%-50s %7d %9.1f %8.1f %8.1f %8.1f %7d%n", r.name(), r.logins(), r.perSecond(),
                        r.percentile(50), r.percentile(90), r.percentile(99), r.errors()));
            }
            for (String[] ratio : ratiosRun()) {
                out.append(String.format(Locale.ROOT, "ratio (%s)/(%s) = %.2f   (target >= %s)%n", ratio[0], ratio[1],
                        ratio(rounds.get(i), ratio), ratio[2]));
            }
        }
        out.append("spread over the rounds\n");
        for (String[] ratio : ratiosRun()) {
            List<Double> values = rounds.stream().map(r -> ratio(r, ratio)).sorted().toList();
            double target = Double.parseDouble(ratio[2]);
            out.append(String.format(Locale.ROOT, "ratio (%s)/(%s): min %.2f, median %.2f, max %.2f   target >= %s: %s%n", ratio[0], ratio[1],
                    values.get(0), values.get(values.size() / 2), values.get(values.size() - 1), ratio[2],
                    values.get(0) >= target ? "met in every round" : values.get(values.size() - 1) >= target ? "met in some rounds" : "missed"));
        }
        System.out.print(out);
        Path dir = Path.of(System.getProperty("dinhdanh.work.dir", "target"), "benchmarks");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("login-benchmark.txt"), out.toString(), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        plot(rounds.get(rounds.size() - 1), dir.resolve("login-latency.png"));
        System.out.println("written: " + dir.resolve("login-benchmark.txt") + " and " + dir.resolve("login-latency.png") + " (last round)");
    }

    /** The ratios whose two scenarios both ran. */
    static List<String[]> ratiosRun() {
        return java.util.Arrays.stream(RATIOS).filter(r -> SCENARIOS.contains(r[0]) && SCENARIOS.contains(r[1])).toList();
    }

    /** The ratio of two scenarios' logins/s in one round, the scenarios named by their letter. */
    static double ratio(List<Result> round, String[] ratio) {
        return scenario(round, ratio[0]).perSecond() / scenario(round, ratio[1]).perSecond();
    }

    static Result scenario(List<Result> round, String letter) {
        return round.stream().filter(r -> r.name().startsWith("(" + letter + ")")).findFirst().orElseThrow();
    }

    /** Latency distributions as cumulative curves (x: milliseconds, log scale; y: share of logins). */
    static void plot(List<Result> results, Path file) throws Exception {
        int w = 900, h = 520, left = 70, right = 20, top = 40, bottom = 60;
        PngCanvas canvas = new PngCanvas(w, h);
        Graphics2D g = canvas.graphics();
        double max = results.stream().flatMap(r -> r.latenciesMs().stream()).mapToDouble(Double::doubleValue).max().orElse(1000);
        double minLog = Math.log10(1), maxLog = Math.log10(Math.max(10, max * 1.2));
        g.setColor(Color.LIGHT_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (double ms = 1; ms <= Math.pow(10, maxLog); ms *= 10) {
            int x = left + (int) ((Math.log10(ms) - minLog) / (maxLog - minLog) * (w - left - right));
            g.drawLine(x, top, x, h - bottom);
            g.setColor(Color.DARK_GRAY);
            g.drawString((int) ms + " ms", x - 12, h - bottom + 18);
            g.setColor(Color.LIGHT_GRAY);
        }
        for (int pct = 0; pct <= 100; pct += 25) {
            int y = h - bottom - pct * (h - top - bottom) / 100;
            g.drawLine(left, y, w - right, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(pct + "%", 30, y + 4);
            g.setColor(Color.LIGHT_GRAY);
        }
        Color[] colours = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd), new Color(0xff7f0e)};
        g.setStroke(new BasicStroke(2f));
        for (int i = 0; i < results.size(); i++) {
            List<Double> sorted = new ArrayList<>(results.get(i).latenciesMs());
            Collections.sort(sorted);
            g.setColor(colours[i % colours.length]);
            int px = -1, py = -1;
            for (int k = 0; k < sorted.size(); k++) {
                int x = left + (int) ((Math.log10(Math.max(1, sorted.get(k))) - minLog) / (maxLog - minLog) * (w - left - right));
                int y = h - bottom - (int) ((k + 1.0) / sorted.size() * (h - top - bottom));
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                px = x;
                py = y;
            }
            g.drawString(String.format(Locale.ROOT, "%s: %.1f/s", results.get(i).name(), results.get(i).perSecond()), left + 10, top + 16 + i * 16);
        }
        g.setColor(Color.BLACK);
        g.drawString("Login latency, cumulative share (x: ms, log scale)", left, 24);
        canvas.write(file);
    }
}
