package vn.dinhdanh.idp.assurance;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@code verified_claims} of OpenID Connect for Identity Assurance 1.0 from a citizen's
 * {@link VerificationRecord} and the claims the relying party may receive:
 * <pre>
 * { "verification": { "trust_framework": "vn_eid", "assurance_level": "high", "time": "...",
 *                     "evidence": [ { "type": "document", "check_details": [...], "time": "...",
 *                                     "document_details": { "type": "idcard", ... } },
 *                                   { "type": "electronic_record", "check_details": [...], "time": "...",
 *                                     "record": { "type": "population_register", "source": {...} } } ] },
 *   "claims": { "given_name": "...", ... } }
 * </pre>
 * {@link #complete} is everything (the eKYC verdict); {@link #answer} is what one request element asked for and the
 * relying party may have, or nothing when the request cannot be met. The card number is the personal ID number on a
 * chip-based card, so {@code document_number} is there only for a relying party that may receive that number.
 */
public final class VerifiedClaims {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private VerifiedClaims() {
    }

    /**
     * The whole structure.
     *
     * @param available          the claims the relying party may receive, by name
     * @param documentNumberAllowed whether it may receive the card number (the personal ID number)
     */
    public static Map<String, Object> complete(VerificationRecord record, Map<String, Object> available, boolean documentNumberAllowed) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("verification", verification(record, documentNumberAllowed));
        out.put("claims", new LinkedHashMap<>(available));
        return out;
    }

    /**
     * What one request element gets: the verification elements it asked for, and the claims it asked for that are
     * {@code available}; unknown claims are left out. Empty when the request cannot be met: a constraint on the trust
     * framework, the assurance level, the age of the verification or the evidence that this record does not satisfy,
     * or no requested claim available.
     */
    public static Optional<Map<String, Object>> answer(VerifiedClaimsRequest request, VerificationRecord record,
                                                       Map<String, Object> available, boolean documentNumberAllowed, Instant now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        for (String name : request.claims()) {
            if (available.containsKey(name)) {
                claims.put(name, available.get(name));
            }
        }
        if (claims.isEmpty()) {
            return Optional.empty();
        }
        JsonNode asked = request.verification();
        if (!admits(asked.get("trust_framework"), IdentityAssurance.TRUST_FRAMEWORK)
                || !admits(asked.get("assurance_level"), record.assuranceLevel())
                || !youngEnough(asked.get("time"), record.time(), now)) {
            return Optional.empty();
        }
        Map<String, Object> full = verification(record, documentNumberAllowed);
        Map<String, Object> verification = new LinkedHashMap<>();
        verification.put("trust_framework", full.get("trust_framework"));
        if (asked.has("assurance_level")) {
            verification.put("assurance_level", full.get("assurance_level"));
        }
        if (asked.has("time")) {
            verification.put("time", full.get("time"));
        }
        if (asked.has("evidence")) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> evidence = (List<Map<String, Object>>) full.get("evidence");
            List<Map<String, Object>> chosen = new ArrayList<>();
            for (Map<String, Object> item : evidence) {
                matchingRequest(asked.get("evidence"), item, now).ifPresent(r -> chosen.add(selected(item, r)));
            }
            if (chosen.isEmpty()) {
                return Optional.empty();
            }
            verification.put("evidence", chosen);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("verification", verification);
        out.put("claims", claims);
        return Optional.of(out);
    }

    static Map<String, Object> verification(VerificationRecord record, boolean documentNumberAllowed) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("trust_framework", IdentityAssurance.TRUST_FRAMEWORK);
        v.put("assurance_level", record.assuranceLevel());
        v.put("time", time(record.time()));
        List<Map<String, Object>> evidence = new ArrayList<>();
        record.chipCard().ifPresent(card -> evidence.add(document(card, documentNumberAllowed)));
        evidence.add(populationRegister(record.registryMatch()));
        v.put("evidence", evidence);
        return v;
    }

    private static Map<String, Object> document(ChipCardProof card, boolean documentNumberAllowed) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", IdentityAssurance.EVIDENCE_DOCUMENT);
        e.put("check_details", card.checks().stream().map(VerifiedClaims::check).toList());
        e.put("time", time(card.time()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("type", IdentityAssurance.DOCUMENT_IDCARD);
        if (documentNumberAllowed) {
            details.put("document_number", card.cardNumber());
        }
        details.put("issuer", issuer(IdentityAssurance.CARD_ISSUER));
        details.put("date_of_issuance", date(card.issueDate()));
        if (card.expiryDate() != null) {
            details.put("date_of_expiry", date(card.expiryDate()));
        }
        e.put("document_details", details);
        return e;
    }

    private static Map<String, Object> populationRegister(Instant matched) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", IdentityAssurance.EVIDENCE_ELECTRONIC_RECORD);
        e.put("check_details", List.of(check(IdentityAssurance.CHECK_REGISTRY_DATA)));
        e.put("time", time(matched));
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("type", IdentityAssurance.RECORD_POPULATION_REGISTER);
        rec.put("source", issuer(IdentityAssurance.REGISTRY_NAME));
        e.put("record", rec);
        return e;
    }

    private static Map<String, Object> check(String method) {
        return Map.of("check_method", method);
    }

    private static Map<String, Object> issuer(String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("country_code", IdentityAssurance.COUNTRY_CODE);
        return m;
    }

    static String time(Instant instant) {
        return TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    private static String date(LocalDate date) {
        return date.toString();
    }

    /** Whether a constrainable element (absent, null, or with {@code value}/{@code values}) admits this value. */
    static boolean admits(JsonNode element, String actual) {
        if (element == null || element.isNull()) {
            return true;
        }
        JsonNode value = element.get("value");
        if (value != null && !value.asText().equals(actual)) {
            return false;
        }
        JsonNode values = element.get("values");
        if (values != null) {
            for (JsonNode v : values) {
                if (v.asText().equals(actual)) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    /** Whether a datetime element's {@code max_age} (seconds), if any, admits a verification at {@code time}. */
    static boolean youngEnough(JsonNode element, Instant time, Instant now) {
        if (element == null || element.isNull() || !element.has("max_age")) {
            return true;
        }
        return Duration.between(time, now).getSeconds() <= element.get("max_age").asLong();
    }

    /** The first requested evidence this evidence item satisfies: its type, and any document or record type and age asked for. */
    private static Optional<JsonNode> matchingRequest(JsonNode requested, Map<String, Object> item, Instant now) {
        for (JsonNode r : requested) {
            if (!admits(r.get("type"), (String) item.get("type"))) {
                continue;
            }
            if (!youngEnough(r.get("time"), Instant.from(TIME.parse((String) item.get("time"))), now)) {
                continue;
            }
            if (!admits(r.path("document_details").get("type"), typeOf(item.get("document_details")))
                    || !admits(r.path("record").get("type"), typeOf(item.get("record")))) {
                continue;
            }
            boolean mismatched = item.get("document_details") == null && r.has("document_details")
                    || item.get("record") == null && r.has("record");
            if (!mismatched) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private static String typeOf(Object element) {
        return element instanceof Map<?, ?> m ? String.valueOf(m.get("type")) : "";
    }

    /**
     * The members of {@code available} the request names, with {@code type} always; a member whose request is an
     * object naming sub-elements is narrowed the same way, one asked for as null (or with constraints only) is whole.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> selected(Map<String, Object> available, JsonNode request) {
        if (request == null || request.isNull() || !namesSubElements(request)) {
            return available;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : available.entrySet()) {
            if (e.getKey().equals("type")) {
                out.put(e.getKey(), e.getValue());
            } else if (request.has(e.getKey())) {
                Object value = e.getValue();
                out.put(e.getKey(), value instanceof Map<?, ?> nested ? selected((Map<String, Object>) nested, request.get(e.getKey())) : value);
            }
        }
        return out;
    }

    private static boolean namesSubElements(JsonNode request) {
        if (!request.isObject()) {
            return false;
        }
        Iterator<String> names = request.fieldNames();
        while (names.hasNext()) {
            if (!ClaimsRequest.CONTROL_MEMBERS.contains(names.next())) {
                return true;
            }
        }
        return false;
    }
}
