package vn.dinhdanh.idp.limits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Wrong passwords counted per personal ID number typed, whether or not the number has an account, so that every
 * number gets the same answers in the same order: Keycloak's brute-force protection locks only accounts that exist,
 * which told an attacker which numbers have one. The pause follows the realm's own brute-force settings (failure
 * factor, wait increment up to the maximum wait, quick-login check), kept in the cluster-wide single-use store under a
 * hash of the number.
 */
public final class PasswordAttempts {

    private static final String KEY = "dinhdanh.password-attempts.";

    private final SingleUseObjectProvider store;
    private final RealmModel realm;

    public PasswordAttempts(KeycloakSession session, RealmModel realm) {
        this.store = session.singleUseObjects();
        this.realm = realm;
    }

    /** Seconds this number must still wait before a password is checked again; 0 when it may try now. */
    public long pausedFor(String number) {
        Map<String, String> state = store.get(key(number));
        if (state == null) {
            return 0;
        }
        return Math.max(0, parse(state.get("paused-until")) - Time.currentTime());
    }

    /** One more wrong password for this number (an unknown number counts like a known one). */
    public void failed(String number) {
        String key = key(number);
        Map<String, String> state = store.get(key);
        long nowMillis = Time.currentTimeMillis();
        long now = nowMillis / 1000;
        long failures = state == null ? 0 : parse(state.get("failures"));
        long last = state == null ? 0 : parse(state.get("last-failure-ms"));
        long pausedUntil = state == null ? 0 : parse(state.get("paused-until"));
        if (last > 0 && nowMillis - last > realm.getMaxDeltaTimeSeconds() * 1000L) {
            failures = 0;
        }
        failures++;
        if (last > 0 && nowMillis - last < realm.getQuickLoginCheckMilliSeconds()) {
            pausedUntil = Math.max(pausedUntil, now + realm.getMinimumQuickLoginWaitSeconds());
        }
        int factor = Math.max(1, realm.getFailureFactor());
        if (failures >= factor) {
            long wait = (long) realm.getWaitIncrementSeconds() * (failures / factor);
            pausedUntil = Math.max(pausedUntil, now + Math.min(wait, realm.getMaxFailureWaitSeconds()));
        }
        long lifespan = Math.max(realm.getMaxDeltaTimeSeconds(), pausedUntil - now) + 1;
        store.put(key, lifespan, Map.of("failures", Long.toString(failures), "last-failure-ms", Long.toString(nowMillis),
                "paused-until", Long.toString(pausedUntil)));
    }

    /** The right password: this number starts again from nothing, as Keycloak's own count does. */
    public void succeeded(String number) {
        store.remove(key(number));
    }

    private String key(String number) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((realm.getId() + "\n" + number).getBytes(StandardCharsets.UTF_8));
            return KEY + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static long parse(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
