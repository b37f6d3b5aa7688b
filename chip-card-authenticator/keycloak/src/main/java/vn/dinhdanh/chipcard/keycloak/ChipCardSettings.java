package vn.dinhdanh.chipcard.keycloak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import vn.dinhdanh.icao.IcaoException;
import vn.dinhdanh.icao.trust.ReloadableTrustStore;
import vn.dinhdanh.icao.trust.TrustExpiry;
import vn.dinhdanh.icao.trust.TrustStore;
import vn.dinhdanh.icao.trust.TrustStoreLoader;
import vn.dinhdanh.icao.verify.CardVerifier;
import vn.dinhdanh.icao.verify.VerifierConfig;
import vn.dinhdanh.idp.deployment.DeploymentProfile;

/**
 * Server-wide chip-card settings, read once from the {@code chip-card} realm resource's SPI options:
 * {@code trust-dir} (CSCA certificates, master lists and CRLs), {@code request-lifespan} (seconds, default
 * 180), {@code max-attempts} (bad submissions per request, default 3), and when to warn of what runs out:
 * {@code csca-warning-days} (default 90) and {@code crl-warning-hours} (default 48).
 */
public final class ChipCardSettings {

    private static final int CSCA_WARNING_DAYS = 90;
    private static final int CRL_WARNING_HOURS = 48;
    private static volatile ChipCardSettings current = new ChipCardSettings(null, 180, 3, expiry(CSCA_WARNING_DAYS, CRL_WARNING_HOURS));

    private final Path trustDir;
    private final int requestLifespanSeconds;
    private final int maxAttempts;
    private static final long TRUST_CHECK_SECONDS = 30;
    private static final Logger LOG = Logger.getLogger(ChipCardSettings.class);
    private volatile CardVerifier verifier;
    private ReloadableTrustStore trust;
    private String trustFingerprint;
    private volatile long trustCheckedAt;

    private final TrustExpiry expiry;

    private ChipCardSettings(Path trustDir, int requestLifespanSeconds, int maxAttempts, TrustExpiry expiry) {
        this.trustDir = trustDir;
        this.expiry = expiry;
        this.requestLifespanSeconds = requestLifespanSeconds;
        this.maxAttempts = maxAttempts;
    }

    static void configure(Config.Scope config) {
        String dir = config.get("trust-dir");
        current = new ChipCardSettings(dir == null || dir.isBlank() ? null : Path.of(dir),
                Math.max(30, Math.min(config.getInt("request-lifespan", 180), 600)),
                Math.max(1, config.getInt("max-attempts", 3)),
                expiry(config.getInt("csca-warning-days", CSCA_WARNING_DAYS), config.getInt("crl-warning-hours", CRL_WARNING_HOURS)));
    }

    private static TrustExpiry expiry(int cscaDays, int crlHours) {
        return new TrustExpiry(Duration.ofDays(Math.max(1, cscaDays)), Duration.ofHours(Math.max(1, crlHours)));
    }

    /** What in the trust in force runs out soon (a CSCA within {@code csca-warning-days}, a CRL within {@code crl-warning-hours}). */
    public List<TrustExpiry.Warning> expiryWarnings(TrustStore trust) {
        return expiry.warnings(trust, Instant.now());
    }

    private void logExpiryWarnings(TrustStore trust) {
        for (TrustExpiry.Warning w : expiryWarnings(trust)) {
            LOG.warnf("Chip-card trust: %s %s at %s; put a new one in the trust folder %s", w.code(), w.name(), w.at(), trustDir);
        }
    }

