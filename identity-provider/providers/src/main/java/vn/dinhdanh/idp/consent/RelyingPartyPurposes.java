package vn.dinhdanh.idp.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.keycloak.models.ClientModel;

/**
 * What a relying party declares in realm-config about the personal data it receives (Law 91/2025 on personal data
 * protection): its purposes ({@value #ATTRIBUTE}, a JSON array of {@link Purpose}) and, for a government client acting
 * under a legal basis that needs no consent, that basis ({@value #LEGAL_BASIS_ATTRIBUTE}). A client that declares no
 * purposes is outside this regime (Keycloak's own clients, such as the account console).
 *
 * @param purposes   the declared purposes, in their declared order
 * @param legalBasis the legal basis, if the client needs no consent
 */
public record RelyingPartyPurposes(List<Purpose> purposes, Optional<String> legalBasis) {

    public static final String ATTRIBUTE = "dinhdanh.purposes";
    public static final String LEGAL_BASIS_ATTRIBUTE = "dinhdanh.legal-basis";
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,64}");
    private static final Set<String> LANGUAGES = Set.of("vi", "en");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Declarations already read, by their text: every login reads its client's. */
    private static final Map<String, List<Purpose>> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The client's declaration; empty if it declares no purposes. */
    public static Optional<RelyingPartyPurposes> of(ClientModel client) {
        String purposes = client.getAttribute(ATTRIBUTE);
        if (purposes == null || purposes.isBlank()) {
            return Optional.empty();
        }
        String basis = client.getAttribute(LEGAL_BASIS_ATTRIBUTE);
        List<Purpose> parsed = PARSED.get(purposes);
        if (parsed == null) {
            parsed = parse(purposes);
            if (PARSED.size() > 1_000) {
                PARSED.clear();
            }
            PARSED.put(purposes, parsed);
        }
        return Optional.of(new RelyingPartyPurposes(parsed, Optional.ofNullable(basis).filter(b -> !b.isBlank())));
    }

    /**
     * The purposes of a {@value #ATTRIBUTE} value, checked: an id of {@code [a-z0-9-]}, unique; a title and a
     * description in both languages; at least one claim, each one of {@link Purpose#SCOPE_OF_CLAIM}.
     *
     * @throws InvalidPurposesException saying what is wrong, so that realm-config's tests and the login refuse it
     */
    public static List<Purpose> parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new InvalidPurposesException("not JSON");
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new InvalidPurposesException("must be a non-empty JSON array of purposes");
        }
        List<Purpose> purposes = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode p : root) {
            String id = p.path("id").asText("");
            if (!ID.matcher(id).matches() || !ids.add(id)) {
                throw new InvalidPurposesException("purpose id '" + id + "' must be unique and of [a-z0-9-], at most 64 characters");
            }
            List<String> claims = new ArrayList<>();
            for (JsonNode c : p.path("claims")) {
                if (!Purpose.SCOPE_OF_CLAIM.containsKey(c.asText())) {
                    throw new InvalidPurposesException("purpose " + id + ": unknown claim '" + c.asText() + "' (known: "
                            + new java.util.TreeSet<>(Purpose.SCOPE_OF_CLAIM.keySet()) + ")");
                }
                claims.add(c.asText());
            }
            if (claims.isEmpty()) {
                throw new InvalidPurposesException("purpose " + id + " names no claims");
            }
            purposes.add(new Purpose(id, texts(p, "title", id), texts(p, "description", id), List.copyOf(claims)));
        }
        return List.copyOf(purposes);
    }

    private static Map<String, String> texts(JsonNode purpose, String field, String id) {
        Map<String, String> texts = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = purpose.path(field).fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (LANGUAGES.contains(e.getKey()) && !e.getValue().asText().isBlank()) {
                texts.put(e.getKey(), e.getValue().asText());
            }
        }
        if (!texts.keySet().containsAll(LANGUAGES)) {
            throw new InvalidPurposesException("purpose " + id + ": " + field + " needs both vi and en");
        }
        return Map.copyOf(texts);
    }

    /** The purpose of this id, if declared. */
    public Optional<Purpose> purpose(String id) {
        return purposes.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** A {@value #ATTRIBUTE} value that cannot be used: the login refuses to release anything under it. */
    public static final class InvalidPurposesException extends RuntimeException {
        public InvalidPurposesException(String message) {
            super("Invalid " + ATTRIBUTE + ": " + message);
        }
    }
}
