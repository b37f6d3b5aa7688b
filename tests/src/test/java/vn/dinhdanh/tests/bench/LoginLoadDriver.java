package vn.dinhdanh.tests.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small load driver for complete logins over HTTP: authorization request, the login step(s), the redirect with
 * the code, then the token request. Each simulated browser keeps its own cookies; a run is a fixed number of
 * logins spread over a fixed number of threads, timed one by one.
 */
public final class LoginLoadDriver {

    /** One complete login, from the authorization request to the tokens. */
    @FunctionalInterface
    public interface Login {
        void run(UserAgent agent) throws Exception;
    }

    /** Latencies of one scenario, in milliseconds. */
    public record Result(String name, int logins, double seconds, List<Double> latenciesMs, int errors) {
        public double perSecond() {
            return logins / seconds;
        }

        public double percentile(double p) {
            List<Double> sorted = new ArrayList<>(latenciesMs);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        }
    }

    private LoginLoadDriver() {
    }

    /** Runs {@code warmup} untimed logins, then {@code count} timed ones on {@code threads} threads. */
    public static Result run(String name, int threads, int warmup, int count, java.util.function.Supplier<UserAgent> agents, Login login)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            runBatch(pool, threads, warmup, agents, login, new ArrayList<>(), new AtomicInteger());
            List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger errors = new AtomicInteger();
            long start = System.nanoTime();
            runBatch(pool, threads, count, agents, login, latencies, errors);
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(name, latencies.size(), seconds, List.copyOf(latencies), errors.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void runBatch(ExecutorService pool, int threads, int count, java.util.function.Supplier<UserAgent> agents, Login login,
                                 List<Double> latencies, AtomicInteger errors) throws Exception {
        AtomicInteger left = new AtomicInteger(count);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                UserAgent agent = agents.get();
                while (left.getAndDecrement() > 0) {
                    long t0 = System.nanoTime();
                    try {
                        login.run(agent);
                        latencies.add((System.nanoTime() - t0) / 1e6);
                    } catch (Exception e) {
                        if (errors.incrementAndGet() == 1) {
                            // the first failure of the batch says why; the driver's own messages name steps and codes only
                            String why = String.valueOf(e.getMessage());
                            System.out.println("first failed login: " + e.getClass().getSimpleName() + ": "
                                    + why.substring(0, Math.min(200, why.length())));
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
    }

    /** A browser-like HTTP client: keeps cookies, never follows redirects. */
    public static final class UserAgent {
        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final Map<String, String> cookies = new LinkedHashMap<>();

        public void forgetCookies() {
            cookies.clear();
        }

        public HttpResponse<String> get(String url) throws IOException, InterruptedException {
            return remember(http.send(withCookies(HttpRequest.newBuilder(URI.create(url))).GET().build(), HttpResponse.BodyHandlers.ofString()));
        }

        public HttpResponse<String> postForm(String url, Map<String, String> form) throws IOException, InterruptedException {
            return remember(http.send(withCookies(HttpRequest.newBuilder(URI.create(url)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build(), HttpResponse.BodyHandlers.ofString()));
        }

        public HttpResponse<String> postJson(String url, String json) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder withCookies(HttpRequest.Builder b) {
            if (!cookies.isEmpty()) {
                StringBuilder h = new StringBuilder();
                cookies.forEach((k, v) -> h.append(h.length() == 0 ? "" : "; ").append(k).append('=').append(v));
                b.header("Cookie", h.toString());
            }
            return b;
        }

        private HttpResponse<String> remember(HttpResponse<String> r) {
            for (String set : r.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                boolean expired = set.toLowerCase().contains("max-age=0") || value.isEmpty();
                if (expired) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return r;
        }
    }

    // --- small helpers for the scenarios ---

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A PKCE pair: [verifier, S256 challenge]. */
    public static String[] pkce() throws Exception {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        return new String[] {verifier, challenge};
    }

    public static String formAction(String html, String formId) {
        Matcher m = Pattern.compile("<form[^>]*\\bid=\"" + Pattern.quote(formId) + "\"[^>]*action=\"([^\"]+)\"", Pattern.DOTALL).matcher(html);
        if (!m.find()) {
            m = Pattern.compile("<form[^>]*action=\"([^\"]+)\"[^>]*\\bid=\"" + Pattern.quote(formId) + "\"", Pattern.DOTALL).matcher(html);
            if (!m.find()) {
                throw new IllegalStateException("no form " + formId);
            }
        }
        return m.group(1).replace("&amp;", "&");
    }

    public static String queryParam(String location, String name) {
        Matcher m = Pattern.compile("[?&]" + Pattern.quote(name) + "=([^&]+)").matcher(location);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in redirect");
        }
        return java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    }

    public static String encode(Map<String, String> form) {
        StringBuilder b = new StringBuilder();
        form.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.toString();
    }
}
