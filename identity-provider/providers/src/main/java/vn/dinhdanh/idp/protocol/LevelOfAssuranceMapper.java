package vn.dinhdanh.idp.protocol;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.representations.IDToken;
import vn.dinhdanh.idp.keycloak.KeycloakInternals;

/**
 * The {@code acr} claim: the level of assurance the login reached, never less. Keycloak's own acr mapper answers the
 * value the relying party asked for whenever the level reached satisfies it, so a chip card proven at a
 * {@code substantial} request said {@code substantial}; here it says {@code high}.
 *
 * <p>One exception keeps OpenID Connect's rule for an essential {@code acr} claim (Core 5.5.1.1: the answer is one of
 * the requested values): when the relying party made {@code acr} essential and the level reached is not among its
 * values, the answer is the highest of them that the level satisfies. {@code amr} always says what was used.
 */
public final class LevelOfAssuranceMapper extends TokenClaimMapper {

    public static final String ID = "dinhdanh-acr";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Level of assurance reached (acr)";
    }

    @Override
    public String getHelpText() {
        return "acr from the level of authentication this login reached (low, substantial, high), even above the level asked for";
    }

    @Override
    void put(IDToken token, UserSessionModel userSession, ClientSessionContext ctx) {
        token.setAcr(acr(ctx.getClientSession()));
    }

    static String acr(AuthenticatedClientSessionModel clientSession) {
        int level = KeycloakInternals.levelOfAuthentication(clientSession);
        Map<String, Integer> levels = KeycloakInternals.levelsOfAssurance(clientSession.getClient());
        List<String> essential = KeycloakInternals.essentialAcrValues(clientSession.getNote(OIDCLoginProtocol.CLAIMS_PARAM));
        return acr(level, levels, essential);
    }

    /**
     * The name of the highest level at or below {@code level}; or, when {@code essential} values were asked for and
     * that name is not one of them, the highest essential value at or below {@code level}; the number itself when no
     * name fits.
     */
    static String acr(int level, Map<String, Integer> levels, List<String> essential) {
        Optional<String> reached = highestAtOrBelow(level, levels, levels.keySet());
        if (!essential.isEmpty() && reached.filter(essential::contains).isEmpty()) {
            Optional<String> asked = highestAtOrBelow(level, levels, essential);
            if (asked.isPresent()) {
                return asked.get();
            }
        }
        return reached.orElse(Integer.toString(level));
    }

    private static Optional<String> highestAtOrBelow(int level, Map<String, Integer> levels, Collection<String> names) {
        String best = null;
        int bestLevel = Integer.MIN_VALUE;
        for (String name : names) {
            Integer l = levels.get(name);
            if (l != null && l <= level && l > bestLevel) {
                best = name;
                bestLevel = l;
            }
        }
        return Optional.ofNullable(best);
    }
}
