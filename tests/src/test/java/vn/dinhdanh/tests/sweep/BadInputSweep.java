package vn.dinhdanh.tests.sweep;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.dinhdanh.tests.support.AdminApi;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.ChipCardPage;
import vn.dinhdanh.tests.support.CitizenLogin;
import vn.dinhdanh.tests.support.DemoCitizens;
import vn.dinhdanh.tests.support.CitizenRegistration;
import vn.dinhdanh.tests.support.DemoBank;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.RelyingParty;

/**
 * Sends malformed input to every endpoint dinhdanh adds, to the login and registration forms and to the OIDC
 * parameters of the server under test, bounded in count and time, and reports what a security tester looks for:
 * server errors (5xx other than a registry outage's 503), stack traces or exception names in an answer, input
 * reflected unescaped, and stack traces the server logged meanwhile. {@link Scope#FAST} is the subset the default
 * suite runs; {@link Scope#FULL} is {@code ./dinhdanh sweep}.
 */
public final class BadInputSweep {

    /** The marker every text payload carries: found raw (unescaped) in an answer, it is reflected input. */
    static final String MARK = "dd7<sw\"ep'>";
    static final Pattern STACK_TRACE = Pattern.compile("\\tat [a-zA-Z_$][\\w$]*(\\.[\\w$]+)+\\(|\\b[a-z]+(\\.[a-z0-9_]+)+\\.[A-Z]\\w*(Exception|Error)\\b");
    static final Pattern LOG_STACK_LINE = Pattern.compile("^\\s+at [a-zA-Z_$][\\w$]*(\\.[\\w$]+)+\\(", Pattern.MULTILINE);
    static final List<String> LIFTED_LIMITS = List.of("login.address", "chip.request.address", "chip.evidence.address", "ekyc.client",
            "registration.address", "registration.number", "sms.phone", "sms.account");

    public enum Scope {
        FAST(Duration.ofMinutes(4)), FULL(Duration.ofMinutes(20));

        final Duration budget;

        Scope(Duration budget) {
            this.budget = budget;
        }
    }

    record Payload(String name, byte[] bytes, boolean fast) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    public record Finding(String kind, String target, String payload, int status, String excerpt) {
        @Override
        public String toString() {
            return kind + " " + target + " [" + payload + "] HTTP " + status + ": " + excerpt;
        }
    }

    public record Report(int sent, Map<String, Integer> sentByTarget, List<Finding> findings, int loggedStackTraces, int closedOverLimit,
                         Duration took, boolean cutShort) {
        public long count(String kind) {
            return findings.stream().filter(f -> f.kind().equals(kind)).count();
        }

        public String text() {
            StringBuilder out = new StringBuilder();
            out.append(String.format("bad-input sweep: %d requests in %.1f s%s%n", sent, took.toMillis() / 1000.0,
                    cutShort ? " (time budget reached: cut short)" : ""));
            out.append(String.format("server errors: %d, stack traces in answers: %d, reflected input: %d, stack traces in the server log: %d%n",
                    count("SERVER_ERROR"), count("STACK_TRACE"), count("REFLECTED"), loggedStackTraces));
            out.append(String.format("no answer: %d; connections closed on a request line over %d bytes (refused unread, not a finding): %d%n",
                    count("NO_ANSWER"), MAX_REQUEST_LINE, closedOverLimit));
            out.append("requests per target:\n");
            sentByTarget.forEach((target, n) -> out.append(String.format("  %-44s %5d%n", target, n)));
            findings.forEach(f -> out.append("  ").append(f).append('\n'));
            return out.toString();
        }
    }

    private final DinhdanhServer server;
    private final Scope scope;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, Integer> sentByTarget = new LinkedHashMap<>();
    private int sent;
    private int closedOverLimit;
    static final int MAX_REQUEST_LINE = 8192;
    private Instant deadline;
    private boolean cutShort;

    public BadInputSweep(DinhdanhServer server, Scope scope) {
        this.server = server;
        this.scope = scope;
    }

