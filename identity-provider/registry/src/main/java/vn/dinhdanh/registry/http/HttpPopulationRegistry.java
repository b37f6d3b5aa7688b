package vn.dinhdanh.registry.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.dinhdanh.registry.CardStatus;
import vn.dinhdanh.registry.Citizen;
import vn.dinhdanh.registry.IdentityCard;
import vn.dinhdanh.registry.InvalidPersonalIdNumberException;
import vn.dinhdanh.registry.LifeStatus;
import vn.dinhdanh.registry.PartialDate;
import vn.dinhdanh.registry.PersonalIdNumber;
import vn.dinhdanh.registry.PopulationRegistry;
import vn.dinhdanh.registry.RegistryUnavailableException;
import vn.dinhdanh.registry.Sex;

/**
 * {@link PopulationRegistry} backed by an external registry over HTTP(S) and JSON:
 * <ul>
 * <li>{@code GET {base}/citizens/{pin}}: 200 with a citizen object, 404 with {@code {"error": "not_found"}} if unknown;</li>
 * <li>{@code GET {base}/citizens/{pin}/cards}: 200 with an array of cards (any order), 404 as above if unknown;</li>
 * <li>{@code GET {base}/citizens/count}: 200 with {@code {"count": n}}; optional (404 gives -1).</li>
 * </ul>
 * A 404 without that body (a web server's page, an empty answer) is not taken for an unknown citizen: it is what a
 * wrong base URL gets, so it raises {@link RegistryUnavailableException} rather than turning every citizen away as
 * unknown. An answer over {@code maxResponseBytes} (default 256 KiB) is not read further.
 * Citizen: {@code personalIdNumber, fullName, dateOfBirth ("1990", "1990-03" or "1990-03-15"), sex (MALE/FEMALE or
 * M/F), nationality, ethnicity, religion, placeOfOrigin, placeOfResidence, lifeStatus (LIVING/DECEASED)}. Card:
 * {@code cardNumber, issueDate, expiryDate (null = none), status (VALID/REPORTED_LOST/REVOKED/REPLACED)}.
 * Unknown fields are ignored. Any other status, a malformed body or a network failure raises
 * {@link RegistryUnavailableException}, whose message never contains the personal ID number or the URL.
 */
public final class HttpPopulationRegistry implements PopulationRegistry {

    private final URI base;
    private final HttpClient client;
    private final Duration timeout;
    private final Supplier<Map<String, String>> headers;
    private final ObjectMapper mapper = new ObjectMapper();
    private final int maxResponseBytes;

