package vn.dinhdanh.idp.assurance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vocabulary dinhdanh uses in OpenID Connect for Identity Assurance 1.0 ({@code verified_claims}), in one place:
 * the discovery metadata, the structure builder and the request validation all read it from here. The meaning of each
 * value is documented in docs/verified-claims.md.
 */
public final class IdentityAssurance {

    /**
     * The trust framework: Vietnam's electronic identification and authentication under Decree 69/2024/NĐ-CP, the
     * national population database and the chip-based citizen identity card. Not a value registered with the OpenID
     * Foundation; defined by dinhdanh.
     */
    public static final String TRUST_FRAMEWORK = "vn_eid";

    /** A level-1 account: the declared identity was matched against the population database. */
    public static final String LEVEL_LOW = "low";
    /** Reserved: a level-2 account proven in person. dinhdanh records no such proof today, so it never says it. */
    public static final String LEVEL_SUBSTANTIAL = "substantial";
    /** A level-2 account: the citizen's chip card was proven genuine (Passive and Active Authentication). */
    public static final String LEVEL_HIGH = "high";

    public static final String EVIDENCE_DOCUMENT = "document";
    public static final String EVIDENCE_ELECTRONIC_RECORD = "electronic_record";
    public static final String DOCUMENT_IDCARD = "idcard";
    public static final String RECORD_POPULATION_REGISTER = "population_register";

    /** Passive Authentication: the chip's data groups re-hashed and EF.SOD's signature chained to the CSCA. */
    public static final String CHECK_PASSIVE_AUTHENTICATION = "vdig";
    /** Active Authentication: the chip signed a fresh server challenge with the key behind DG15 (not a clone). */
    public static final String CHECK_ACTIVE_AUTHENTICATION = "vcrypt";
    /** The data checked against the population database (the citizen's record; for a card, its number and status). */
    public static final String CHECK_REGISTRY_DATA = "data";

    /** Who issues the chip card, and whose database the registry is. */
    public static final String CARD_ISSUER = "Bộ Công an";
    public static final String REGISTRY_NAME = "Cơ sở dữ liệu quốc gia về dân cư";
    /** ICAO 9303 / ISO 3166-1 alpha-3 code of the issuing state. */
    public static final String COUNTRY_CODE = "VNM";

    /** The claims {@code verified_claims.claims} can hold (which of them a relying party gets depends on its scopes). */
    public static final List<String> CLAIMS = List.of("name", "family_name", "given_name", "birthdate", "gender", "address",
            "personal_id_number");

    private IdentityAssurance() {
    }

    /** The discovery metadata of OpenID Connect for Identity Assurance 1.0 this server supports. */
    public static Map<String, Object> discoveryMetadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("verified_claims_supported", true);
        m.put("trust_frameworks_supported", List.of(TRUST_FRAMEWORK));
        m.put("evidence_supported", List.of(EVIDENCE_DOCUMENT, EVIDENCE_ELECTRONIC_RECORD));
        m.put("documents_supported", List.of(DOCUMENT_IDCARD));
        m.put("documents_check_methods_supported", List.of(CHECK_PASSIVE_AUTHENTICATION, CHECK_ACTIVE_AUTHENTICATION, CHECK_REGISTRY_DATA));
        m.put("electronic_records_supported", List.of(RECORD_POPULATION_REGISTER));
        m.put("claims_in_verified_claims_supported", CLAIMS);
        return m;
    }
}
