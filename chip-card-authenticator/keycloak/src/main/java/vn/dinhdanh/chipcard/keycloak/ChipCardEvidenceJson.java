package vn.dinhdanh.chipcard.keycloak;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.dinhdanh.icao.verify.CardEvidence;

/**
 * Reads the app's evidence document (contract version 1):
 * <pre>{ "sod": base64, "dataGroups": { "1": base64, "13": base64, ... }, "aaSignature": base64,
 *   "challenge": base64 (optional: the challenge the chip signed) }</pre>
 * Anything malformed, oversized or out of range is refused before it reaches the ICAO core, and so is anything
 * ambiguous: a field or data group given twice, a data group key not written as a plain number, content after the
 * object.
 */
public final class ChipCardEvidenceJson {

    public static final int MAX_BYTES = 256 * 1024;
    /** Strict reading: a repeated field or content after the document is an error, not "the last one wins". */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Pattern DATA_GROUP_KEY = Pattern.compile("[1-9]|1[0-6]");

    /** The evidence and the challenge the app says the chip signed, if it said. */
    public record Parsed(byte[] sod, Map<Integer, byte[]> dataGroups, byte[] aaSignature, Optional<byte[]> signedChallenge) {
        public CardEvidence withChallenge(byte[] challenge) {
            return CardEvidence.of(sod, dataGroups, challenge, aaSignature);
        }
    }

    public static final class InvalidEvidence extends Exception {
        public InvalidEvidence(String message) {
            super(message);
        }
    }

    private ChipCardEvidenceJson() {
    }

    public static Parsed parse(InputStream body) throws InvalidEvidence {
        try {
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new InvalidEvidence("The evidence is larger than " + MAX_BYTES + " bytes");
            }
            return parse(readTree(bytes));
        } catch (IOException e) {
            throw new InvalidEvidence("The evidence is not valid JSON");
        }
    }

    /** Reads a JSON document as {@link #parse(JsonNode)} expects it read: repeated fields and trailing content fail. */
    public static JsonNode readTree(byte[] bytes) throws IOException {
        return JSON.readTree(bytes);
    }

    public static Parsed parse(JsonNode root) throws InvalidEvidence {
        if (root == null || !root.isObject()) {
            throw new InvalidEvidence("The evidence must be a JSON object");
        }
        byte[] sod = base64(root, "sod", true);
        JsonNode groups = root.get("dataGroups");
        if (groups == null || !groups.isObject() || groups.isEmpty()) {
            throw new InvalidEvidence("dataGroups must be an object keyed by data group number");
        }
        Map<Integer, byte[]> dataGroups = new java.util.TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = groups.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            // only the plain decimal form, so that no two keys ("1", "01", "+1") can name the same data group
            if (!DATA_GROUP_KEY.matcher(e.getKey()).matches()) {
                throw new InvalidEvidence("Data group keys are numbers from 1 to 16");
            }
            int number = Integer.parseInt(e.getKey());
            if (!e.getValue().isTextual()) {
                throw new InvalidEvidence("Data group keys are numbers from 1 to 16 with base64 values");
            }
            dataGroups.put(number, decode(e.getValue().asText(), "dataGroups." + number));
        }
        byte[] signature = base64(root, "aaSignature", true);
        byte[] challenge = base64(root, "challenge", false);
        return new Parsed(sod, dataGroups, signature, Optional.ofNullable(challenge));
    }

    private static byte[] base64(JsonNode root, String field, boolean required) throws InvalidEvidence {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new InvalidEvidence(field + " is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidEvidence(field + " must be a base64 string");
        }
        return decode(node.asText(), field);
    }

    private static byte[] decode(String value, String field) throws InvalidEvidence {
        try {
            return Base64.getDecoder().decode(value.replace("\n", "").replace("\r", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidEvidence(field + " is not valid base64");
        }
    }
}
