package vn.dinhdanh.idp.authentication;

import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationFlowContext;
import vn.dinhdanh.idp.keycloak.KeycloakInternals;
import org.keycloak.events.Details;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import vn.dinhdanh.idp.federation.CitizenAttributes;
import vn.dinhdanh.idp.protocol.AuthenticationMethods;
import vn.dinhdanh.idp.registry.PopulationRegistryProvider;
import vn.dinhdanh.registry.Citizen;
import vn.dinhdanh.registry.InvalidPersonalIdNumberException;
import vn.dinhdanh.registry.PersonalIdNumber;
import vn.dinhdanh.registry.RegistryUnavailableException;

/**
 * Re-checks the population registry at every login, after the citizen is identified by whatever path (SSO
 * cookie, password, chip card): a deceased citizen, or one the registry no longer knows, is refused with a
 * page that says so. The account's
 * registry attributes are refreshed on the way.
 */
public final class RegistryStatusAuthenticator implements StatelessAuthenticator {

    /** RFC 8176 method of each Keycloak authenticator the realm's flows use. */
    private static final java.util.Map<String, String> KEYCLOAK_METHODS = java.util.Map.of(
            "auth-username-password-form", "pwd",
            CitizenPasswordForm.Factory.ID, "pwd",
            SecondFactorOfLevel2Account.Otp.ID, "otp",
            SecondFactorOfLevel2Account.WebAuthn.ID, "hwk");

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        Optional<Citizen> citizen;
        try {
            citizen = lookUp(context.getSession(), user);
        } catch (RegistryUnavailableException e) {
            // Nobody is let in unchecked: the citizen is told to try again later, and the refusal is not theirs.
            refuse(context, RegistryErrors.REGISTRY_UNAVAILABLE, "registryUnavailableMessage", Response.Status.SERVICE_UNAVAILABLE);
            return;
        }
        if (citizen.isEmpty()) {
            refuse(context, RegistryErrors.CITIZEN_NOT_IN_REGISTRY, "citizenNotInRegistryMessage");
            return;
        }
        if (citizen.get().isDeceased()) {
            refuse(context, RegistryErrors.CITIZEN_DECEASED, "citizenDeceasedMessage");
            return;
        }
        CitizenAttributes.refresh(user, citizen.get());
        recordKeycloakMethods(context);
        stateWhatHappened(context);
        context.success();
    }

    /**
     * The token states what happened, never less: a chip card proven in this authentication is level {@code high},
     * whatever level the relying party asked for (the card may have been chosen on the first page at {@code low}).
     */
    private static void stateWhatHappened(AuthenticationFlowContext context) {
        if (AuthenticationMethods.used(context.getAuthenticationSession(), "sc")) {
            Integer high = KeycloakInternals.levelsOfAssurance(context.getAuthenticationSession().getClient()).get("high");
            if (high != null) {
                KeycloakInternals.raiseLevelOfAuthentication(context.getSession(), context.getAuthenticationSession(), high);
            }
        }
    }

    /**
     * Adds to {@code amr} the methods of Keycloak's own authenticators that succeeded in this authentication (none
     * on an SSO-cookie login); dinhdanh's authenticators record their own.
     */
    private static void recordKeycloakMethods(AuthenticationFlowContext context) {
        context.getAuthenticationSession().getExecutionStatus().entrySet().stream()
                .filter(e -> e.getValue() == AuthenticationSessionModel.ExecutionStatus.SUCCESS)
                .map(e -> context.getRealm().getAuthenticationExecutionById(e.getKey()))
                .filter(execution -> execution != null && execution.getAuthenticator() != null)
                .map(execution -> KEYCLOAK_METHODS.get(execution.getAuthenticator()))
                .filter(java.util.Objects::nonNull)
                .forEach(method -> AuthenticationMethods.add(context.getAuthenticationSession(), method));
    }

    private static Optional<Citizen> lookUp(KeycloakSession session, UserModel user) {
        if (user == null) {
            return Optional.empty();
        }
        try {
            return PopulationRegistryProvider.of(session).findCitizen(PersonalIdNumber.parse(user.getUsername()));
        } catch (InvalidPersonalIdNumberException e) {
            return Optional.empty();
        }
    }

    private static void refuse(AuthenticationFlowContext context, String error, String message) {
        refuse(context, error, message, Response.Status.FORBIDDEN);
    }

    private static void refuse(AuthenticationFlowContext context, String error, String message, Response.Status status) {
        // The event carries the error code and Keycloak's opaque user id; never the ID number (the username) or a name.
        context.getEvent().clone().user(context.getUser()).removeDetail(Details.USERNAME).error(error);
        // A challenge, not a failure: the refusal is the registry's, not a wrong password, so it must not count
        // towards brute-force lockout; every further attempt gets the same clear page.
        context.forceChallenge(context.form().setError(message).createErrorPage(status));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        authenticate(context);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }
}
