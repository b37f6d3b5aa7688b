package vn.dinhdanh.chipcard.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.chipcard.app.DemoCards;
import vn.dinhdanh.chipcard.app.VirtualMobileApp;
import vn.dinhdanh.icao.verify.CardEvidence;
import vn.dinhdanh.icao.virtualcard.CardOptions;
import vn.dinhdanh.icao.virtualcard.Citizen;
import vn.dinhdanh.icao.virtualcard.KeySpec;
import vn.dinhdanh.icao.virtualcard.VirtualCard;

class ChipCardEvidenceJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] CHALLENGE = {0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, (byte) 0x88};
    private static VirtualCard card;

    @BeforeAll
    static void issueCard() {
        card = DemoCards.country().issuer().issue(Citizen.demo(), CardOptions.defaults().aaKey(KeySpec.EC_P256));
    }

    private static ObjectNode evidence() {
        return VirtualMobileApp.evidence(card, CHALLENGE);
    }

    private static ChipCardEvidenceJson.Parsed parse(String json) throws ChipCardEvidenceJson.InvalidEvidence {
        return ChipCardEvidenceJson.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static ChipCardEvidenceJson.Parsed parse(ObjectNode doc) throws Exception {
        return parse(JSON.writeValueAsString(doc));
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    @Test
    void whenTheAppPostsAVirtualCardsEvidence_thenEveryPartComesBackByteForByte() throws Exception {
        ObjectNode doc = evidence();
        byte[] signature = Base64.getDecoder().decode(doc.get("aaSignature").asText());
        ChipCardEvidenceJson.Parsed parsed = parse(doc);

        assertThat(parsed.sod()).isEqualTo(card.sod());
        assertThat(parsed.dataGroups().keySet()).isEqualTo(card.dataGroups().keySet());
        card.dataGroups().forEach((n, bytes) -> assertThat(parsed.dataGroups().get(n)).as("DG%d", n).isEqualTo(bytes));
        assertThat(parsed.aaSignature()).isNotEmpty().isEqualTo(signature);
        assertThat(parsed.signedChallenge()).hasValueSatisfying(c -> assertThat(c).isEqualTo(CHALLENGE));

        CardEvidence ev = parsed.withChallenge(CHALLENGE);
        assertThat(ev.sod()).isEqualTo(card.sod());
        assertThat(ev.challenge()).hasValueSatisfying(c -> assertThat(c).isEqualTo(CHALLENGE));
        assertThat(ev.aaSignature()).hasValueSatisfying(s -> assertThat(s).isEqualTo(signature));
        assertThat(ev.dataGroups().keySet()).isEqualTo(card.dataGroups().keySet());
    }

    @Test
    void whenTheChallengeIsLeftOut_thenItIsEmptyAndTheEvidenceStillParses() throws Exception {
        ObjectNode doc = evidence();
        doc.remove("challenge");

        assertThat(parse(doc).signedChallenge()).isEmpty();
    }

    @Test
    void whenTheBase64IsWrappedInLines_thenItIsStillRead() throws Exception {
        ObjectNode doc = evidence();
        doc.put("sod", Base64.getMimeEncoder().encodeToString(card.sod()).replace("\r\n", "\n"));

        assertThat(parse(doc).sod()).isEqualTo(card.sod());
    }

    @Test
    void whenARequiredFieldIsMissing_thenItIsNamedInTheError() throws Exception {
        for (String field : new String[] {"sod", "aaSignature", "dataGroups"}) {
            ObjectNode doc = evidence();
            doc.remove(field);
            assertThatThrownBy(() -> parse(doc)).as(field).isInstanceOf(ChipCardEvidenceJson.InvalidEvidence.class)
                    .hasMessageContaining(field);
        }
    }

    @Test
    void whenARequiredFieldIsNull_thenItCountsAsMissing() throws Exception {
        ObjectNode doc = evidence();
        doc.putNull("sod");

        assertThatThrownBy(() -> parse(doc)).isInstanceOf(ChipCardEvidenceJson.InvalidEvidence.class).hasMessage("sod is required");
    }

    @Test
    void whenNoDataGroupIsGiven_thenTheEvidenceIsRefused() throws Exception {
        ObjectNode doc = evidence();
        doc.putObject("dataGroups");

        assertThatThrownBy(() -> parse(doc)).isInstanceOf(ChipCardEvidenceJson.InvalidEvidence.class).hasMessageContaining("dataGroups");
    }

    @Test
    void whenAFieldIsNotBase64_thenTheFieldIsNamedAndTheValueIsNotEchoed() throws Exception {
        ObjectNode doc = evidence();
        doc.put("aaSignature", "001090012345*not base64*");
        assertThatThrownBy(() -> parse(doc)).isInstanceOf(ChipCardEvidenceJson.InvalidEvidence.class)
                .hasMessage("aaSignature is not valid base64");

        ObjectNode dg = evidence();
        ((ObjectNode) dg.get("dataGroups")).put("13", "Nguyễn Văn An");
        assertThatThrownBy(() -> parse(dg)).isInstanceOf(ChipCardEvidenceJson.InvalidEvidence.class)
                .hasMessage("dataGroups.13 is not valid base64");
    }

    @Test
    void whenBase64IsUrlSafeOrTruncated_thenItIsRefused() throws Exception {
        ObjectNode urlSafe = evidence();
        urlSafe.put("sod", "-_-_");
        assertThatThrownBy(() -> parse(urlSafe)).isInstanceOf(ChipCardEvidenceJson.InvalidEvidence.class);

        // cut to 4k+1 characters: no padding can complete it (missing padding alone is accepted, as Java's decoder does)
        ObjectNode truncated = evidence();
        String sod = b64(card.sod());
        truncated.put("sod", sod.substring(0, (sod.length() / 4 - 1) * 4 + 1));
        assertThatThrownBy(() -> parse(truncated)).isInstanceOf(ChipCardEvidenceJson.InvalidEvidence.class)
                .hasMessage("sod is not valid base64");

        ObjectNode badPadding = evidence();
        badPadding.put("aaSignature", "QQ=");
        assertThatThrownBy(() -> parse(badPadding)).isInstanceOf(ChipCardEvidenceJson.InvalidEvidence.class)
                .hasMessage("aaSignature is not valid base64");
    }

    @Test
    void whenFieldsHaveTheWrongJsonType_thenEachIsRefused() throws Exception {
        String sod = "\"" + b64(card.sod()) + "\"";
        String sig = "\"" + b64(card.respondToChallenge(CHALLENGE)) + "\"";
        String dg1 = "\"" + b64(card.dataGroup(1)) + "\"";
        String[] documents = {
            "[]", "\"evidence\"", "42", "null", "true",
            "{\"sod\":42,\"dataGroups\":{\"1\":" + dg1 + "},\"aaSignature\":" + sig + "}",
            "{\"sod\":[" + sod + "],\"dataGroups\":{\"1\":" + dg1 + "},\"aaSignature\":" + sig + "}",
            "{\"sod\":" + sod + ",\"dataGroups\":[" + dg1 + "],\"aaSignature\":" + sig + "}",
            "{\"sod\":" + sod + ",\"dataGroups\":" + dg1 + ",\"aaSignature\":" + sig + "}",
            "{\"sod\":" + sod + ",\"dataGroups\":{\"1\":42},\"aaSignature\":" + sig + "}",
            "{\"sod\":" + sod + ",\"dataGroups\":{\"1\":{\"b64\":" + dg1 + "}},\"aaSignature\":" + sig + "}",
            "{\"sod\":" + sod + ",\"dataGroups\":{\"1\":" + dg1 + "},\"aaSignature\":true}",
            "{\"sod\":" + sod + ",\"dataGroups\":{\"1\":" + dg1 + "},\"aaSignature\":" + sig + ",\"challenge\":12345678}",
        };
        for (String doc : documents) {
            assertThatThrownBy(() -> parse(doc)).as(doc.length() > 40 ? doc.substring(0, 40) : doc)
                    .isInstanceOf(ChipCardEvidenceJson.InvalidEvidence.class);
        }
    }

    @Test
    void whenADataGroupKeyIsNotANumberFrom1To16_thenTheEvidenceIsRefused() throws Exception {
        for (String key : new String[] {"0", "17", "-1", "DG1", "", " 1", "1.0", "99999999999"}) {
            ObjectNode doc = evidence();
            ((ObjectNode) doc.get("dataGroups")).put(key, b64(card.dataGroup(1)));
            assertThatThrownBy(() -> parse(doc)).as("key '%s'", key).isInstanceOf(ChipCardEvidenceJson.InvalidEvidence.class)
                    .hasMessageContaining("1 to 16");
        }
    }

    @Test
    void whenTheJsonIsMalformed_thenItIsRefusedAsNotJson() {
        String valid = evidence().toString();
        for (String doc : new String[] {"", "{", valid.substring(0, valid.length() / 2), "{'sod':'AA=='}", "\uFFFE{}"}) {
            assertThatThrownBy(() -> parse(doc)).isInstanceOf(ChipCardEvidenceJson.InvalidEvidence.class)
                    .hasMessageContaining("JSON");
        }
    }

    @Test
    void whenTheBodyIsLargerThanTheLimit_thenItIsRefusedWithoutBeingReadToTheEnd() throws Exception {
        // one field alone larger than the limit: the body is refused before any JSON is parsed
        byte[] big = new byte[ChipCardEvidenceJson.MAX_BYTES];
        Arrays.fill(big, (byte) 0x30);
        ObjectNode doc = evidence();
        doc.put("sod", b64(big));
        assertThatThrownBy(() -> parse(doc)).isInstanceOf(ChipCardEvidenceJson.InvalidEvidence.class)
                .hasMessageContaining("larger than " + ChipCardEvidenceJson.MAX_BYTES);

        // an endless body: only MAX_BYTES + 1 bytes are read
        long[] served = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return ' ';
            }
        };
        assertThatThrownBy(() -> ChipCardEvidenceJson.parse(endless)).isInstanceOf(ChipCardEvidenceJson.InvalidEvidence.class);
        assertThat(served[0]).isEqualTo(ChipCardEvidenceJson.MAX_BYTES + 1L);
    }

    @Test
    void whenTheBodyIsExactlyAtTheLimit_thenItIsParsed() throws Exception {
        String valid = evidence().toString();
        String padded = valid + " ".repeat(ChipCardEvidenceJson.MAX_BYTES - valid.getBytes(StandardCharsets.UTF_8).length);
        assertThat(padded.getBytes(StandardCharsets.UTF_8)).hasSize(ChipCardEvidenceJson.MAX_BYTES);

        assertThat(parse(padded).sod()).isEqualTo(card.sod());
    }

    @Test
    void whenSomethingFollowsTheJsonObject_thenTheEvidenceIsRefused() {
        String valid = evidence().toString();
        for (String doc : new String[] {valid + "}", valid + " {}", valid + " x"}) {
            assertThatThrownBy(() -> parse(doc)).isInstanceOf(ChipCardEvidenceJson.InvalidEvidence.class)
                    .hasMessage("The evidence is not valid JSON");
        }
    }

    @Test
    void whenAFieldAppearsTwice_thenTheEvidenceIsRefused() {
        String valid = evidence().toString();
        String twice = "{\"sod\":\"" + b64(new byte[] {1, 2, 3}) + "\"," + valid.substring(1);

        assertThatThrownBy(() -> parse(twice)).as("a second sod must not silently replace the first")
                .isInstanceOf(ChipCardEvidenceJson.InvalidEvidence.class);
    }

    @Test
    void whenADataGroupAppearsTwice_thenTheEvidenceIsRefused() throws Exception {
        for (String other : new String[] {"\"1\"", "\"01\"", "\"+1\"", "\"\u0661\""}) {
            ObjectNode doc = evidence();
            String json = doc.toString().replace("\"dataGroups\":{", "\"dataGroups\":{" + other + ":\"" + b64(new byte[] {0x61, 0}) + "\",");
            assertThatThrownBy(() -> parse(json)).as("key %s next to \"1\"", other)
                    .isInstanceOf(ChipCardEvidenceJson.InvalidEvidence.class);
        }
    }
}
