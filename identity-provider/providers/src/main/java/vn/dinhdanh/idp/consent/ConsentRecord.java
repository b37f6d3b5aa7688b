package vn.dinhdanh.idp.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.keycloak.common.util.Time;

/**
 * A citizen's decision on one purpose of one relying party, as it can be proven later: when, which purpose, which
 * claims, and the exact wording the page showed, in the language it was shown in (with its SHA-256, which the audit
 * trail keeps too). A withdrawal is a record of its own; nothing is overwritten.
 *
 * @param source where the decision was taken: {@value #LOGIN_PAGE}, {@value #ACCOUNT_CONSOLE} or {@value #CONSENT_API}
 */
public record ConsentRecord(String id, String realmId, String userId, String client, String purpose, Decision decision,
                            String source, List<String> claims, String locale, String wording, String wordingSha256,
                            long recordedAt) {

    public static final String LOGIN_PAGE = "login-page";
    public static final String ACCOUNT_CONSOLE = "account-console";
    public static final String CONSENT_API = "consent-api";
    /** Keycloak's consent to the client was gone (removed by an administrator) while this purpose still stood given. */
    public static final String CONSENT_REMOVED = "consent-removed";

    public enum Decision {
        /** The citizen ticked the purpose and confirmed. */
        GIVEN,
        /** The page showed the purpose and the citizen did not tick it, or refused everything. */
        REFUSED,
        /** A consent given earlier, withdrawn. */
        WITHDRAWN
    }

    public static ConsentRecord decided(String realmId, String userId, String client, String purpose, Decision decision, String source,
                                        List<String> claims, String locale, String wording) {
        return new ConsentRecord(UUID.randomUUID().toString(), realmId, userId, client, purpose, decision, source, List.copyOf(claims),
                locale, wording, wording == null ? null : sha256(wording), Time.currentTimeMillis());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
