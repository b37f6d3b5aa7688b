package vn.dinhdanh.idp.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;
import vn.dinhdanh.idp.consent.ConsentedClaims;
import vn.dinhdanh.idp.federation.CitizenAttributes;

/**
 * Releases a set of citizen claims with data minimisation:
 * <ul>
 *   <li>userinfo carries the set when its client scope was granted;</li>
 *   <li>the ID token carries a claim only when the relying party asked for it there through the
 *       {@code claims} request parameter (OpenID Connect Core 5.5);</li>
 *   <li>access tokens carry none of them.</li>
 * </ul>
 * The personal ID number is released only to clients marked as government clients.
 */
public final class CitizenClaimsMapper extends AbstractOIDCProtocolMapper
        implements OIDCIDTokenMapper, UserInfoTokenMapper, OIDCAccessTokenMapper {

    public static final String ID = "dinhdanh-citizen-claims";
    public static final String CLAIM_SET = "claim.set";
    /** Client attribute that marks a ministry, province or other government client. */
    public static final String GOVERNMENT_CLIENT = "dinhdanh.government";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The OIDC {@code claims} request parameter, which Keycloak keeps as a client-session note of that name. */
    static final String CLAIMS_PARAMETER = "claims";

    /** The claim sets, one per client scope. */
    public enum ClaimSet {
        PROFILE(Set.of("name", "family_name", "given_name", "birthdate", "gender")),
        ADDRESS(Set.of("address")),
        PHONE(Set.of("phone_number", "phone_number_verified")),
        PERSONAL_ID(Set.of("personal_id_number"));

        final Set<String> claims;

        ClaimSet(Set<String> claims) {
            this.claims = claims;
        }
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getDisplayType() {
        return "Citizen claims (registry, minimised)";
    }

    @Override
    public String getHelpText() {
        return "Registry claims in userinfo; in the ID token only when requested through the claims parameter";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(CLAIM_SET).type(ProviderConfigProperty.LIST_TYPE)
                .options(List.of("PROFILE", "ADDRESS", "PHONE", "PERSONAL_ID"))
                .defaultValue("PROFILE").label("Claim set").helpText("Which citizen claims this mapper releases").add()
                .build();
    }

    @Override
    public AccessToken transformUserInfoToken(AccessToken token, ProtocolMapperModel model, KeycloakSession session,
                                              UserSessionModel userSession, ClientSessionContext ctx) {
        claims(model, userSession.getUser(), ctx).forEach(token.getOtherClaims()::put);
        return token;
    }

    @Override
    public IDToken transformIDToken(IDToken token, ProtocolMapperModel model, KeycloakSession session,
                                    UserSessionModel userSession, ClientSessionContext ctx) {
        Set<String> requested = requestedInIdToken(ctx);
        if (!requested.isEmpty()) {
            claims(model, userSession.getUser(), ctx).forEach((claim, value) -> {
                if (requested.contains(claim)) {
                    token.getOtherClaims().put(claim, value);
                }
            });
        }
        return token;
    }

    @Override
    public AccessToken transformAccessToken(AccessToken token, ProtocolMapperModel model, KeycloakSession session,
                                            UserSessionModel userSession, ClientSessionContext ctx) {
        return token;
    }

    static Map<String, Object> claims(ProtocolMapperModel model, UserModel user, ClientSessionContext ctx) {
        return consented(claims(claimSet(model), user, ctx.getClientSession().getClient()), ctx);
    }

    /** Of these claims, those the citizen consented to for this login ({@link ConsentedClaims}). */
    static Map<String, Object> consented(Map<String, Object> claims, ClientSessionContext ctx) {
        ConsentedClaims.of(ctx.getClientSession()).ifPresent(allowed -> claims.keySet().removeIf(claim -> !ConsentedClaims.allows(allowed, claim)));
        return claims;
    }

    /** The claim set a mapper of this kind is configured to release. */
    static ClaimSet claimSet(ProtocolMapperModel model) {
        return ClaimSet.valueOf(model.getConfig().getOrDefault(CLAIM_SET, "PROFILE"));
    }

    /** The claims of one set for this citizen, as this client may receive them. */
    static Map<String, Object> claims(ClaimSet set, UserModel user, org.keycloak.models.ClientModel client) {
        Map<String, Object> claims = new LinkedHashMap<>();
        switch (set) {
            case PROFILE -> {
                put(claims, "name", user.getFirstAttribute(CitizenAttributes.FULL_NAME));
                put(claims, "family_name", user.getLastName());
                put(claims, "given_name", user.getFirstName());
                put(claims, "birthdate", user.getFirstAttribute(CitizenAttributes.BIRTHDATE));
                put(claims, "gender", user.getFirstAttribute(CitizenAttributes.GENDER));
            }
            case ADDRESS -> {
                String residence = user.getFirstAttribute(CitizenAttributes.PLACE_OF_RESIDENCE);
                if (residence != null) {
                    Map<String, String> address = new LinkedHashMap<>();
                    address.put("formatted", residence);
                    address.put("country", "VN");
                    claims.put("address", address);
                }
            }
            case PHONE -> {
                String phone = user.getFirstAttribute(CitizenAttributes.PHONE_NUMBER);
                if (phone != null) {
                    claims.put("phone_number", phone);
                    claims.put("phone_number_verified", CitizenAttributes.phoneNumberProven(user));
                }
            }
            case PERSONAL_ID -> {
                if (Boolean.parseBoolean(client.getAttribute(GOVERNMENT_CLIENT))) {
                    put(claims, "personal_id_number", user.getFirstAttribute(CitizenAttributes.PERSONAL_ID_NUMBER));
                }
            }
        }
        return claims;
    }

    private static void put(Map<String, Object> claims, String claim, String value) {
        if (value != null && !value.isBlank()) {
            claims.put(claim, value);
        }
    }

    /** The claim names the {@code claims} request parameter asks for in the ID token. */
    static Set<String> requestedInIdToken(ClientSessionContext ctx) {
        String claimsParam = ctx.getClientSession().getNote(CLAIMS_PARAMETER);
        if (claimsParam == null || claimsParam.isBlank()) {
            return Set.of();
        }
        try {
            JsonNode idToken = JSON.readTree(claimsParam).path("id_token");
            List<String> names = new ArrayList<>();
            idToken.fieldNames().forEachRemaining(names::add);
            return Set.copyOf(names);
        } catch (IOException e) {
            return Set.of();
        }
    }
}