    static List<Payload> textPayloads() {
        List<Payload> p = new ArrayList<>();
        p.add(text("marker", MARK, true));
        p.add(text("nul", "a\u0000b" + MARK, true));
        p.add(text("rtl-override", "\u202Eabc\u202C" + MARK, true));
        p.add(text("emoji", "\uD83D\uDC69\u200D\uD83D\uDCBB\uD83C\uDDFB\uD83C\uDDF3" + MARK, true));
        p.add(text("long-number", "9".repeat(5000), true));
        p.add(text("path-traversal", "../../../../etc/passwd%00" + MARK, true));
        p.add(text("freemarker", "${7*7}<#assign x=1>${x}" + MARK, true));
        p.add(text("crlf", "a\r\nSet-Cookie: dd=1\r\n" + MARK, false));
        p.add(text("sql", "' OR '1'='1' -- " + MARK, false));
        p.add(text("json-fragment", "{\"a\":[" + MARK, false));
        p.add(text("lone-surrogate", "\uD800" + MARK, false));
        p.add(text("huge-200k", "x".repeat(200_000) + MARK, false));
        p.add(text("empty", "", false));
        p.add(text("whitespace", " \t\n ", false));
        return p;
    }

    static List<Payload> bodyPayloads() {
        List<Payload> p = new ArrayList<>();
        p.add(text("broken-json", "{\"sod\": ", true));
        p.add(text("deep-json", "[".repeat(100_000), true));
        p.add(text("wrong-types", "{\"sod\":123,\"dataGroups\":[1,2],\"aaSignature\":{\"x\":1},\"challenge\":null}", true));
        p.add(text("base64-garbage", "{\"sod\":\"!!!@@@" + MARK + "\",\"dataGroups\":{\"1\":\"%%%\",\"x\":\"AA\"}}", true));
        p.add(new Payload("10mb", "A".repeat(10 * 1024 * 1024).getBytes(StandardCharsets.US_ASCII), true));
        p.add(text("big-string-json", "{\"sod\":\"" + "A".repeat(2 * 1024 * 1024) + "\"}", false));
        p.add(text("duplicate-keys", "{\"sod\":\"AA==\",\"sod\":\"AA==\",\"dataGroups\":{\"1\":\"AA==\",\"1\":\"AA==\"}}", false));
        p.add(text("csv-unterminated", "personal_id_number,full_name\n\"001090012345,\"" + MARK, true));
        p.add(text("csv-huge-field", "personal_id_number\n" + "9".repeat(1024 * 1024), false));
        p.add(new Payload("binary", new byte[] {0, (byte) 0xff, (byte) 0xfe, 0x7f, 0, 0x1b, '[', '2', 'J'}, false));
        p.add(text("text-marker", MARK, false));
        p.add(text("empty", "", true));
        return p;
    }

    static Payload text(String name, String value, boolean fast) {
        return new Payload(name, value.getBytes(StandardCharsets.UTF_8), fast);
    }

    List<Payload> texts() {
        return textPayloads().stream().filter(p -> scope == Scope.FULL || p.fast()).toList();
    }

    List<Payload> bodies() {
        return bodyPayloads().stream().filter(p -> scope == Scope.FULL || p.fast()).toList();
    }

    public Report run() throws Exception {
        Instant start = Instant.now();
        deadline = start.plus(scope.budget);
        AdminApi admin = new AdminApi(server);
        // one client address sends it all: lift the per-address limits meanwhile (they are tested on their own)
        LIFTED_LIMITS.forEach(name -> admin.setRealmAttribute("dinhdanh.limits." + name, "100000/1"));
        Path log = server.home() == null ? null : server.home().resolveSibling("dinhdanh-server.log");
        long logBefore = log != null && Files.exists(log) ? Files.size(log) : 0;
        try {
            sweepChipCardApp();
            sweepEkyc();
            sweepOperatorApis();
            sweepConsentApi();
            sweepLoginForm();
            sweepRegistrationForm();
            sweepAuthorizationEndpoint();
            sweepTokenAndUserinfo();
            sweepMethodsAndContentTypes();
        } finally {
            LIFTED_LIMITS.forEach(name -> admin.setRealmAttribute("dinhdanh.limits." + name, ""));
        }
        int logged = 0;
        if (log != null && Files.exists(log)) {
            byte[] all = Files.readAllBytes(log);
            String added = new String(all, (int) Math.min(logBefore, all.length), (int) Math.max(0, all.length - logBefore), StandardCharsets.UTF_8);
            logged = (int) LOG_STACK_LINE.matcher(added).results().count();
        }
        return new Report(sent, sentByTarget, List.copyOf(findings), logged, closedOverLimit, Duration.between(start, Instant.now()), cutShort);
    }

