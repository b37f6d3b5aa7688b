package vn.dinhdanh.idp.protocol;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;
import vn.dinhdanh.idp.assurance.ClaimsRequest;
import vn.dinhdanh.idp.assurance.IdentityAssurance;
import vn.dinhdanh.idp.assurance.InvalidClaimsRequestException;
import vn.dinhdanh.idp.assurance.VerificationAttributes;
import vn.dinhdanh.idp.assurance.VerificationRecord;
import vn.dinhdanh.idp.assurance.VerifiedClaims;
import vn.dinhdanh.idp.consent.ConsentedClaims;

/**
 * Releases {@code verified_claims} (OpenID Connect for Identity Assurance 1.0) in the ID token and in userinfo, where
 * the relying party asked for them through the {@code claims} request parameter, and only the claims its granted scopes
 * release (the claim sets of the {@value CitizenClaimsMapper#ID} mappers of those scopes). The parameter was checked at
 * the authorization endpoint ({@link VerifiedClaimsRequestExecutor}); a stored one that does not read releases nothing.
 */
public final class VerifiedClaimsMapper extends AbstractOIDCProtocolMapper implements OIDCIDTokenMapper, UserInfoTokenMapper {

    public static final String ID = "dinhdanh-verified-claims";
    /** The claim sets whose claims can be verified claims: the phone number is the citizen's word, not the registry's. */
    private static final Set<CitizenClaimsMapper.ClaimSet> VERIFIABLE = EnumSet.of(CitizenClaimsMapper.ClaimSet.PROFILE,
            CitizenClaimsMapper.ClaimSet.ADDRESS, CitizenClaimsMapper.ClaimSet.PERSONAL_ID);

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
        return "Verified claims (OpenID Connect for Identity Assurance)";
    }

    @Override
    public String getHelpText() {
        return "verified_claims in the ID token and userinfo when requested through the claims parameter, limited to the claims the granted scopes release";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public IDToken transformIDToken(IDToken token, ProtocolMapperModel model, KeycloakSession session,
                                    UserSessionModel userSession, ClientSessionContext ctx) {
        release(ClaimsRequest.Target.ID_TOKEN, userSession.getUser(), ctx).ifPresent(v -> token.getOtherClaims().put(ClaimsRequest.VERIFIED_CLAIMS, v));
        return token;
    }

    @Override
    public AccessToken transformUserInfoToken(AccessToken token, ProtocolMapperModel model, KeycloakSession session,
                                              UserSessionModel userSession, ClientSessionContext ctx) {
        release(ClaimsRequest.Target.USERINFO, userSession.getUser(), ctx).ifPresent(v -> token.getOtherClaims().put(ClaimsRequest.VERIFIED_CLAIMS, v));
        return token;
    }

    /** The value of {@code verified_claims} for this target, if the request asked for any it can have. */
    static Optional<Object> release(ClaimsRequest.Target target, UserModel user, ClientSessionContext ctx) {
        ClaimsRequest request;
        try {
            request = ClaimsRequest.parse(ctx.getClientSession().getNote(CitizenClaimsMapper.CLAIMS_PARAMETER));
        } catch (InvalidClaimsRequestException e) {
            return Optional.empty();
        }
        Optional<ClaimsRequest.VerifiedClaimsQuery> query = request.verifiedClaims(target);
        if (query.isEmpty() || !ConsentedClaims.allows(ctx.getClientSession(), ClaimsRequest.VERIFIED_CLAIMS)) {
            return Optional.empty();
        }
        ClientModel client = ctx.getClientSession().getClient();
        Map<String, Object> available = new LinkedHashMap<>();
        for (CitizenClaimsMapper.ClaimSet set : grantedClaimSets(ctx)) {
            CitizenClaimsMapper.consented(CitizenClaimsMapper.claims(set, user, client), ctx).forEach((name, value) -> {
                if (IdentityAssurance.CLAIMS.contains(name)) {
                    available.put(name, value);
                }
            });
        }
        boolean documentNumberAllowed = available.containsKey("personal_id_number");
        VerificationRecord record = VerificationAttributes.of(user, ctx.getClientSession().getUserSession());
        Instant now = Instant.ofEpochMilli(Time.currentTimeMillis());
        List<Map<String, Object>> answers = query.get().elements().stream()
                .map(element -> VerifiedClaims.answer(element, record, available, documentNumberAllowed, now))
                .flatMap(Optional::stream)
                .toList();
        if (answers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(query.get().array() ? answers : answers.get(0));
    }

    /** The verifiable claim sets of the citizen-claims mappers that this token's granted scopes (and the client) carry. */
    static Set<CitizenClaimsMapper.ClaimSet> grantedClaimSets(ClientSessionContext ctx) {
        return ctx.getProtocolMappersStream()
                .filter(m -> CitizenClaimsMapper.ID.equals(m.getProtocolMapper()))
                .map(CitizenClaimsMapper::claimSet)
                .filter(VERIFIABLE::contains)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(CitizenClaimsMapper.ClaimSet.class)));
    }
}
