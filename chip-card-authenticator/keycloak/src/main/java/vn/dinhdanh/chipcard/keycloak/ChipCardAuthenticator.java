package vn.dinhdanh.chipcard.keycloak;

import vn.dinhdanh.idp.authentication.CitizenPasswordForm;
import vn.dinhdanh.idp.keycloak.KeycloakInternals;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.OptionalLong;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import vn.dinhdanh.idp.authentication.StatelessAuthenticator;
import vn.dinhdanh.idp.authentication.Level2SecondFactor;
import vn.dinhdanh.idp.assurance.VerificationAttributes;
import vn.dinhdanh.idp.federation.AccountLevel;
import vn.dinhdanh.idp.federation.CitizenStorageProvider;
import vn.dinhdanh.idp.limits.RateLimits;
import vn.dinhdanh.idp.protocol.AuthenticationMethods;
import vn.dinhdanh.registry.RegistryUnavailableException;

/**
 * Cross-device chip-card login: shows a QR code and a short code for a pending request bound to this browser
 * authentication session; the citizen's phone reads the card and posts the evidence to
 * {@link ChipCardAppResource}; the page polls the request and continues here once it is answered. A verified card
 * logs the citizen in (the account is brought in from the registry if needed) and raises a level-1 account to
 * level 2. Once proven in an authentication session, the card satisfies every later level of that session.
 */
public final class ChipCardAuthenticator implements StatelessAuthenticator {