    // ------------------------------------------------------------------------------------------------ targets

    private String realm() {
        return server.realmUrl();
    }

    private String master() {
        return server.baseUrl() + "/realms/master";
    }

    private void sweepChipCardApp() throws Exception {
        for (Payload p : texts()) {
            send("chip-card GET requests/{ref}", p, "GET", realm() + "/chip-card/requests/" + pathSegment(p.text()), null, null, null);
            send("chip-card GET requests/{handle}/status", p, "GET", realm() + "/chip-card/requests/" + pathSegment(p.text()) + "/status",
                    null, null, null);
        }
        RelyingParty portal = RelyingParty.portal(server);
        for (Payload p : bodies()) {
            // a live request each time, so that the body reaches the evidence parser (three bad answers fail a request)
            Browser browser = new Browser();
            ChipCardPage page = ChipCardPage.of(CitizenLogin.openLoginPage(browser,
                    portal.authorize("openid", b -> b.customParameter("acr_values", "high"))));
            send("chip-card POST requests/{handle}/evidence", p, "POST",
                    realm() + "/chip-card/requests/" + page.handle() + "/evidence", "application/json", p.bytes, null);
        }
    }

    private void sweepEkyc() throws Exception {
        DemoBank.BankToken token = DemoBank.clientCredentialsToken(server, "ekyc");
        String verifications = realm() + "/chip-card/ekyc/verifications";
        for (Payload p : bodies()) {
            // the bank's DPoP-bound token with a fresh proof each time, so that the body reaches the evidence parser
            send("ekyc POST verifications", p, "POST", verifications, "application/json", p.bytes, null,
                    Map.of(), Map.of("Authorization", "DPoP " + token.value(), "DPoP", token.proof("POST", verifications)));
        }
        for (Payload p : texts()) {
            if (headerSafe(p.text())) {
                send("ekyc POST challenges (bearer)", p, "POST", realm() + "/chip-card/ekyc/challenges", null, new byte[0], p.text());
            }
        }
    }

    private void sweepOperatorApis() {
        String token = adminToken();
        for (Payload p : bodies()) {
            send("registry-admin POST import", p, "POST", master() + "/registry-admin/import", "text/csv", p.bytes, token);
            send("trust POST reload", p, "POST", master() + "/chip-card/trust/reload", "application/json", p.bytes, token);
            send("audit POST checkpoints", p, "POST", master() + "/dinhdanh-audit/checkpoints", "application/json", p.bytes, token);
        }
        for (Payload p : texts()) {
            send("registry-admin POST import?batchSize", p, "POST", master() + "/registry-admin/import?batchSize=" + query(p.text()),
                    "text/csv", "personal_id_number\n".getBytes(StandardCharsets.UTF_8), token);
            if (headerSafe(p.text())) {
                send("operator GET (bearer)", p, "GET", master() + "/dinhdanh-audit/verification", null, null, p.text());
            }
        }
    }

    private void sweepConsentApi() {
        // a citizen's own account-console token: the client and purpose segments reach the consent records
        RelyingParty console = new RelyingParty(server, "account-console", server.realmUrl() + "/account/",
                (com.nimbusds.oauth2.sdk.auth.ClientAuthentication) null);
        RelyingParty.Attempt attempt = console.authorize("openid");
        String account = console.exchange(CitizenLogin.login(new Browser(), console, attempt, DemoCitizens.NGOC.pin(), DemoCitizens.NGOC.password()),
                attempt.verifier()).toSuccessResponse().getTokens().getAccessToken().getValue();
        for (Payload p : texts()) {
            send("consents DELETE {client}/{purpose}", p, "DELETE", realm() + "/dinhdanh-consents/" + pathSegment(p.text()) + "/"
                    + pathSegment(p.text()), null, null, account);
            send("consents DELETE demo-bank/{purpose}", p, "DELETE", realm() + "/dinhdanh-consents/demo-bank/" + pathSegment(p.text()),
                    null, null, account);
            if (headerSafe(p.text())) {
                send("consents GET (bearer)", p, "GET", realm() + "/dinhdanh-consents", null, null, p.text());
            }
        }
    }

