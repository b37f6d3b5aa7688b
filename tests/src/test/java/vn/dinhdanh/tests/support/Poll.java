package vn.dinhdanh.tests.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Waits for a condition the server reaches asynchronously, by asking again until a deadline. */
public final class Poll {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration INTERVAL = Duration.ofMillis(100);

    private Poll() {
    }

    /** Asks {@code probe} until it yields a value, and returns it; fails with {@code what} after the timeout. */
    public static <T> T until(String what, Supplier<Optional<T>> probe) {
        Instant deadline = Instant.now().plus(DEFAULT_TIMEOUT);
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + DEFAULT_TIMEOUT.toSeconds() + "s waiting for " + what);
            }
            LockSupport.parkNanos(INTERVAL.toNanos());
        }
    }
}