    private static final int SUBSTANTIAL = 2;
    private static final int HIGH = 3;
    static final String NOTE_HANDLE = "dinhdanh.chip.handle";
    static final String NOTE_VERIFIED = "dinhdanh.chip.verified";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        AuthenticationSessionModel auth = context.getAuthenticationSession();
        if (auth.getAuthNote(NOTE_VERIFIED) != null) {
            context.success();
            return;
        }
        if (context.getExecution().isAlternative() && !chosen(context)) {
            // Offered beside the password or a second factor: the other method comes first unless the relying party
            // asked for high, or for substantial and the citizen has no other usable method here, or the citizen
            // picked the chip card under "Try another way".
            context.attempted();
            return;
        }
        ChipCardRequests requests = new ChipCardRequests(context.getSession());
        Optional<ChipCardRequest> open = requestOfThisSession(auth, requests);
        if (open.isPresent() && !(open.get().status() == ChipCardRequest.Status.PENDING
                && open.get().expiredAt(org.keycloak.common.util.Time.currentTime()))) {
            // The page again (reloaded, or opened by the app's return link on this phone): the same request, so the QR
            // code being scanned stays valid, and a request the phone has answered meanwhile is taken at once.
            answer(context, requests, open.get());
            return;
        }
        open.ifPresent(expired -> requests.consume(expired.handle()));
        OptionalLong wait = new RateLimits(context.getSession(), context.getRealm())
                .take(RateLimits.CHIP_REQUESTS_PER_ADDRESS, context.getConnection().getRemoteAddr());
        if (wait.isPresent()) {
            context.getEvent().clone().user(context.getUser()).error("chip_card_" + ChipCardError.RATE_LIMITED.code());
            Response page = context.form().setError("chipCardError." + ChipCardError.RATE_LIMITED.code()).createErrorPage(Response.Status.TOO_MANY_REQUESTS);
            context.failure(AuthenticationFlowError.ACCESS_DENIED, Response.fromResponse(page).header(RateLimits.RETRY_AFTER, wait.getAsLong()).build());
            return;
        }
        ChipCardRequest request = requests.create(context.getRealm().getId(), bindingOf(auth),
                serviceName(auth), "high", context.getUser() == null ? null : context.getUser().getUsername(),
                ChipCardSettings.current().requestLifespanSeconds(context.getRealm()));
        auth.setAuthNote(NOTE_HANDLE, request.handle());
        context.challenge(page(context, request));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        if (context.getHttpRequest().getDecodedFormParameters().containsKey("cancel")) {
            // The citizen cannot or will not use the card: the relying party gets access_denied, never a lower level.
            context.cancelLogin();
            return;
        }
        AuthenticationSessionModel auth = context.getAuthenticationSession();
        String handle = auth.getAuthNote(NOTE_HANDLE);
        ChipCardRequests requests = new ChipCardRequests(context.getSession());
        Optional<ChipCardRequest> found = handle == null ? Optional.empty() : requests.find(handle).filter(r -> r.handle().equals(handle));
        if (found.isEmpty()) {
            refuse(context, ChipCardError.REQUEST_EXPIRED);
            return;
        }
        if (!found.get().authSession().equals(bindingOf(auth))) {
            refuse(context, ChipCardError.REQUEST_BINDING_MISMATCH);
            return;
        }
        answer(context, requests, found.get());
    }

    /** The request this authentication session made, if it is still known and bound to it. */
    private static Optional<ChipCardRequest> requestOfThisSession(AuthenticationSessionModel auth, ChipCardRequests requests) {
        String handle = auth.getAuthNote(NOTE_HANDLE);
        return handle == null ? Optional.empty()
                : requests.find(handle).filter(r -> r.handle().equals(handle) && r.authSession().equals(bindingOf(auth)));
    }

    /** Goes on from the request's state: the page while it waits for the phone, the login once the card is verified. */
    private static void answer(AuthenticationFlowContext context, ChipCardRequests requests, ChipCardRequest request) {
        switch (request.status()) {
            case PENDING -> {
                if (request.expiredAt(org.keycloak.common.util.Time.currentTime())) {
                    requests.consume(request.handle());
                    refuse(context, ChipCardError.REQUEST_EXPIRED);
                } else {
                    context.challenge(page(context, request));
                }
            }
            case FAILED -> {
                requests.consume(request.handle());
                refuse(context, ChipCardError.TOO_MANY_ATTEMPTS);
            }
            case VERIFIED -> finish(context, requests, request);
        }
    }

    private static void finish(AuthenticationFlowContext context, ChipCardRequests requests, ChipCardRequest request) {
        if (requests.consume(request.handle()).isEmpty()) {
            refuse(context, ChipCardError.REQUEST_USED);
            return;
        }
        UserModel user;
        try {
            user = CitizenStorageProvider.importAfterProof(context.getSession(), context.getRealm(), request.verifiedPin());
        } catch (RegistryUnavailableException e) {
            refuse(context, ChipCardError.REGISTRY_UNAVAILABLE);
            return;
        }
        if (user == null) {
            refuse(context, ChipCardError.CITIZEN_NOT_IN_REGISTRY);
            return;
        }
        if (context.getUser() != null && !context.getUser().getId().equals(user.getId())) {
            refuse(context, ChipCardError.PIN_MISMATCH);
            return;
        }
        AccountLevel.Raise raise = AccountLevel.raiseToLevel2AfterChipProof(context.getSession(), context.getRealm(), user,
                context.getAuthenticationSession());
        if (raise.raised()) {
            context.getEvent().detail("account_level", "2").detail("sessions_ended", Integer.toString(raise.sessionsEnded()));
        }
        if (request.proof() != null) {
            VerificationAttributes.recordChipProof(user, context.getAuthenticationSession(), request.proof());
        }
        context.setUser(user);
        AuthenticationSessionModel auth = context.getAuthenticationSession();
        auth.setAuthNote(NOTE_VERIFIED, "true");
        AuthenticationMethods.add(auth, "sc", "hwk");
        context.success();
    }

    private static boolean chosen(AuthenticationFlowContext context) {
        AuthenticationSessionModel auth = context.getAuthenticationSession();
        if (context.getExecution().getId().equals(KeycloakInternals.currentExecution(auth))
                || "true".equals(auth.getAuthNote(CitizenPasswordForm.CHIP_CARD_CHOSEN))) {
            return true;
        }
        int requested = KeycloakInternals.requestedLevelOfAuthentication(context.getSession(), auth, context.getTopLevelFlow());
        // high needs the card anyway: never a second factor first
        return requested >= HIGH || requested >= SUBSTANTIAL && !anotherMethodIsSetUp(context);
    }

    /** Whether a known citizen has set up a sibling alternative of this step (an SMS number, an authenticator app...). */
    private static boolean anotherMethodIsSetUp(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        if (user == null) {
            return false;
        }
        KeycloakSession session = context.getSession();
        AuthenticationExecutionModel self = context.getExecution();
        return context.getRealm().getAuthenticationExecutionsStream(self.getParentFlow())
                .filter(e -> !e.getId().equals(self.getId()) && e.isAlternative() && !e.isAuthenticatorFlow() && e.getAuthenticator() != null)
                .map(e -> session.getKeycloakSessionFactory().getProviderFactory(Authenticator.class, e.getAuthenticator()))
                .filter(AuthenticatorFactory.class::isInstance)
                .map(f -> ((AuthenticatorFactory) f).create(session))
                .anyMatch(other -> other.requiresUser() && Level2SecondFactor.usableBy(other, session, context.getRealm(), user));
    }

    private static Response page(AuthenticationFlowContext context, ChipCardRequest request) {
        String realmUrl = context.getUriInfo().getBaseUriBuilder().path("realms").path(context.getRealm().getName()).build().toString();
        String appUrl = realmUrl + "/chip-card/requests/" + request.handle();
        // at high no other way reaches the level (a password or a second factor still ends at this page): none is offered
        boolean onlyTheCard = KeycloakInternals.requestedLevelOfAuthentication(context.getSession(), context.getAuthenticationSession(),
                context.getTopLevelFlow()) >= HIGH;
        return context.form()
                .setAttribute("onlyTheCardReachesThisLevel", onlyTheCard)
                .setAttribute("qrSvg", QrCodeSvg.of(appUrl))
                .setAttribute("appLink", SameDeviceAppLink.of(appUrl, context.getRefreshExecutionUrl().toString()))
                .setAttribute("shortCode", request.shortCode().substring(0, 4) + "-" + request.shortCode().substring(4))
                .setAttribute("expiresAt", request.expiresAt())
                .setAttribute("statusUrl", appUrl + "/status")
                .createForm("login-chip-card.ftl");
    }

    private static void refuse(AuthenticationFlowContext context, ChipCardError error) {
        context.getEvent().clone().user(context.getUser()).error("chip_card_" + error.code());
        Response page = context.form().setError("chipCardError." + error.code())
                .createErrorPage(error == ChipCardError.REQUEST_EXPIRED ? Response.Status.GONE : Response.Status.FORBIDDEN);
        context.failure(AuthenticationFlowError.ACCESS_DENIED, page);
    }

    static String bindingOf(AuthenticationSessionModel auth) {
        return auth.getParentSession().getId() + "." + auth.getTabId();
    }

    private static String serviceName(AuthenticationSessionModel auth) {
        String name = auth.getClient().getName();
        return name == null || name.isBlank() || name.startsWith("${") ? auth.getClient().getClientId() : name;
    }

    @Override
    public boolean requiresUser() {
        return false;
    }
}
