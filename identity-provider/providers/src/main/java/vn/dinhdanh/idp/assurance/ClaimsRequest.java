package vn.dinhdanh.idp.assurance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The OIDC {@code claims} request parameter (OpenID Connect Core 5.5), read the way OpenID Connect for Identity
 * Assurance 1.0 extends it: individual claims may carry {@code purpose}, and {@code id_token} and {@code userinfo} may
 * hold {@code verified_claims}, one request object or an array of them. {@link #parse} either returns a request whose
 * every {@code verified_claims} element passed the rules of the specification's request schema, or throws
 * {@link InvalidClaimsRequestException}. Members this server does not know are kept but never acted on.
 */
public final class ClaimsRequest {

    /** Where the relying party wants claims. */
    public enum Target {
        ID_TOKEN("id_token"), USERINFO("userinfo");

        private final String member;

        Target(String member) {
            this.member = member;
        }

        public String member() {
            return member;
        }
    }

    public static final String VERIFIED_CLAIMS = "verified_claims";
    /** The members of a claim request object that constrain or describe it, rather than name a sub-element. */
    static final Set<String> CONTROL_MEMBERS = Set.of("essential", "value", "values", "max_age", "purpose");
    private static final Set<String> EVIDENCE_TYPES = Set.of("document", "electronic_record", "vouch", "electronic_signature");
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private static final ClaimsRequest NONE = new ClaimsRequest(JSON.createObjectNode(), Map.of());

    private final ObjectNode root;
    private final Map<Target, VerifiedClaimsQuery> verifiedClaims;

    private ClaimsRequest(ObjectNode root, Map<Target, VerifiedClaimsQuery> verifiedClaims) {
        this.root = root;
        this.verifiedClaims = verifiedClaims;
    }

    /** What one target's {@code verified_claims} asks: its elements, and whether they came as an array. */
    public record VerifiedClaimsQuery(List<VerifiedClaimsRequest> elements, boolean array) {
        public VerifiedClaimsQuery {
            elements = List.copyOf(elements);
        }
    }

    /** An absent or blank parameter is an empty request. */
    public static ClaimsRequest parse(String parameter) throws InvalidClaimsRequestException {
        if (parameter == null || parameter.isBlank()) {
            return NONE;
        }
        JsonNode root;
        try {
            root = JSON.readTree(parameter);
        } catch (JsonProcessingException e) {
            throw new InvalidClaimsRequestException("the claims parameter is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidClaimsRequestException("the claims parameter is not a JSON object");
        }
        Map<Target, VerifiedClaimsQuery> verified = new java.util.EnumMap<>(Target.class);
        for (Target target : Target.values()) {
            JsonNode member = root.get(target.member());
            if (member == null || member.isNull()) {
                continue;
            }
            if (!member.isObject()) {
                throw new InvalidClaimsRequestException("the " + target.member() + " member of the claims parameter is not a JSON object");
            }
            Iterator<Map.Entry<String, JsonNode>> claims = member.fields();
            while (claims.hasNext()) {
                Map.Entry<String, JsonNode> claim = claims.next();
                if (!claim.getKey().equals(VERIFIED_CLAIMS)) {
                    individualClaim(claim.getValue(), "a claim in " + target.member());
                }
            }
            JsonNode vc = member.get(VERIFIED_CLAIMS);
            if (vc != null) {
                verified.put(target, verifiedClaims(vc, target.member() + "." + VERIFIED_CLAIMS));
            }
        }
        return new ClaimsRequest((ObjectNode) root, Map.copyOf(verified));
    }

    /** The {@code verified_claims} the relying party asked for in this target, if it did. */
    public Optional<VerifiedClaimsQuery> verifiedClaims(Target target) {
        return Optional.ofNullable(verifiedClaims.get(target));
    }

    /** Whether the request names this individual claim in this target (OpenID Connect Core 5.5). */
    public boolean names(Target target, String claim) {
        JsonNode member = root.get(target.member());
        return member != null && member.isObject() && member.has(claim);
    }

    /** Whether it names this individual claim in either target. */
    public boolean names(String claim) {
        return names(Target.ID_TOKEN, claim) || names(Target.USERINFO, claim);
    }

    private static VerifiedClaimsQuery verifiedClaims(JsonNode node, String where) throws InvalidClaimsRequestException {
        if (node.isArray()) {
            List<VerifiedClaimsRequest> elements = new ArrayList<>();
            for (JsonNode element : node) {
                elements.add(verifiedClaimsElement(element, where));
            }
            return new VerifiedClaimsQuery(elements, true);
        }
        return new VerifiedClaimsQuery(List.of(verifiedClaimsElement(node, where)), false);
    }

    private static VerifiedClaimsRequest verifiedClaimsElement(JsonNode node, String where) throws InvalidClaimsRequestException {
        if (!node.isObject()) {
            throw new InvalidClaimsRequestException(where + " must be a JSON object or an array of JSON objects");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("verification") && !name.equals("claims")) {
                throw new InvalidClaimsRequestException(where + " may hold only verification and claims");
            }
        }
        JsonNode verification = node.get("verification");
        if (verification == null) {
            throw new InvalidClaimsRequestException(where + " needs a verification element");
        }
        if (!node.has("claims")) {
            throw new InvalidClaimsRequestException(where + " needs a claims element");
        }
        verification(verification, where + ".verification");
        JsonNode claims = node.get("claims");
        List<String> requested = new ArrayList<>();
        if (!claims.isNull()) {
            if (!claims.isObject() || claims.isEmpty()) {
                throw new InvalidClaimsRequestException(where + ".claims must be null or a JSON object naming at least one claim");
            }
            Iterator<Map.Entry<String, JsonNode>> each = claims.fields();
            while (each.hasNext()) {
                Map.Entry<String, JsonNode> claim = each.next();
                individualClaim(claim.getValue(), "a claim in " + where + ".claims");
                requested.add(claim.getKey());
            }
        }
        return new VerifiedClaimsRequest(verification.deepCopy(), requested);
    }

    private static void verification(JsonNode node, String where) throws InvalidClaimsRequestException {
        if (!node.isObject()) {
            throw new InvalidClaimsRequestException(where + " must be a JSON object");
        }
        if (!node.has("trust_framework")) {
            throw new InvalidClaimsRequestException(where + " needs a trust_framework element");
        }
        constrainable(node.get("trust_framework"), where + ".trust_framework");
        optional(node, "assurance_level", where, ClaimsRequest::constrainable);
        optional(node, "time", where, ClaimsRequest::datetime);
        optional(node, "verification_process", where, ClaimsRequest::simple);
        JsonNode evidence = node.get("evidence");
        if (evidence != null) {
            if (!evidence.isArray() || evidence.isEmpty()) {
                throw new InvalidClaimsRequestException(where + ".evidence must be a non-empty array");
            }
            for (JsonNode item : evidence) {
                evidence(item, where + ".evidence");
            }
        }
    }

    private static void evidence(JsonNode node, String where) throws InvalidClaimsRequestException {
        if (!node.isObject()) {
            throw new InvalidClaimsRequestException("each element of " + where + " must be a JSON object");
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isObject()) {
            throw new InvalidClaimsRequestException("each element of " + where + " needs a type element (a JSON object)");
        }
        JsonNode value = type.get("value");
        if (value != null && !(value.isTextual() && EVIDENCE_TYPES.contains(value.asText()))) {
            throw new InvalidClaimsRequestException(where + ": type.value must be document, electronic_record, vouch or electronic_signature");
        }
        JsonNode checks = node.get("check_details");
        if (checks != null) {
            if (!checks.isArray() || checks.isEmpty()) {
                throw new InvalidClaimsRequestException(where + ": check_details must be a non-empty array");
            }
            for (JsonNode check : checks) {
                if (!check.isObject() || !check.has("check_method")) {
                    throw new InvalidClaimsRequestException(where + ": each element of check_details must be a JSON object with check_method");
                }
                constrainable(check.get("check_method"), where + ".check_details.check_method");
                optional(check, "check_id", where + ".check_details", ClaimsRequest::constrainable);
                optional(check, "organization", where + ".check_details", ClaimsRequest::constrainable);
                optional(check, "time", where + ".check_details", ClaimsRequest::datetime);
            }
        }
        optional(node, "time", where, ClaimsRequest::datetime);
        optional(node, "attachments", where, ClaimsRequest::simple);
        JsonNode details = node.get("document_details");
        if (details != null) {
            if (!details.isObject()) {
                throw new InvalidClaimsRequestException(where + ": document_details must be a JSON object");
            }
            optional(details, "type", where + ".document_details", ClaimsRequest::constrainable);
            optional(details, "date_of_issuance", where + ".document_details", ClaimsRequest::datetime);
            optional(details, "date_of_expiry", where + ".document_details", ClaimsRequest::datetime);
            optional(details, "document_number", where + ".document_details", ClaimsRequest::simple);
            optional(details, "serial_number", where + ".document_details", ClaimsRequest::simple);
            address(details.get("issuer"), where + ".document_details.issuer");
        }
        JsonNode record = node.get("record");
        if (record != null) {
            if (!record.isObject()) {
                throw new InvalidClaimsRequestException(where + ": record must be a JSON object");
            }
            optional(record, "type", where + ".record", ClaimsRequest::constrainable);
            optional(record, "created_at", where + ".record", ClaimsRequest::datetime);
            optional(record, "date_of_expiry", where + ".record", ClaimsRequest::datetime);
            address(record.get("source"), where + ".record.source");
        }
    }

    /** An issuer or a source: a JSON object of simple elements. */
    private static void address(JsonNode node, String where) throws InvalidClaimsRequestException {
        if (node == null) {
            return;
        }
        if (!node.isObject()) {
            throw new InvalidClaimsRequestException(where + " must be a JSON object");
        }
        Iterator<JsonNode> members = node.elements();
        while (members.hasNext()) {
            simple(members.next(), where);
        }
    }

    /** An individual claim: null, or an object whose {@code essential} is a boolean and {@code purpose} 3 to 300 characters. */
    private static void individualClaim(JsonNode node, String where) throws InvalidClaimsRequestException {
        if (node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw new InvalidClaimsRequestException(where + " must be null or a JSON object");
        }
        JsonNode essential = node.get("essential");
        if (essential != null && !essential.isBoolean()) {
            throw new InvalidClaimsRequestException(where + ": essential must be true or false");
        }
        JsonNode purpose = node.get("purpose");
        if (purpose != null && !(purpose.isTextual() && purpose.asText().codePointCount(0, purpose.asText().length()) >= 3
                && purpose.asText().codePointCount(0, purpose.asText().length()) <= 300)) {
            throw new InvalidClaimsRequestException(where + ": purpose must be a string of 3 to 300 characters");
        }
    }

    private interface Rule {
        void check(JsonNode node, String where) throws InvalidClaimsRequestException;
    }

    private static void optional(JsonNode parent, String member, String where, Rule rule) throws InvalidClaimsRequestException {
        JsonNode node = parent.get(member);
        if (node != null) {
            rule.check(node, where + "." + member);
        }
    }

    /** null, or an object with {@code essential} a boolean. */
    private static void simple(JsonNode node, String where) throws InvalidClaimsRequestException {
        if (node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw new InvalidClaimsRequestException(where + " must be null or a JSON object");
        }
        JsonNode essential = node.get("essential");
        if (essential != null && !essential.isBoolean()) {
            throw new InvalidClaimsRequestException(where + ": essential must be true or false");
        }
    }

    /** A simple element whose {@code value} is a string and {@code values} a non-empty array of strings. */
    private static void constrainable(JsonNode node, String where) throws InvalidClaimsRequestException {
        simple(node, where);
        if (node.isNull()) {
            return;
        }
        JsonNode value = node.get("value");
        if (value != null && !value.isTextual()) {
            throw new InvalidClaimsRequestException(where + ": value must be a string");
        }
        JsonNode values = node.get("values");
        if (values != null) {
            if (!values.isArray() || values.isEmpty()) {
                throw new InvalidClaimsRequestException(where + ": values must be a non-empty array of strings");
            }
            for (JsonNode v : values) {
                if (!v.isTextual()) {
                    throw new InvalidClaimsRequestException(where + ": values must be a non-empty array of strings");
                }
            }
        }
    }

    /** A simple element whose {@code max_age} is a whole number of seconds, 0 or more. */
    private static void datetime(JsonNode node, String where) throws InvalidClaimsRequestException {
        simple(node, where);
        if (node.isNull()) {
            return;
        }
        JsonNode maxAge = node.get("max_age");
        if (maxAge != null && !(maxAge.isIntegralNumber() && maxAge.canConvertToLong() && maxAge.asLong() >= 0)) {
            throw new InvalidClaimsRequestException(where + ": max_age must be a whole number of seconds, 0 or more");
        }
    }
}
