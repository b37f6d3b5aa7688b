package vn.dinhdanh.idp.consent;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.models.AuthenticatedClientSessionModel;

/**
 * The claims a relying party that declares purposes may receive in one login: those of the purposes the citizen
 * consented to (or, for a client under a legal basis, of its declared purposes). The login notes them on the client
 * session ({@value #NOTE}); the claim mappers release nothing else. A client that declares no purposes is not limited
 * here. A client that declares purposes but whose session carries no note receives none of them: silence is not consent.
 */
public final class ConsentedClaims {

    /** Client note (copied by Keycloak onto the client session): the claims released in this login, space-separated. */
    public static final String NOTE = "dinhdanh.consent.claims";

    private ConsentedClaims() {
    }

    /** The claims this client session may carry; empty when the client is not limited by purposes. */
    public static Optional<Set<String>> of(AuthenticatedClientSessionModel clientSession) {
        if (clientSession.getClient().getAttribute(RelyingPartyPurposes.ATTRIBUTE) == null) {
            return Optional.empty();
        }
        return Optional.of(parse(clientSession.getNote(NOTE)));
    }

    /** Whether this client session may carry this claim. */
    public static boolean allows(AuthenticatedClientSessionModel clientSession, String claim) {
        return of(clientSession).map(allowed -> allows(allowed, claim)).orElse(true);
    }

    /** Whether a login limited to these claims ({@link #of}) may carry this claim. */
    public static boolean allows(Set<String> allowed, String claim) {
        return allowed.contains(allowedAs(claim));
    }

    /** {@code phone_number_verified} goes with {@code phone_number}. */
    private static String allowedAs(String claim) {
        return "phone_number_verified".equals(claim) ? "phone_number" : claim;
    }

    static String note(Collection<String> claims) {
        return String.join(" ", claims);
    }

    static Set<String> parse(String note) {
        return note == null || note.isBlank() ? Set.of() : Arrays.stream(note.trim().split(" ")).collect(Collectors.toUnmodifiableSet());
    }
}