    private void sweepLoginForm() {
        RelyingParty portal = RelyingParty.portal(server);
        for (Payload p : texts()) {
            for (String field : List.of("username", "password")) {
                Browser browser = new Browser();
                Response page = CitizenLogin.openLoginPage(browser, portal.authorize("openid"));
                String action = Browser.formAction(page.asString(), "kc-form-login");
                Map<String, String> form = new LinkedHashMap<>(Map.of("username", "036201009999", "password", "Sweep-Password-1"));
                form.put(field, p.text());
                sendForm("login form " + field, p, action, form, browser);
            }
        }
        for (Payload p : bodies()) {
            Browser browser = new Browser();
            Response page = CitizenLogin.openLoginPage(browser, portal.authorize("openid"));
            sendRawForm("login form (raw body)", p, Browser.formAction(page.asString(), "kc-form-login"), browser);
        }
    }

    private void sweepRegistrationForm() {
        RelyingParty portal = RelyingParty.portal(server);
        for (Payload p : texts()) {
            for (String field : List.of("username", "full_name", "birthdate", "phone_number", "password")) {
                Browser browser = new Browser();
                Response page = CitizenRegistration.open(browser, portal.authorize("openid"));
                Map<String, String> form = new LinkedHashMap<>(Map.of("username", "036201009998", "full_name", "Nguyễn Văn Quét",
                        "birthdate", "2001-05-09", "phone_number", "0912345678", "password", "Sweep-Password-1", "password-confirm",
                        "Sweep-Password-1"));
                form.put(field, p.text());
                if (field.equals("password")) {
                    form.put("password-confirm", p.text());
                }
                sendForm("registration form " + field, p, Browser.formAction(page.asString(), "kc-register-form"), form, browser);
            }
        }
    }

    private void sweepAuthorizationEndpoint() {
        RelyingParty portal = RelyingParty.portal(server);
        for (Payload p : texts()) {
            for (String param : List.of("client_id", "redirect_uri", "response_type", "scope", "state", "nonce", "acr_values", "claims",
                    "login_hint", "prompt", "max_age", "ui_locales", "code_challenge", "code_challenge_method", "request", "request_uri")) {
                URI valid = portal.authorize("openid").uri();
                send("authorize " + param, p, "GET", withParam(valid, param, p.text()), null, null, null);
            }
        }
    }

