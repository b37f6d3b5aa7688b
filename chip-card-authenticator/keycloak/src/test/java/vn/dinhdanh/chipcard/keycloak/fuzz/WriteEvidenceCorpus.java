package vn.dinhdanh.chipcard.keycloak.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.dinhdanh.chipcard.app.DemoCards;
import vn.dinhdanh.chipcard.app.VirtualMobileApp;
import vn.dinhdanh.icao.virtualcard.CardOptions;
import vn.dinhdanh.icao.virtualcard.Citizen;
import vn.dinhdanh.icao.virtualcard.KeySpec;
import vn.dinhdanh.icao.virtualcard.VirtualCard;

/**
 * Regenerates the seed corpus of {@link ChipCardEvidenceJsonFuzzTest}: evidence of virtual cards of the demo state
 * (synthetic citizen) as the app posts it, and broken variants. Run from the module folder after test-compile:
 * mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=vn.dinhdanh.chipcard.keycloak.fuzz.WriteEvidenceCorpus
 */
public final class WriteEvidenceCorpus {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WriteEvidenceCorpus() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("src/test/resources/vn/dinhdanh/chipcard/keycloak/fuzz/ChipCardEvidenceJsonFuzzTestInputs/fuzzEvidenceJson");
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> seed : seeds().entrySet()) {
            Files.write(dir.resolve(seed.getKey()), seed.getValue());
        }
    }

    static Map<String, byte[]> seeds() throws Exception {
        VirtualCard ec = DemoCards.country().issuer().issue(Citizen.demo(), CardOptions.defaults().aaKey(KeySpec.EC_P256));
        VirtualCard rsa = DemoCards.country().issuer().issue(Citizen.demo(), CardOptions.defaults().aaKey(KeySpec.RSA_1024));
        ObjectNode valid = VirtualMobileApp.evidence(ec, EvidenceFuzzTarget.CHALLENGE);
        String text = JSON.writeValueAsString(valid);
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("seed-valid-ec", bytes(text));
        seeds.put("seed-valid-rsa-aa", bytes(JSON.writeValueAsString(VirtualMobileApp.evidence(rsa, EvidenceFuzzTarget.CHALLENGE))));
        ObjectNode noChallenge = valid.deepCopy();
        noChallenge.remove("challenge");
        seeds.put("seed-valid-no-challenge", bytes(JSON.writeValueAsString(noChallenge)));
        seeds.put("seed-valid-pretty-mime-base64", bytes(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                valid.deepCopy().put("sod", Base64.getMimeEncoder().encodeToString(ec.sod())))));
        seeds.put("seed-valid-utf16", text.getBytes(StandardCharsets.UTF_16BE));
        seeds.put("seed-minimal", bytes("{\"sod\":\"MAA=\",\"dataGroups\":{\"1\":\"YQA=\"},\"aaSignature\":\"\"}"));

        ObjectNode missing = valid.deepCopy();
        missing.remove("sod");
        seeds.put("broken-missing-sod", bytes(JSON.writeValueAsString(missing)));
        ObjectNode badBase64 = valid.deepCopy();
        ((ObjectNode) badBase64.get("dataGroups")).put("13", "not*base64");
        seeds.put("broken-bad-base64", bytes(JSON.writeValueAsString(badBase64)));
        ObjectNode wrongType = valid.deepCopy();
        wrongType.putArray("dataGroups").add(1);
        seeds.put("broken-wrong-type", bytes(JSON.writeValueAsString(wrongType)));
        ObjectNode badKey = valid.deepCopy();
        ((ObjectNode) badKey.get("dataGroups")).put("17", "AA==");
        seeds.put("broken-key-17", bytes(JSON.writeValueAsString(badKey)));
        seeds.put("broken-duplicate-key", bytes("{\"sod\":\"AA==\"," + text.substring(1)));
        seeds.put("broken-truncated", bytes(text.substring(0, text.length() / 2)));
        seeds.put("broken-trailing", bytes(text + "}"));
        seeds.put("hostile-deep-nesting", bytes("{\"sod\":" + "[".repeat(5000) + "]".repeat(5000) + "}"));
        seeds.put("hostile-long-number", bytes("{\"sod\":1" + "0".repeat(5000) + "}"));
        return seeds;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
