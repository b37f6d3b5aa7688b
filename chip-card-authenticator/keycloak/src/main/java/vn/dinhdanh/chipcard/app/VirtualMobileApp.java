package vn.dinhdanh.chipcard.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import vn.dinhdanh.icao.virtualcard.VirtualCard;

/**
 * Plays the citizen's phone in the cross-device chip-card login, against a running server: reads the pending
 * request (by short code or by the URL in the QR code), has the virtual card sign the challenge like a chip does,
 * and posts the evidence (contract version 1).
 *
 * <pre>
 *   virtual-app login --server http://localhost:8080 --code ABCD-2345 --citizen 001090012345 --citizens demo/citizens.csv
 *   virtual-app login --link 'dinhdanh://chip-card?request=...&amp;return=...' --citizen 001090012345 --citizens demo/citizens.csv
 *   virtual-app write-demo-trust DIR
 * </pre>
 */
public final class VirtualMobileApp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What the server answered, for tests and for the command line. */
    public record Answer(int status, JsonNode body) {
    }

    /** Reads a request: {@code requestRef} is the QR code's URL, or the server's realm URL plus a short code. */
    public Answer readRequest(String requestUrl) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(requestUrl)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), JSON.readTree(r.body()));
    }

    /** The evidence document a real app would post for this card and challenge. */
    public static ObjectNode evidence(VirtualCard card, byte[] challenge) {
        ObjectNode doc = JSON.createObjectNode();
        Base64.Encoder b64 = Base64.getEncoder();
        doc.put("sod", b64.encodeToString(card.sod()));
        ObjectNode groups = doc.putObject("dataGroups");
        for (Map.Entry<Integer, byte[]> dg : card.dataGroups().entrySet()) {
            groups.put(String.valueOf(dg.getKey()), b64.encodeToString(dg.getValue()));
        }
        doc.put("aaSignature", b64.encodeToString(card.respondToChallenge(challenge)));
        doc.put("challenge", b64.encodeToString(challenge));
        return doc;
    }

    public Answer post(String evidenceUrl, JsonNode evidence) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(evidenceUrl)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(evidence))).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), JSON.readTree(r.body()));
    }

    /** The whole phone side: read the request, sign its challenge with the card, post the evidence. */
    public Answer answer(String requestUrl, VirtualCard card) throws IOException, InterruptedException {
        Answer request = readRequest(requestUrl);
        if (request.status() != 200) {
            return request;
        }
        byte[] challenge = Base64.getDecoder().decode(request.body().get("challenge").asText());
        return post(request.body().get("evidenceUrl").asText(), evidence(card, challenge));
    }

    /**
     * A same-device link ({@code dinhdanh://chip-card?request=...&return=...}) as the app reads it. The app opens
     * {@code return} after the card was read only when it is on the same origin as the request (scheme, host and port),
     * so a crafted link cannot send the citizen on to another site.
     */
    public record SameDeviceLink(String requestUrl, Optional<String> returnUrl) {

        public static Optional<SameDeviceLink> parse(String link) {
            URI uri;
            try {
                uri = URI.create(link);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            if (!"dinhdanh".equals(uri.getScheme()) || !"chip-card".equals(uri.getHost()) || uri.getRawQuery() == null) {
                return Optional.empty();
            }
            Map<String, String> query = new HashMap<>();
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String value;
                try {
                    value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
                if (eq > 0 && query.putIfAbsent(pair.substring(0, eq), value) != null) {
                    return Optional.empty(); // a parameter twice: not a link the server made
                }
            }
            Optional<URI> request = httpUrl(query.get("request"));
            if (request.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> back = httpUrl(query.get("return")).filter(r -> sameOrigin(r, request.get())).map(URI::toString);
            return Optional.of(new SameDeviceLink(request.get().toString(), back));
        }

        private static Optional<URI> httpUrl(String value) {
            try {
                URI u = value == null ? null : URI.create(value);
                return u != null && ("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null
                        ? Optional.of(u) : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        private static boolean sameOrigin(URI a, URI b) {
            return a.getScheme().equals(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
        }

        private static int port(URI u) {
            return u.getPort() != -1 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
        }
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length >= 2 && args[0].equals("write-demo-trust")) {
            DemoCards.writeTrustFolder(Path.of(args[1]));
            out.println("DEMO ONLY trust folder written to " + args[1]);
            return 0;
        }
        if (args.length >= 1 && args[0].equals("login")) {
            String server = "http://localhost:8080", code = null, url = null, link = null, pin = null, csv = null;
            for (int i = 1; i + 1 < args.length; i += 2) {
                switch (args[i]) {
                    case "--server" -> server = args[i + 1];
                    case "--code" -> code = args[i + 1];
                    case "--url" -> url = args[i + 1];
                    case "--link" -> link = args[i + 1];
                    case "--citizen" -> pin = args[i + 1];
                    case "--citizens" -> csv = args[i + 1];
                    default -> {
                        err.println("unknown option " + args[i]);
                        return 2;
                    }
                }
            }
            if ((code == null && url == null && link == null) || pin == null || csv == null) {
                err.println("usage: login (--code CODE [--server URL] | --url QR_URL | --link APP_LINK) --citizen PIN --citizens citizens.csv");
                return 2;
            }
            Optional<SameDeviceLink> sameDevice = link == null ? Optional.empty() : SameDeviceLink.parse(link);
            if (link != null && sameDevice.isEmpty()) {
                err.println("Not a dinhdanh app link: " + link);
                return 2;
            }
            var record = DemoCards.findInCsv(Path.of(csv), pin);
            if (record.isEmpty()) {
                err.println("That personal ID number is not in " + csv);
                return 2;
            }
            String requestUrl = sameDevice.isPresent() ? sameDevice.get().requestUrl()
                    : url != null ? url : server.replaceAll("/$", "") + "/realms/citizens/chip-card/requests/" + code.trim();
            Answer answer = new VirtualMobileApp().answer(requestUrl, DemoCards.cardFor(record.get()));
            out.println(answer.body().toPrettyString());
            if (answer.status() == 200) {
                sameDevice.flatMap(SameDeviceLink::returnUrl).ifPresent(back -> out.println("Back to the browser: open " + back));
            }
            return answer.status() == 200 ? 0 : 1;
        }
        err.println("usage: virtual-app login ... | virtual-app write-demo-trust DIR");
        return 2;
    }
}