    private void sweepTokenAndUserinfo() {
        String token = realm() + "/protocol/openid-connect/token";
        for (Payload p : texts()) {
            for (String param : List.of("grant_type", "code", "client_id", "redirect_uri", "code_verifier", "refresh_token", "client_assertion")) {
                Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "code", "x", "client_id",
                        "public-services-portal", "redirect_uri", "http://localhost:3000/callback", "code_verifier", "v".repeat(43)));
                form.put(param, p.text());
                send("token " + param, p, "POST", token, "application/x-www-form-urlencoded", formBody(form), null);
            }
            if (headerSafe(p.text())) {
                send("userinfo (bearer)", p, "GET", realm() + "/protocol/openid-connect/userinfo", null, null, p.text());
            }
        }
        for (Payload p : bodies()) {
            send("token (raw body)", p, "POST", token, "application/x-www-form-urlencoded", p.bytes, null);
        }
    }

    private void sweepMethodsAndContentTypes() {
        String admin = adminToken();
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("chip-card evidence", realm() + "/chip-card/requests/unknown-handle/evidence");
        endpoints.put("ekyc verifications", realm() + "/chip-card/ekyc/verifications");
        endpoints.put("registry-admin import", master() + "/registry-admin/import");
        endpoints.put("trust", master() + "/chip-card/trust");
        endpoints.put("audit verification", master() + "/dinhdanh-audit/verification");
        endpoints.put("consents", realm() + "/dinhdanh-consents");
        Payload empty = text("method", "", true);
        endpoints.forEach((name, url) -> {
            for (String method : List.of("PUT", "DELETE", "PATCH", "OPTIONS", "HEAD")) {
                send(name + " " + method, empty, method, url, "application/json", new byte[0], admin);
            }
            for (String type : List.of("application/xml", "multipart/form-data", "text/plain; charset=bogus", "application/json; charset=utf-7")) {
                send(name + " as " + type.split(";")[0], text(type, "{\"x\":\"" + MARK + "\"}", true), "POST", url, type,
                        ("{\"x\":\"" + MARK + "\"}").getBytes(StandardCharsets.UTF_8), admin);
            }
        });
    }

    // ------------------------------------------------------------------------------------------------ sending

    private String adminToken() {
        return given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"))
                .post(master() + "/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
    }

    private void sendForm(String target, Payload p, String action, Map<String, String> form, Browser browser) {
        send(target, p, "POST", action, "application/x-www-form-urlencoded", formBody(form), null, browser.cookies());
    }

    private void sendRawForm(String target, Payload p, String action, Browser browser) {
        send(target, p, "POST", action, "application/x-www-form-urlencoded", p.bytes, null, browser.cookies());
    }

    private void send(String target, Payload p, String method, String url, String contentType, byte[] body, String bearer) {
        send(target, p, method, url, contentType, body, bearer, Map.of());
    }

    private void send(String target, Payload p, String method, String url, String contentType, byte[] body, String bearer,
                      Map<String, String> cookies) {
        send(target, p, method, url, contentType, body, bearer, cookies, Map.of());
    }

    private void send(String target, Payload p, String method, String url, String contentType, byte[] body, String bearer,
                      Map<String, String> cookies, Map<String, String> headers) {
        if (Instant.now().isAfter(deadline)) {
            cutShort = true;
            return;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8");
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(request::header);
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        sent++;
        sentByTarget.merge(target, 1, Integer::sum);
        HttpResponse<String> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            if (url.length() > MAX_REQUEST_LINE) {
                closedOverLimit++; // the server shuts a request line over its limit (Vert.x: 4,096 bytes) instead of reading it
            } else {
                findings.add(new Finding("NO_ANSWER", target, p.name(), 0, e.getClass().getSimpleName()));
            }
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        judge(target, p, answer);
    }

    private void judge(String target, Payload p, HttpResponse<String> answer) {
        String body = answer.body() == null ? "" : answer.body();
        int status = answer.statusCode();
        if (status >= 500 && !(status == 503 && body.contains("registry_unavailable"))) {
            findings.add(new Finding("SERVER_ERROR", target, p.name(), status, excerpt(body, 0)));
        }
        var trace = STACK_TRACE.matcher(body);
        if (trace.find()) {
            findings.add(new Finding("STACK_TRACE", target, p.name(), status, excerpt(body, trace.start())));
        }
        int reflected = body.indexOf(MARK);
        String location = answer.headers().firstValue("Location").orElse("");
        if (reflected >= 0) {
            findings.add(new Finding("REFLECTED", target, p.name(), status, excerpt(body, reflected)));
        } else if (location.contains(MARK)) {
            findings.add(new Finding("REFLECTED", target, p.name(), status, "Location: " + excerpt(location, 0)));
        }
    }

    static String excerpt(String body, int at) {
        String s = body.substring(Math.max(0, at - 40), Math.min(body.length(), at + 120));
        return s.replaceAll("\\s+", " ");
    }

    static boolean headerSafe(String value) {
        return !value.isEmpty() && value.length() < 8000 && value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static byte[] formBody(Map<String, String> form) {
        return form.entrySet().stream().map(e -> query(e.getKey()) + "=" + query(e.getValue())).collect(Collectors.joining("&"))
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The URI with one query parameter replaced (or added). */
    static String withParam(URI uri, String name, String value) {
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        List<String> parts = new ArrayList<>();
        for (String part : query.split("&")) {
            if (!part.isEmpty() && !part.startsWith(name + "=")) {
                parts.add(part);
            }
        }
        parts.add(name + "=" + query(value));
        String base = uri.toString();
        int q = base.indexOf('?');
        return (q < 0 ? base : base.substring(0, q)) + "?" + String.join("&", parts);
    }

    /** Writes the report under target/sweep and returns it. */
    public static Report runAndWrite(DinhdanhServer server, Scope scope, Path out) throws Exception {
        Report report = new BadInputSweep(server, scope).run();
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.text());
        System.out.println(report.text());
        return report;
    }

}
