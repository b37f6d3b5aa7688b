package vn.dinhdanh.idp.protocol;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The RFC 8176 authentication methods ({@code pwd}, {@code otp}, {@code sms}, {@code sc}, {@code hwk}, ...) used
 * in a login, kept as a user-session note that {@link AuthenticationMethodsMapper} turns into the {@code amr} claim.
 */
public final class AuthenticationMethods {

    public static final String NOTE = "dinhdanh.amr";

    private AuthenticationMethods() {
    }

    public static void add(AuthenticationSessionModel auth, String... methods) {
        Set<String> all = new LinkedHashSet<>(parse(auth.getUserSessionNotes().get(NOTE)));
        all.addAll(List.of(methods));
        auth.setUserSessionNote(NOTE, String.join(" ", all));
    }

    /** Whether this authentication used the method (e.g. {@code sc}: the chip card was proven in it). */
    public static boolean used(AuthenticationSessionModel auth, String method) {
        return parse(auth.getUserSessionNotes().get(NOTE)).contains(method);
    }

    static List<String> parse(String note) {
        List<String> methods = new ArrayList<>();
        if (note != null) {
            for (String m : note.split(" ")) {
                if (!m.isBlank()) {
                    methods.add(m);
                }
            }
        }
        return methods;
    }
}
