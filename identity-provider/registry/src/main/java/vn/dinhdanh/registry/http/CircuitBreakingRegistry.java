package vn.dinhdanh.registry.http;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import vn.dinhdanh.registry.Citizen;
import vn.dinhdanh.registry.IdentityCard;
import vn.dinhdanh.registry.PersonalIdNumber;
import vn.dinhdanh.registry.PopulationRegistry;
import vn.dinhdanh.registry.RegistryUnavailableException;

/**
 * A {@link PopulationRegistry} behind a circuit breaker (resilience4j): when too many of the last calls failed
 * ({@link RegistryUnavailableException}: a timeout, a refused connection, an answer that could not be read), the
 * breaker opens and every call fails at once with {@link RegistryUnavailableException}, without waiting for a registry
 * that does not answer, so that logins get the "registry unavailable" page quickly and the registry gets room to
 * recover. After {@link Settings#openDuration()} the next calls are let through on trial (half open): if they succeed
 * the breaker closes, if they fail it opens again. An unknown citizen is an answer, not a failure.
 *
 * <p>State changes are logged (category {@code vn.dinhdanh.registry.http.CircuitBreakingRegistry}) with the failure
 * rate only: the breaker never sees a personal ID number.
 */
public final class CircuitBreakingRegistry implements PopulationRegistry {

    private static final Logger LOG = Logger.getLogger(CircuitBreakingRegistry.class);

    private final PopulationRegistry registry;
    private final CircuitBreaker breaker;

    public CircuitBreakingRegistry(PopulationRegistry registry, Settings settings) {
        this(registry, settings, Clock.systemUTC());
    }

    /** With the clock the breaker measures its open duration by (tests). */
    public CircuitBreakingRegistry(PopulationRegistry registry, Settings settings, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(settings, "settings");
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindow(settings.window(), settings.minimumCalls(), SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(settings.failureRatePercent())
                .waitDurationInOpenState(settings.openDuration())
                .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
                .recordException(RegistryUnavailableException.class::isInstance)
                .clock(Objects.requireNonNull(clock, "clock"))
                .build();
        this.breaker = CircuitBreaker.of("population-registry", config);
        breaker.getEventPublisher().onStateTransition(event -> logTransition(event.getStateTransition()));
    }

    private void logTransition(CircuitBreaker.StateTransition transition) {
        CircuitBreaker.Metrics metrics = breaker.getMetrics();
        String rate = metrics.getFailureRate() < 0 ? "no calls measured yet"
                : String.format("failure rate %.0f%% of the last %d calls", metrics.getFailureRate(), metrics.getNumberOfBufferedCalls());
        Logger.Level level = transition.getToState() == CircuitBreaker.State.CLOSED ? Logger.Level.INFO : Logger.Level.WARN;
        LOG.logf(level, "Population registry circuit breaker %s -> %s (%s)%s", transition.getFromState(), transition.getToState(), rate,
                transition.getToState() == CircuitBreaker.State.OPEN ? ": registry calls fail at once as registry_unavailable" : "");
    }

    /** CLOSED (calls go through), OPEN (they fail at once) or HALF_OPEN (a few go through on trial). */
    public String state() {
        return breaker.getState().name();
    }

    @Override
    public Optional<Citizen> findCitizen(PersonalIdNumber pin) {
        return call(() -> registry.findCitizen(pin));
    }

    @Override
    public Optional<IdentityCard> currentCard(PersonalIdNumber pin) {
        return call(() -> registry.currentCard(pin));
    }

    @Override
    public List<IdentityCard> cards(PersonalIdNumber pin) {
        return call(() -> registry.cards(pin));
    }

    @Override
    public long countCitizens() {
        return call(registry::countCitizens);
    }

    private <T> T call(Supplier<T> lookup) {
        try {
            return breaker.executeSupplier(lookup);
        } catch (CallNotPermittedException e) {
            throw new RegistryUnavailableException("Registry not called: its circuit breaker is open after repeated failures");
        }
    }

    /**
     * When the breaker opens: at least {@code minimumCalls} of the last {@code window} calls made, and
     * {@code failureRatePercent} or more of them failed. It stays open {@code openDuration}, then lets
     * {@code halfOpenCalls} calls through on trial.
     */
    public record Settings(int window, int minimumCalls, float failureRatePercent, Duration openDuration, int halfOpenCalls) {

        /** 20 calls, at least 10 of them, half failing; open 30 s; 3 trial calls. */
        public static final Settings DEFAULT = new Settings(20, 10, 50f, Duration.ofSeconds(30), 3);

        public Settings {
            if (window < 1 || minimumCalls < 1 || halfOpenCalls < 1) {
                throw new IllegalArgumentException("window, minimumCalls and halfOpenCalls must be at least 1");
            }
            if (minimumCalls > window) {
                throw new IllegalArgumentException("minimumCalls must not exceed window");
            }
            if (!(failureRatePercent > 0 && failureRatePercent <= 100)) {
                throw new IllegalArgumentException("failureRatePercent must be in (0, 100]");
            }
            Objects.requireNonNull(openDuration, "openDuration");
            if (openDuration.compareTo(Duration.ofMillis(1)) < 0) {
                throw new IllegalArgumentException("openDuration must be at least 1 ms");
            }
        }
    }
}