    /**
     * At the start of a production server: the trust folder is read now, and a demo or test CSCA in it stops the start
     * (later reloads leave such a CSCA out and report it among the load issues).
     */
    void refuseDemoTrustInProduction() {
        if (DeploymentProfile.isDemo() || trustDir == null) {
            return;
        }
        boolean demoAnchor;
        try {
            demoAnchor = TrustStoreLoader.builder().clock(Clock.systemUTC()).build().loadDirectory(trustDir).cscas().stream()
                    .anyMatch(csca -> DemoTrustAnchors.isDemo(csca.certificate()));
        } catch (IcaoException e) {
            LOG.errorf("Chip-card trust folder %s holds no usable CSCA (%s): chip-card logins fail until the state's CSCA certificates are there",
                    trustDir, e.code());
            return;
        }
        DeploymentProfile.refuseInProduction(demoAnchor, "the chip-card trust folder " + trustDir
                + " holds the demo CSCA or a test CSCA, whose private keys are published; give it the state's CSCA certificates only");
    }

    public static ChipCardSettings current() {
        return current;
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

    /**
     * The verifier over the trust folder, built on first use; fails closed when no trust is configured. The folder
     * is looked at again at most every {@value #TRUST_CHECK_SECONDS} seconds and re-read when a file in it changed
     * (a new CRL, a new CSCA), so that operators never need a restart.
     */
    public CardVerifier verifier() throws IcaoException {
        CardVerifier v = initialisedVerifier();
        if (System.nanoTime() - trustCheckedAt > TRUST_CHECK_SECONDS * 1_000_000_000L) {
            try {
                reloadTrust(false);
            } catch (IcaoException e) {
                LOG.errorf("Chip-card trust folder could not be re-read; the previous trust stays in force: %s", e.getMessage());
            }
        }
        return v;
    }

    private CardVerifier initialisedVerifier() throws IcaoException {
        CardVerifier v = verifier;
        if (v == null) {
            synchronized (this) {
                if (verifier == null) {
                    if (trustDir == null) {
                        throw new IllegalStateException("No chip-card trust store configured (spi-realm-restapi-extension--chip-card--trust-dir)");
                    }
                    // a production server leaves out (and reports) a demo or test CSCA; the demo profile trusts the demo one
                    trust = new ReloadableTrustStore(trustDir, TrustStoreLoader.builder().clock(Clock.systemUTC())
                            .refuseAnchors(c -> !DeploymentProfile.isDemo() && DemoTrustAnchors.isDemo(c)).build());
                    trustFingerprint = fingerprint();
                    trustCheckedAt = System.nanoTime();
                    logExpiryWarnings(trust.current());
                    verifier = new CardVerifier(trust, VerifierConfig.builder().clock(Clock.systemUTC()).expectedIssuingState("VNM").build());
                }
                v = verifier;
            }
        }
        return v;
    }

    /**
     * Re-reads the trust folder now ({@code always}) or only if a file in it changed. A folder that fails to load
     * keeps the previous trust (the reason is in the answer's load issues).
     *
     * @return the trust in force afterwards
     */
    public synchronized TrustStore reloadTrust(boolean always) throws IcaoException {
        initialisedVerifier();
        trustCheckedAt = System.nanoTime();
        String now = fingerprint();
        if (always || !now.equals(trustFingerprint)) {
            TrustStore fresh = trust.reload();
            // only a folder read without trouble is taken as seen: otherwise the next look tries again
            if (fresh.issues().isEmpty()) {
                trustFingerprint = now;
            }
            LOG.infof("Chip-card trust reloaded: %d CSCA certificates, %d CRLs, %d load issues", fresh.cscas().size(), fresh.crls().size(),
                    fresh.issues().size());
            logExpiryWarnings(fresh);
        }
        return trust.current();
    }

    /**
     * Names and SHA-256 of the folder's files: changes when an operator drops in or replaces a file, even one copied
     * with its old size and time. The folder holds a few certificates and CRLs, read every 30 seconds at most.
     */
    private String fingerprint() {
        try (Stream<Path> files = Files.list(trustDir)) {
            return files.sorted().map(f -> {
                try {
                    return f.getFileName() + ":" + java.util.HexFormat.of().formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
                } catch (IOException | java.security.NoSuchAlgorithmException e) {
                    return f.getFileName() + ":?";
                }
            }).collect(Collectors.joining(","));
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
