package vn.dinhdanh.idp.consent;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One purpose a relying party declares in realm-config (client attribute {@value RelyingPartyPurposes#ATTRIBUTE}): why
 * it wants citizen data, in Vietnamese and English, and the claims that purpose needs. A citizen consents (or not) to
 * each purpose on its own; the claims of the purposes consented to are all the relying party receives.
 *
 * @param id          stable identifier, recorded with each decision ({@code [a-z0-9-]}, at most 64 characters)
 * @param title       short title by language ({@code vi}, {@code en})
 * @param description what the data is used for, by language
 * @param claims      the claims the purpose needs (names from {@link #SCOPE_OF_CLAIM})
 */
public record Purpose(String id, Map<String, String> title, Map<String, String> description, List<String> claims) {

    /**
     * The claims a purpose may name, each with the client scope that releases it. The scopes are those of the citizens
     * realm; a purpose needs the scopes of its claims.
     */
    public static final Map<String, String> SCOPE_OF_CLAIM = Map.ofEntries(
            Map.entry("name", "profile"),
            Map.entry("family_name", "profile"),
            Map.entry("given_name", "profile"),
            Map.entry("birthdate", "profile"),
            Map.entry("gender", "profile"),
            Map.entry("address", "address"),
            Map.entry("phone_number", "phone"),
            Map.entry("personal_id_number", "citizen_id"),
            Map.entry("verified_claims", "verified-claims"),
            Map.entry("ekyc", "ekyc"));

    /** The client scopes this purpose needs. */
    public Set<String> scopes() {
        Set<String> scopes = new LinkedHashSet<>();
        claims.forEach(claim -> scopes.add(SCOPE_OF_CLAIM.get(claim)));
        return scopes;
    }

    /** The title in this language, or in Vietnamese (the realm's default), or in English. */
    public String title(Locale locale) {
        return inLanguage(title, locale);
    }

    public String description(Locale locale) {
        return inLanguage(description, locale);
    }

    private static String inLanguage(Map<String, String> texts, Locale locale) {
        String text = texts.get(locale.getLanguage());
        return text != null ? text : texts.getOrDefault("vi", texts.get("en"));
    }
}
