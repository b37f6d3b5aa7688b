package vn.dinhdanh.idp.authentication;

import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import vn.dinhdanh.idp.federation.CitizenAttributes;
import vn.dinhdanh.idp.protocol.AuthenticationMethods;
import vn.dinhdanh.idp.registry.PopulationRegistryProvider;
import vn.dinhdanh.registry.Citizen;
import vn.dinhdanh.registry.InvalidPersonalIdNumberException;
import vn.dinhdanh.registry.PersonalIdNumber;

/**
 * Re-checks the population registry at every login, after the citizen is identified: a deceased
 * citizen, or one the registry no longer knows, is refused with a page that says so. The account's
 * registry attributes are refreshed on the way.
 */
public final class RegistryStatusAuthenticator implements Authenticator {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        Optional<Citizen> citizen = lookUp(context.getSession(), user);
        if (citizen.isEmpty()) {
            refuse(context, RegistryErrors.CITIZEN_NOT_IN_REGISTRY, "citizenNotInRegistryMessage");
            return;
        }
        if (citizen.get().isDeceased()) {
            refuse(context, RegistryErrors.CITIZEN_DECEASED, "citizenDeceasedMessage");
            return;
        }
        CitizenAttributes.refresh(user, citizen.get());
        AuthenticationMethods.add(context.getAuthenticationSession(), "pwd");
        context.success();
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
        // The event carries the error code and Keycloak's user id; never the ID number or a name.
        context.getEvent().clone().user(context.getUser()).error(error);
        Response page = context.form().setError(message).createErrorPage(Response.Status.FORBIDDEN);
        context.failure(AuthenticationFlowError.ACCESS_DENIED, page);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        authenticate(context);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
