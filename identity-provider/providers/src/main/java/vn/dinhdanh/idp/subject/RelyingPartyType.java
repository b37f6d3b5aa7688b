package vn.dinhdanh.idp.subject;

import java.util.Locale;
import java.util.Optional;

/**
 * The kind of relying party a client is, from its attribute {@value #ATTRIBUTE}. The type chooses the client policy a
 * client falls under (FAPI 2.0 for banks and telecoms, the OAuth 2.1 profile for government portals) and its subject
 * type: private-sector clients get a pairwise {@code sub} (OpenID Connect Core 8.1), government portals the public one.
 */
public enum RelyingPartyType {
    GOVERNMENT(false),
    BANK(true),
    TELECOM(true);

    public static final String ATTRIBUTE = "dinhdanh.client.type";

    private final boolean privateSector;

    RelyingPartyType(boolean privateSector) {
        this.privateSector = privateSector;
    }

    /** Whether clients of this type are private-sector relying parties, who get pairwise subjects. */
    public boolean privateSector() {
        return privateSector;
    }

    /** The attribute's value for this type: {@code government}, {@code bank}, {@code telecom}. */
    public String attributeValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The type named by an attribute value, matched exactly as Keycloak's client-attributes condition matches it (so
     * that a client never gets the subject type of one type and the client policy of another); empty for no value or a
     * value that names no type.
     */
    public static Optional<RelyingPartyType> fromAttribute(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (RelyingPartyType type : values()) {
            if (type.attributeValue().equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
