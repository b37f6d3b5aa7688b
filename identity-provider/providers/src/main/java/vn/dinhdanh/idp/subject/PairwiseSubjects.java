package vn.dinhdanh.idp.subject;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pairwise subject identifiers (OpenID Connect Core 8.1): {@code sub} = base64url(HMAC-SHA-256(salt, sector NUL
 * account id)). Stable for one citizen in one sector; without the salt, which stays on the server, no one can compute
 * it from the account id, nor link two sectors' values.
 */
public final class PairwiseSubjects {

    /** Salts that start with this are published demo values; a production start refuses them. */
    public static final String DEMO_SALT_PREFIX = "DEMO-ONLY";
    public static final int MIN_SALT_LENGTH = 32;

    private final SecretKeySpec salt;

    /** @throws IllegalArgumentException for a missing salt or one shorter than {@value #MIN_SALT_LENGTH} characters */
    public PairwiseSubjects(String salt) {
        if (salt == null || salt.length() < MIN_SALT_LENGTH) {
            throw new IllegalArgumentException("the pairwise subject salt must have at least " + MIN_SALT_LENGTH + " characters");
        }
        this.salt = new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The pairwise {@code sub} of this account in this sector. */
    public String subject(SectorIdentifier sector, String accountId) {
        if (accountId == null || accountId.isEmpty()) {
            throw new IllegalArgumentException("no account id");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(salt);
            mac.update(sector.value().getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(accountId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
