package vn.dinhdanh.idp.registry;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import vn.dinhdanh.idp.keycloak.KeycloakInternals;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import vn.dinhdanh.registry.PopulationRegistry;
import vn.dinhdanh.registry.http.CircuitBreakingRegistry;
import vn.dinhdanh.registry.http.HttpPopulationRegistry;

/**
 * The population registry of the state, reached over HTTPS ({@link HttpPopulationRegistry}: {@code GET
 * {base-url}/citizens/{number}} and {@code .../cards}). Selected at build time with
 * {@code --spi-population-registry--provider=http} ({@code ./dinhdanh configure-http-registry DIR}); configured with
 * {@code base-url}, {@code timeout} (milliseconds, the whole call) and an optional {@code bearer-token}. Calls go
 * through a circuit breaker ({@link CircuitBreakingRegistry}): options {@code circuit-breaker-window},
 * {@code circuit-breaker-minimum-calls}, {@code circuit-breaker-failure-rate}, {@code circuit-breaker-open-duration}
 * (milliseconds) and {@code circuit-breaker-half-open-calls}. TLS trusts the server's truststore
 * ({@code truststore-paths}) when one is configured; a proxy is the JVM's ({@code https.proxyHost}).
 */
public final class HttpPopulationRegistryProviderFactory implements PopulationRegistryProviderFactory {

    public static final String ID = "http";
    private static final Logger LOG = Logger.getLogger(HttpPopulationRegistryProviderFactory.class);

    private volatile PopulationRegistry registry;
    private String baseUrl;
    private int timeoutMillis;
    private String bearerToken;
    private CircuitBreakingRegistry.Settings breakerSettings;

    @Override
    public PopulationRegistryProvider create(KeycloakSession session) {
        PopulationRegistry r = registry;
        if (r == null) {
            throw new IllegalStateException("The HTTP population registry has no base URL (spi-population-registry--http--base-url)");
        }
        return () -> r;
    }

    @Override
    public void init(Config.Scope config) {
        baseUrl = config.get("base-url");
        timeoutMillis = Math.max(100, config.getInt("timeout", 3000));
        bearerToken = config.get("bearer-token");
        CircuitBreakingRegistry.Settings d = CircuitBreakingRegistry.Settings.DEFAULT;
        try {
            breakerSettings = new CircuitBreakingRegistry.Settings(
                    config.getInt("circuit-breaker-window", d.window()),
                    config.getInt("circuit-breaker-minimum-calls", d.minimumCalls()),
                    config.getInt("circuit-breaker-failure-rate", (int) d.failureRatePercent()),
                    Duration.ofMillis(config.getLong("circuit-breaker-open-duration", d.openDuration().toMillis())),
                    config.getInt("circuit-breaker-half-open-calls", d.halfOpenCalls()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Invalid spi-population-registry--http--circuit-breaker-* option: " + e.getMessage(), e);
        }
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        if (baseUrl == null || baseUrl.isBlank()) {
            if (factory.getProviderFactory(PopulationRegistryProvider.class) == this) {
                // selected but not told where the registry is: refuse to start rather than fail every login
                throw new IllegalStateException("The population registry provider is http but no base URL is set: "
                        + "set DINHDANH_REGISTRY_URL (spi-population-registry--http--base-url)");
            }
            return;
        }
        HttpPopulationRegistry.Builder builder = HttpPopulationRegistry.builder(URI.create(baseUrl)).timeout(Duration.ofMillis(timeoutMillis));
        if (bearerToken != null && !bearerToken.isBlank()) {
            builder.header("Authorization", "Bearer " + bearerToken);
        }
        Optional<SSLContext> tls = serverTruststore(factory);
        tls.ifPresent(context -> builder.httpClient(HttpClient.newBuilder().sslContext(context)
                .connectTimeout(Duration.ofMillis(timeoutMillis)).followRedirects(HttpClient.Redirect.NEVER).build()));
        registry = new CircuitBreakingRegistry(builder.build(), breakerSettings);
        LOG.infof("Population registry over HTTP at %s (timeout %d ms, %s; circuit breaker opens at %.0f%% failures of the last %d calls, "
                        + "at least %d, for %d ms, then %d trial calls)", URI.create(baseUrl).getHost(), timeoutMillis,
                tls.isPresent() ? "TLS trusts the server's truststore: truststore-paths, else the system CAs" : "TLS trusts the JVM's default CAs",
                breakerSettings.failureRatePercent(), breakerSettings.window(), breakerSettings.minimumCalls(),
                breakerSettings.openDuration().toMillis(), breakerSettings.halfOpenCalls());
    }

    /** TLS that trusts the server's configured truststore ({@code truststore-paths}), as Keycloak's own outgoing calls do. */
    private static Optional<SSLContext> serverTruststore(KeycloakSessionFactory factory) {
        KeycloakSession session = factory.create();
        try {
            Optional<KeyStore> store = KeycloakInternals.outgoingTruststore(session);
            if (store.isEmpty()) {
                return Optional.empty();
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store.get());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return Optional.of(context);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The server's truststore could not be used for the registry's TLS", e);
        } finally {
            session.close();
        }
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name("base-url").type("string").helpText("Base URL of the registry's API, e.g. https://registry.example/api/v1").add()
                .property().name("timeout").type("int").defaultValue(3000).helpText("The longest a call may take (connect and whole answer), milliseconds").add()
                .property().name("circuit-breaker-window").type("int").defaultValue(20).helpText("Calls the breaker's failure rate is measured over").add()
                .property().name("circuit-breaker-minimum-calls").type("int").defaultValue(10).helpText("Calls needed before the breaker may open").add()
                .property().name("circuit-breaker-failure-rate").type("int").defaultValue(50).helpText("Failure rate (percent) that opens the breaker").add()
                .property().name("circuit-breaker-open-duration").type("int").defaultValue(30000).helpText("How long the breaker stays open, milliseconds").add()
                .property().name("circuit-breaker-half-open-calls").type("int").defaultValue(3).helpText("Trial calls let through once it has been open that long").add()
                .property().name("bearer-token").type("string").helpText("Bearer token sent to the registry, if it needs one").add()
                .build();
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
