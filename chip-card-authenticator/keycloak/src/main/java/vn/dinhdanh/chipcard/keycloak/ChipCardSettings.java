package vn.dinhdanh.chipcard.keycloak;

import java.nio.file.Path;
import java.time.Clock;
import org.keycloak.Config;
import vn.dinhdanh.icao.IcaoException;
import vn.dinhdanh.icao.trust.ReloadableTrustStore;
import vn.dinhdanh.icao.verify.CardVerifier;
import vn.dinhdanh.icao.verify.VerifierConfig;

/**
 * Server-wide chip-card settings, read once from the {@code chip-card} realm resource's SPI options:
 * {@code trust-dir} (CSCA certificates, master lists and CRLs), {@code request-lifespan} (seconds, default
 * 180) and {@code max-attempts} (bad submissions per request, default 3).
 */
public final class ChipCardSettings {

    private static volatile ChipCardSettings current = new ChipCardSettings(null, 180, 3);

    private final Path trustDir;
    private final int requestLifespanSeconds;
    private final int maxAttempts;
    private volatile CardVerifier verifier;

    private ChipCardSettings(Path trustDir, int requestLifespanSeconds, int maxAttempts) {
        this.trustDir = trustDir;
        this.requestLifespanSeconds = requestLifespanSeconds;
        this.maxAttempts = maxAttempts;
    }

    static void configure(Config.Scope config) {
        String dir = config.get("trust-dir");
        current = new ChipCardSettings(dir == null || dir.isBlank() ? null : Path.of(dir),
                Math.max(30, Math.min(config.getInt("request-lifespan", 180), 600)),
                Math.max(1, config.getInt("max-attempts", 3)));
    }

    public static ChipCardSettings current() {
        return current;
    }

    public int requestLifespanSeconds() {
        return requestLifespanSeconds;
    }

    /** Realm attribute that overrides the request lifespan for one realm (seconds, 5 to 600), set through the admin API. */
    public static final String REALM_LIFESPAN_ATTRIBUTE = "dinhdanh.chipCard.requestLifespan";

    /** The lifespan of a new request in this realm: the realm's own setting if it has a valid one, else the server's. */
    public int requestLifespanSeconds(org.keycloak.models.RealmModel realm) {
        String own = realm.getAttribute(REALM_LIFESPAN_ATTRIBUTE);
        if (own != null && own.matches("\\d{1,3}")) {
            int seconds = Integer.parseInt(own);
            if (seconds >= 5 && seconds <= 600) {
                return seconds;
            }
        }
        return requestLifespanSeconds;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** The verifier over the trust folder, built on first use; fails closed when no trust is configured. */
    public CardVerifier verifier() throws IcaoException {
        CardVerifier v = verifier;
        if (v == null) {
            synchronized (this) {
                if (verifier == null) {
                    if (trustDir == null) {
                        throw new IllegalStateException("No chip-card trust store configured (spi-realm-restapi-extension--chip-card--trust-dir)");
                    }
                    verifier = new CardVerifier(new ReloadableTrustStore(trustDir),
                            VerifierConfig.builder().clock(Clock.systemUTC()).expectedIssuingState("VNM").build());
                }
                v = verifier;
            }
        }
        return v;
    }
}
