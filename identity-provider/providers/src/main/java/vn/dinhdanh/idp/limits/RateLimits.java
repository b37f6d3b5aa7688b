package vn.dinhdanh.idp.limits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.OptionalLong;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Limits on how often something may happen (an SMS sent to one number, a registration from one address...), counted
 * in fixed windows in Keycloak's single-use object store, which a cluster replicates: a limit holds across logins,
 * browsers and nodes. Each event takes one numbered slot of its window with an atomic put-if-absent; when every slot
 * is taken the event is refused until the window ends. The subject (a phone number, an address, an account id) is
 * hashed into the key, so the store holds no number or address in clear.
 *
 * <p>Each limit has a default and can be changed per realm with the realm attribute
 * {@code dinhdanh.limits.<name>} = {@code <count>/<seconds>}, for example {@code 5/3600}.
 */
public final class RateLimits {

    /** At most {@code max} events per {@code windowSeconds}. */
    public record Limit(String name, int max, int windowSeconds) {

        public Limit {
            Objects.requireNonNull(name, "name");
            if (max < 1 || max > 10_000 || windowSeconds < 1 || windowSeconds > 7 * 86_400) {
                throw new IllegalArgumentException("limit " + name + " must be 1..10000 events per 1..604800 seconds");
            }
        }

        /** This limit as the realm sets it ({@code dinhdanh.limits.<name>}), or as defined when the realm says nothing valid. */
        public Limit in(RealmModel realm) {
            String value = realm == null ? null : realm.getAttribute(ATTRIBUTE_PREFIX + name);
            if (value == null || value.isBlank()) {
                return this;
            }
            try {
                String[] parts = value.trim().split("/", 2);
                return new Limit(name, Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            } catch (RuntimeException e) {
                LOG.warnf("Realm attribute %s%s=%s is not <count>/<seconds> within bounds; the default %d/%d applies",
                        ATTRIBUTE_PREFIX, name, value, max, windowSeconds);
                return this;
            }
        }
    }

    public static final String ATTRIBUTE_PREFIX = "dinhdanh.limits.";

    /** Wrong passwords from one client address, whatever the numbers typed (spraying many numbers from one place). */
    public static final Limit WRONG_PASSWORDS_PER_ADDRESS = new Limit("login.address", 100, 600);
    /** Chip-card login requests (QR codes) made for one client address. */
    public static final Limit CHIP_REQUESTS_PER_ADDRESS = new Limit("chip.request.address", 300, 600);
    /** Chip-card evidence posts from one client address (each request also dies after three bad ones). */
    public static final Limit CHIP_EVIDENCE_PER_ADDRESS = new Limit("chip.evidence.address", 300, 600);
    /** eKYC calls (challenges and verifications) of one relying party. */
    public static final Limit EKYC_PER_CLIENT = new Limit("ekyc.client", 600, 60);

    /** The HTTP answer header that says when to retry a refused request. */
    public static final String RETRY_AFTER = "Retry-After";
    private static final String KEY_PREFIX = "dinhdanh.limit.";
    private static final Logger LOG = Logger.getLogger(RateLimits.class);

    private final SingleUseObjectProvider store;
    private final RealmModel realm;

    public RateLimits(KeycloakSession session, RealmModel realm) {
        this.store = session.singleUseObjects();
        this.realm = realm;
    }

    /**
     * Counts one event of this subject against the limit (as the realm sets it).
     *
     * @return empty when the event may happen (it is counted), else the seconds until it may happen again
     */
    public OptionalLong take(Limit limit, String subject) {
        Window w = new Window(limit.in(realm), subject);
        for (int slot = w.taken(); slot < w.limit.max(); slot++) {
            if (store.putIfAbsent(w.base + slot, w.secondsLeft)) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(w.secondsLeft);
    }

    /**
     * Whether the limit is reached for this subject, without counting anything (for events counted only when they
     * turn out to be refusals).
     *
     * @return empty while events may still happen, else the seconds until they may again
     */
    public OptionalLong exhausted(Limit limit, String subject) {
        Window w = new Window(limit.in(realm), subject);
        return w.taken() < w.limit.max() ? OptionalLong.empty() : OptionalLong.of(w.secondsLeft);
    }

    /** The current window of a limit for one subject. */
    private final class Window {
        final Limit limit;
        final long secondsLeft;
        final String base;

        Window(Limit limit, String subject) {
            this.limit = limit;
            long now = Time.currentTime();
            long window = now / limit.windowSeconds();
            this.secondsLeft = Math.max(1, (window + 1) * limit.windowSeconds() - now);
            this.base = KEY_PREFIX + realm.getId() + "." + limit.name() + "." + digest(subject) + "." + window + ".";
        }

        /** Slots are taken in order, so the taken ones are 0..n-1: n, found by halving. */
        int taken() {
            int low = 0;
            int high = limit.max();
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (store.contains(base + mid)) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }
    }

    private static String digest(String subject) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(String.valueOf(subject).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
