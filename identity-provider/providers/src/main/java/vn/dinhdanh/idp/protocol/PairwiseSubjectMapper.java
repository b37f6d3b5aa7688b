package vn.dinhdanh.idp.protocol;

import java.util.List;
import java.util.Optional;
import org.keycloak.Config;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.LogoutTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;
import org.keycloak.representations.LogoutToken;
import vn.dinhdanh.idp.deployment.DeploymentProfile;
import vn.dinhdanh.idp.subject.PairwiseSubjects;
import vn.dinhdanh.idp.subject.RelyingPartyType;
import vn.dinhdanh.idp.subject.SectorIdentifier;

/**
 * The pairwise {@code sub} of private-sector relying parties (clients of type bank or telecom, see
 * {@link RelyingPartyType}): the same value in the ID token, the access token (and so the refresh token, which copies
 * it), userinfo, token introspection and the back-channel logout token (whose {@code sub} would otherwise be the
 * account id that every such client could join on). Government portals, and the tokens of service accounts (a bank's
 * client-credentials token for the eKYC API, whose {@code sub} Keycloak uses to find the service account), keep
 * Keycloak's {@code sub}.
 *
 * <p>Keycloak finds the citizen of a token that belongs to a user session (userinfo, bearer authentication, refresh,
 * introspection) by its session ({@code sid}), never by {@code sub}; only tokens without a session (client
 * credentials) are looked up by {@code sub}, and this mapper leaves those alone.
 *
 * <p>Option {@code --spi-protocol-mapper--dinhdanh-pairwise-subject--salt} (required, at least 32 characters; a demo
 * salt, starting {@value PairwiseSubjects#DEMO_SALT_PREFIX}, is refused by a production start). Changing the salt
 * changes every private-sector client's subjects.
 */
public final class PairwiseSubjectMapper extends AbstractOIDCProtocolMapper
        implements OIDCIDTokenMapper, OIDCAccessTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper, LogoutTokenMapper {

    public static final String ID = "dinhdanh-pairwise-subject";
    /** After Keycloak's own sub mapper (priority -10) and every other mapper. */
    static final int PRIORITY = 100;

    private PairwiseSubjects subjects;

    @Override
    public void init(Config.Scope config) {
        String salt = config.get("salt");
        if (salt == null || salt.length() < PairwiseSubjects.MIN_SALT_LENGTH) {
            throw new IllegalStateException("dinhdanh: set the pairwise subject salt (DINHDANH_PAIRWISE_SUBJECT_SALT, at least "
                    + PairwiseSubjects.MIN_SALT_LENGTH + " random characters, kept outside the database): banks and telecoms get pairwise subjects");
        }
        DeploymentProfile.refuseInProduction(salt.startsWith(PairwiseSubjects.DEMO_SALT_PREFIX),
                "DINHDANH_PAIRWISE_SUBJECT_SALT is the published demo salt; choose a secret of your own");
        subjects = new PairwiseSubjects(salt);
    }

    /** For tests: a mapper with this salt, as {@link #init} would make it. */
    static PairwiseSubjectMapper withSalt(String salt) {
        PairwiseSubjectMapper mapper = new PairwiseSubjectMapper();
        mapper.subjects = new PairwiseSubjects(salt);
        return mapper;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getDisplayType() {
        return "Pairwise subject for private-sector clients";
    }

    @Override
    public String getHelpText() {
        return "sub pairwise per sector (client attribute " + SectorIdentifier.ATTRIBUTE + ", else the redirect URIs' host) for clients of type "
                + "bank or telecom; government portals and service accounts keep the public sub";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public IDToken transformIDToken(IDToken token, ProtocolMapperModel model, KeycloakSession session,
                                    UserSessionModel userSession, ClientSessionContext ctx) {
        pairwise(userSession, ctx).ifPresent(token::setSubject);
        return token;
    }

    @Override
    public AccessToken transformAccessToken(AccessToken token, ProtocolMapperModel model, KeycloakSession session,
                                            UserSessionModel userSession, ClientSessionContext ctx) {
        pairwise(userSession, ctx).ifPresent(token::setSubject);
        return token;
    }

    @Override
    public AccessToken transformUserInfoToken(AccessToken token, ProtocolMapperModel model, KeycloakSession session,
                                              UserSessionModel userSession, ClientSessionContext ctx) {
        pairwise(userSession, ctx).ifPresent(token::setSubject);
        return token;
    }

    @Override
    public AccessToken transformIntrospectionToken(AccessToken token, ProtocolMapperModel model, KeycloakSession session,
                                                   UserSessionModel userSession, ClientSessionContext ctx) {
        pairwise(userSession, ctx).ifPresent(token::setSubject);
        return token;
    }

    @Override
    public LogoutToken transformLogoutToken(LogoutToken token, ProtocolMapperModel model, KeycloakSession session,
                                            UserSessionModel userSession, ClientSessionContext ctx) {
        pairwise(userSession, ctx).ifPresent(token::setSubject);
        return token;
    }

    /** The pairwise sub for this session's citizen and client, or empty where the public sub stays. */
    Optional<String> pairwise(UserSessionModel userSession, ClientSessionContext ctx) {
        if (userSession == null || ctx == null || ctx.getClientSession() == null) {
            return Optional.empty();
        }
        UserModel user = userSession.getUser();
        if (user == null || user.getServiceAccountClientLink() != null) {
            return Optional.empty();
        }
        return subjectFor(ctx.getClientSession().getClient(), user.getId());
    }

    /** The pairwise sub of this account for this client, or empty if the client keeps the public sub. */
    Optional<String> subjectFor(ClientModel client, String accountId) {
        if (client == null || RelyingPartyType.fromAttribute(client.getAttribute(RelyingPartyType.ATTRIBUTE))
                .filter(RelyingPartyType::privateSector).isEmpty()) {
            return Optional.empty();
        }
        if (subjects == null) {
            throw new IllegalStateException("dinhdanh: the pairwise subject mapper has no salt");
        }
        SectorIdentifier sector = SectorIdentifier.of(client.getAttribute(SectorIdentifier.ATTRIBUTE), client.getRedirectUris(),
                client.getClientId());
        return Optional.of(subjects.subject(sector, accountId));
    }
}