    private HttpPopulationRegistry(Builder b) {
        String uri = b.baseUri.toString();
        this.base = URI.create(uri.endsWith("/") ? uri : uri + "/");
        this.timeout = b.timeout;
        this.headers = b.headers;
        this.maxResponseBytes = b.maxResponseBytes;
        this.client = b.client != null ? b.client
                : HttpClient.newBuilder().connectTimeout(b.timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static Builder builder(URI baseUri) {
        return new Builder(baseUri);
    }

    @Override
    public Optional<Citizen> findCitizen(PersonalIdNumber pin) {
        Objects.requireNonNull(pin, "pin");
        Optional<JsonNode> body = get("citizens/" + pin.value());
        if (body.isEmpty()) {
            return Optional.empty();
        }
        JsonNode n = body.get();
        try {
            PersonalIdNumber returned = PersonalIdNumber.parse(text(n, "personalIdNumber", true));
            if (!returned.equals(pin)) {
                throw new RegistryUnavailableException("Registry answered for another personal ID number");
            }
            return Optional.of(new Citizen(returned, text(n, "fullName", true),
                    PartialDate.parse(text(n, "dateOfBirth", true)), sex(text(n, "sex", true)),
                    text(n, "nationality", false), text(n, "ethnicity", false), text(n, "religion", false),
                    text(n, "placeOfOrigin", false), text(n, "placeOfResidence", false),
                    LifeStatus.valueOf(text(n, "lifeStatus", true).toUpperCase(Locale.ROOT))));
        } catch (InvalidPersonalIdNumberException e) {
            throw new RegistryUnavailableException("Registry returned a malformed citizen: " + e.reason().code(), e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RegistryUnavailableException("Registry returned a malformed citizen", e);
        }
    }

    @Override
    public Optional<IdentityCard> currentCard(PersonalIdNumber pin) {
        return cards(pin).stream().findFirst();
    }

    /** Newest first (latest issue date, then card number descending), as the JPA implementation orders them. */
    @Override
    public List<IdentityCard> cards(PersonalIdNumber pin) {
        Objects.requireNonNull(pin, "pin");
        Optional<JsonNode> body = get("citizens/" + pin.value() + "/cards");
        if (body.isEmpty()) {
            return List.of();
        }
        if (!body.get().isArray()) {
            throw new RegistryUnavailableException("Registry returned malformed cards: not an array");
        }
        List<IdentityCard> cards = new ArrayList<>();
        try {
            for (JsonNode n : body.get()) {
                String expiry = text(n, "expiryDate", false);
                cards.add(new IdentityCard(text(n, "cardNumber", true), LocalDate.parse(text(n, "issueDate", true)),
                        expiry == null ? null : LocalDate.parse(expiry),
                        CardStatus.valueOf(text(n, "status", true).toUpperCase(Locale.ROOT))));
            }
        } catch (DateTimeParseException | IllegalArgumentException | NullPointerException e) {
            throw new RegistryUnavailableException("Registry returned malformed cards", e);
        }
        cards.sort(Comparator.comparing(IdentityCard::issueDate).thenComparing(IdentityCard::cardNumber).reversed());
        return List.copyOf(cards);
    }

    /** The registry's count, or -1 if it does not offer {@code GET /citizens/count}. */
    @Override
    public long countCitizens() {
        Optional<JsonNode> body = get("citizens/count", true);
        if (body.isEmpty()) {
            return -1;
        }
        JsonNode count = body.get().get("count");
        if (count == null || !count.canConvertToLong()) {
            throw new RegistryUnavailableException("Registry returned a malformed count");
        }
        return count.asLong();
    }

    private Optional<JsonNode> get(String path) {
        return get(path, false);
    }

    /**
     * The answer's JSON; empty for the contract's not-found answer (for an optional endpoint, for any 404). The whole
     * call (connecting, the status line, the body) must end within the timeout: a registry that accepts the connection
     * and then sends nothing, or stops in the middle of the body, is given up on and the exchange cancelled.
     */
    private Optional<JsonNode> get(String path, boolean optionalEndpoint) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Accept", "application/json").GET();
        headers.get().forEach(request::header);
        CompletableFuture<HttpResponse<byte[]>> call = client.sendAsync(request.build(), info -> new CappedBody(maxResponseBytes + 1));
        HttpResponse<byte[]> response;
        try {
            response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new RegistryUnavailableException("Registry did not answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpTimeoutException) {
                // the client's own request or connect timeout, the same deadline seen from inside
                throw new RegistryUnavailableException("Registry did not answer within " + timeout.toMillis() + " ms", cause);
            }
            throw new RegistryUnavailableException("Registry request failed: " + cause.getClass().getSimpleName(), cause);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException("Interrupted while waiting for the registry", e);
        }
        byte[] body = response.body();
        if (body.length > maxResponseBytes) {
            throw new RegistryUnavailableException("Registry answer exceeds " + maxResponseBytes + " bytes");
        }
        if (response.statusCode() == 404) {
            if (optionalEndpoint || isNotFound(body)) {
                return Optional.empty();
            }
            throw new RegistryUnavailableException("Registry answered 404 without the contract's {\"error\": \"not_found\"}: check the base URL");
        }
        if (response.statusCode() != 200) {
            throw new RegistryUnavailableException("Registry answered HTTP " + response.statusCode());
        }
        try {
            return Optional.of(mapper.readTree(body));
        } catch (IOException e) {
            // the parser's message may quote the body, which holds personal data: leave it out
            throw new RegistryUnavailableException("Registry returned malformed JSON");
        }
    }

    /** The body, at most {@code cap} bytes of it: the rest is not read (the subscription is cancelled). */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int cap;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(int cap) {
            this.cap = cap;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int n = Math.min(buffer.remaining(), cap - bytes.size());
                byte[] chunk = new byte[n];
                buffer.get(chunk);
                bytes.write(chunk, 0, n);
            }
            if (bytes.size() >= cap) {
                subscription.cancel();
                result.complete(bytes.toByteArray());
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }

    private boolean isNotFound(byte[] body) {
        try {
            JsonNode n = mapper.readTree(body);
            return n != null && n.isObject() && "not_found".equals(n.path("error").asText(null));
        } catch (IOException e) {
            return false;
        }
    }

    private static String text(JsonNode n, String field, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException("Missing field " + field);
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("Field " + field + " is not a string");
        }
        return v.asText();
    }

    private static Sex sex(String s) {
        return switch (s.toUpperCase(Locale.ROOT)) {
            case "M", "MALE" -> Sex.MALE;
            case "F", "FEMALE" -> Sex.FEMALE;
            default -> throw new IllegalArgumentException("Unknown sex");
        };
    }

    /** Immutable configuration. */
    public static final class Builder {
        private final URI baseUri;
        private Duration timeout = Duration.ofSeconds(5);
        private Supplier<Map<String, String>> headers = Map::of;
        private HttpClient client;
        private int maxResponseBytes = 256 * 1024;

        private Builder(URI baseUri) {
            this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
            String scheme = baseUri.getScheme();
            if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
                throw new IllegalArgumentException("Registry URI must be http or https");
            }
        }

        /** The longest a call may take, connecting and reading the whole answer included (default 5 s). */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Extra headers for every request, e.g. an Authorization bearer token fetched per call. */
        public Builder headers(Supplier<Map<String, String>> headers) {
            this.headers = Objects.requireNonNull(headers, "headers");
            return this;
        }

        /** Fixed extra header. */
        public Builder header(String name, String value) {
            Map<String, String> fixed = new LinkedHashMap<>(headers.get());
            fixed.put(name, value);
            Map<String, String> copy = Map.copyOf(fixed);
            this.headers = () -> copy;
            return this;
        }

        /** The largest answer read (default 256 KiB): a citizen and their cards fit many times over. */
        public Builder maxResponseBytes(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxResponseBytes below 1024");
            }
            this.maxResponseBytes = bytes;
            return this;
        }

        /** A preconfigured client (TLS, proxy); by default a new one with the timeout and no redirects. */
        public Builder httpClient(HttpClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        public HttpPopulationRegistry build() {
            return new HttpPopulationRegistry(this);
        }
    }
}
