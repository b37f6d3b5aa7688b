package vn.dinhdanh.idp.subject;

import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sector a pairwise subject is computed for (OpenID Connect Core 8.1): the clients of one sector see one
 * {@code sub} for a citizen, clients of two sectors cannot join on it.
 *
 * <p>In order: the client's attribute {@value #ATTRIBUTE} (a host name, or a URL whose host is taken, as Core takes
 * the host of {@code sector_identifier_uri}); otherwise the host of the client's redirect URIs when they all share one;
 * otherwise (no redirect URI, or several hosts and no configured sector) the client itself, {@code client:<client_id>},
 * so that such a client still never sees the public {@code sub} nor another client's.
 */
public record SectorIdentifier(String value) {

    public static final String ATTRIBUTE = "dinhdanh.sector.identifier";

    public SectorIdentifier {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a sector identifier must not be blank");
        }
    }

    /** The sector of a client from its configured sector identifier, redirect URIs and client_id. */
    public static SectorIdentifier of(String configured, Collection<String> redirectUris, String clientId) {
        if (configured != null && !configured.isBlank()) {
            String host = host(configured.trim());
            return new SectorIdentifier(host != null ? host : configured.trim().toLowerCase(Locale.ROOT));
        }
        Set<String> hosts = new TreeSet<>();
        boolean unreadable = false;
        for (String uri : redirectUris == null ? Set.<String>of() : redirectUris) {
            String host = host(uri);
            if (host == null) {
                unreadable = true;
            } else {
                hosts.add(host);
            }
        }
        if (hosts.size() == 1 && !unreadable) {
            return new SectorIdentifier(hosts.iterator().next());
        }
        return new SectorIdentifier("client:" + clientId);
    }

    /** The lower-case host of an absolute URI (wildcards in the path are allowed); null if it has none. */
    static String host(String uri) {
        try {
            int star = uri.indexOf('*');
            String host = URI.create(star < 0 ? uri : uri.substring(0, star)).getHost();
            return host == null || host.isBlank() ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
