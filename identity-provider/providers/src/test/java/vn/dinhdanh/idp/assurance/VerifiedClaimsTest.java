package vn.dinhdanh.idp.assurance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The verified_claims structure: what a registry match and a chip-card proof say, and what one request gets of it. */
class VerifiedClaimsTest {

    static final Instant REGISTERED = Instant.parse("2026-01-05T03:00:00Z");
    static final Instant CHIP = Instant.parse("2026-11-30T09:15:42.123Z");
    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    static final ChipCardProof CARD = new ChipCardProof(CHIP, "079195012346", LocalDate.of(2022, 1, 10), LocalDate.of(2035, 7, 2),
            ChipCardProof.checksOfAcceptedProof());
    static final VerificationRecord LEVEL_1 = new VerificationRecord(false, REGISTERED, Optional.empty());
    static final VerificationRecord LEVEL_2 = new VerificationRecord(true, REGISTERED, Optional.of(CARD));

    static Map<String, Object> available() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("name", "Trần Thị Bích Ngọc");
        claims.put("given_name", "Bích Ngọc");
        claims.put("birthdate", "1995-07-02");
        return claims;
    }

    static VerifiedClaimsRequest request(String verifiedClaims) throws Exception {
        return ClaimsRequest.parse("{\"userinfo\":{\"verified_claims\":" + verifiedClaims + "}}")
                .verifiedClaims(ClaimsRequest.Target.USERINFO).orElseThrow().elements().get(0);
    }

    static final String EVERYTHING = "{\"verification\":{\"trust_framework\":null,\"assurance_level\":null,\"time\":null,"
            + "\"evidence\":[{\"type\":{\"value\":\"document\"},\"check_details\":[{\"check_method\":null}],\"time\":null,\"document_details\":{}},"
            + "{\"type\":{\"value\":\"electronic_record\"},\"check_details\":[{\"check_method\":null}],\"time\":null,\"record\":{}}]},"
            + "\"claims\":{\"given_name\":null,\"birthdate\":null}}";

    @SuppressWarnings("unchecked")
    static <T> T at(Object tree, Object... path) {
        Object node = tree;
        for (Object step : path) {
            node = step instanceof Integer i ? ((List<Object>) node).get(i) : ((Map<String, Object>) node).get(step);
        }
        return (T) node;
    }

    @Test
    void whenTheCitizenWasOnlyMatchedAgainstTheRegistry_thenLevelLowWithAPopulationRegisterRecord() {
        Map<String, Object> vc = VerifiedClaims.complete(LEVEL_1, available(), false);
        assertThat((String) at(vc, "verification", "trust_framework")).isEqualTo("vn_eid");
        assertThat((String) at(vc, "verification", "assurance_level")).isEqualTo("low");
        assertThat((String) at(vc, "verification", "time")).isEqualTo("2026-01-05T03:00:00Z");
        assertThat((List<?>) at(vc, "verification", "evidence")).hasSize(1);
        assertThat((String) at(vc, "verification", "evidence", 0, "type")).isEqualTo("electronic_record");
        assertThat((String) at(vc, "verification", "evidence", 0, "record", "type")).isEqualTo("population_register");
        assertThat((String) at(vc, "verification", "evidence", 0, "record", "source", "country_code")).isEqualTo("VNM");
        assertThat((String) at(vc, "verification", "evidence", 0, "check_details", 0, "check_method")).isEqualTo("data");
        assertThat((Map<String, Object>) at(vc, "claims")).containsEntry("given_name", "Bích Ngọc");
    }

    @Test
    void whenTheChipCardWasProven_thenLevelHighWithTheIdCardItsChecksAndTheRegistry() {
        Map<String, Object> vc = VerifiedClaims.complete(LEVEL_2, available(), true);
        assertThat((String) at(vc, "verification", "assurance_level")).isEqualTo("high");
        assertThat((String) at(vc, "verification", "time")).as("the latest verification, to the second").isEqualTo("2026-11-30T09:15:42Z");
        Map<String, Object> document = at(vc, "verification", "evidence", 0);
        assertThat(document).containsEntry("type", "document").containsEntry("time", "2026-11-30T09:15:42Z");
        assertThat((List<Map<String, Object>>) at(document, "check_details")).extracting(m -> m.get("check_method"))
                .containsExactly("vdig", "vcrypt", "data");
        assertThat((Map<String, Object>) at(document, "document_details")).containsEntry("type", "idcard")
                .containsEntry("document_number", "079195012346").containsEntry("date_of_issuance", "2022-01-10")
                .containsEntry("date_of_expiry", "2035-07-02");
        assertThat((Map<String, Object>) at(document, "document_details", "issuer")).containsEntry("country_code", "VNM");
        assertThat((String) at(vc, "verification", "evidence", 1, "type")).isEqualTo("electronic_record");
        assertThat((String) at(vc, "verification", "evidence", 1, "time")).as("the chip proof checked the registry too")
                .isEqualTo("2026-11-30T09:15:42Z");
    }

    @Test
    void whenTheRelyingPartyMayNotHaveThePersonalIdNumber_thenTheCardNumberIsLeftOut() {
        Map<String, Object> details = at(VerifiedClaims.complete(LEVEL_2, available(), false), "verification", "evidence", 0, "document_details");
        assertThat(details).doesNotContainKey("document_number").containsKeys("type", "issuer", "date_of_issuance");
    }

    @Test
    void whenARequestAsksForEverything_thenItGetsEverythingItMayHave() throws Exception {
        Map<String, Object> vc = VerifiedClaims.answer(request(EVERYTHING), LEVEL_2, available(), false, NOW).orElseThrow();
        assertThat((Map<String, Object>) at(vc, "verification")).containsKeys("trust_framework", "assurance_level", "time", "evidence");
        assertThat((List<?>) at(vc, "verification", "evidence")).hasSize(2);
        assertThat((Map<String, Object>) at(vc, "verification", "evidence", 0)).containsOnlyKeys("type", "check_details", "time", "document_details");
        assertThat((Map<String, Object>) at(vc, "verification", "evidence", 0, "document_details")).as("{} asks for every member")
                .containsKeys("type", "issuer", "date_of_issuance", "date_of_expiry").doesNotContainKey("document_number");
        assertThat((Map<String, Object>) at(vc, "verification", "evidence", 1, "record")).containsOnlyKeys("type", "source");
        assertThat((Map<String, Object>) at(vc, "claims")).containsOnlyKeys("given_name", "birthdate");
    }

    @Test
    void whenARequestAsksOnlyForTheTrustFramework_thenNothingElseOfTheVerificationIsReleased() throws Exception {
        Map<String, Object> vc = VerifiedClaims.answer(request("{\"verification\":{\"trust_framework\":null},\"claims\":{\"given_name\":null}}"),
                LEVEL_2, available(), true, NOW).orElseThrow();
        assertThat((Map<String, Object>) at(vc, "verification")).containsOnlyKeys("trust_framework");
        assertThat((Map<String, Object>) at(vc, "claims")).containsOnlyKeys("given_name");
    }

    @Test
    void whenAnUnknownOrUnavailableClaimIsAsked_thenItIsLeftOutAndNeverEchoed() throws Exception {
        Map<String, Object> vc = VerifiedClaims.answer(request("{\"verification\":{\"trust_framework\":null},"
                + "\"claims\":{\"given_name\":null,\"shoe_size\":{\"essential\":true},\"personal_id_number\":null}}"),
                LEVEL_1, available(), false, NOW).orElseThrow();
        assertThat((Map<String, Object>) at(vc, "claims")).containsOnlyKeys("given_name");
        assertThat(vc.toString()).doesNotContain("shoe_size");
    }

    @Test
    void whenNoAskedClaimIsAvailable_thenTheElementIsLeftOut() throws Exception {
        assertThat(VerifiedClaims.answer(request("{\"verification\":{\"trust_framework\":null},\"claims\":{\"shoe_size\":null}}"),
                LEVEL_2, available(), true, NOW)).isEmpty();
        assertThat(VerifiedClaims.answer(request("{\"verification\":{\"trust_framework\":null},\"claims\":null}"),
                LEVEL_2, available(), true, NOW)).isEmpty();
    }

    @Test
    void whenAConstraintIsNotMet_thenTheElementIsLeftOut() throws Exception {
        String claims = ",\"claims\":{\"given_name\":null}}";
        assertThat(VerifiedClaims.answer(request("{\"verification\":{\"trust_framework\":{\"value\":\"eidas\"}}" + claims), LEVEL_2, available(), true, NOW)).isEmpty();
        assertThat(VerifiedClaims.answer(request("{\"verification\":{\"trust_framework\":{\"values\":[\"eidas\",\"vn_eid\"]}}" + claims), LEVEL_2, available(), true, NOW)).isPresent();
        assertThat(VerifiedClaims.answer(request("{\"verification\":{\"trust_framework\":null,\"assurance_level\":{\"value\":\"high\"}}" + claims), LEVEL_1, available(), true, NOW)).isEmpty();
        assertThat(VerifiedClaims.answer(request("{\"verification\":{\"trust_framework\":null,\"assurance_level\":{\"value\":\"high\"}}" + claims), LEVEL_2, available(), true, NOW)).isPresent();
        // the chip proof was 14h44m before NOW
        assertThat(VerifiedClaims.answer(request("{\"verification\":{\"trust_framework\":null,\"time\":{\"max_age\":3600}}" + claims), LEVEL_2, available(), true, NOW)).isEmpty();
        assertThat(VerifiedClaims.answer(request("{\"verification\":{\"trust_framework\":null,\"time\":{\"max_age\":86400}}" + claims), LEVEL_2, available(), true, NOW)).isPresent();
        assertThat(VerifiedClaims.answer(request("{\"verification\":{\"trust_framework\":null,\"evidence\":[{\"type\":{\"value\":\"document\"}}]}" + claims), LEVEL_1, available(), true, NOW))
                .as("a registry match has no document").isEmpty();
        assertThat(VerifiedClaims.answer(request("{\"verification\":{\"trust_framework\":null,\"evidence\":[{\"type\":{\"value\":\"document\"},"
                + "\"document_details\":{\"type\":{\"value\":\"passport\"}}}]}" + claims), LEVEL_2, available(), true, NOW)).isEmpty();
    }

    @Test
    void whenEvidenceOfOneTypeIsAsked_thenOnlyThatEvidenceAndOnlyItsAskedMembersAreReleased() throws Exception {
        Map<String, Object> vc = VerifiedClaims.answer(request("{\"verification\":{\"trust_framework\":null,\"evidence\":[{\"type\":{\"value\":\"document\"},"
                + "\"document_details\":{\"type\":null,\"date_of_expiry\":null,\"issuer\":{\"country_code\":null}}}]},\"claims\":{\"given_name\":null}}"),
                LEVEL_2, available(), true, NOW).orElseThrow();
        List<Map<String, Object>> evidence = at(vc, "verification", "evidence");
        assertThat(evidence).singleElement().satisfies(e -> assertThat(e).containsOnlyKeys("type", "document_details"));
        assertThat((Map<String, Object>) at(evidence, 0, "document_details")).containsOnlyKeys("type", "date_of_expiry", "issuer");
        assertThat((Map<String, Object>) at(evidence, 0, "document_details", "issuer")).containsOnlyKeys("country_code");
    }

    @Test
    void whenAStoredChipProofIsPrinted_thenTheCardNumberIsNotThere() {
        assertThat(CARD.toString()).doesNotContain("079195012346");
    }
}
