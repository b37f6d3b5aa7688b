package vn.dinhdanh.idp.authentication;

import java.util.List;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.authentication.CredentialValidator;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * One of Keycloak's own second factors (TOTP, WebAuthn), offered at {@code substantial} only to a level-2 account:
 * a level-1 citizen who has set up an authenticator app still has to prove the chip card once. The login itself is
 * Keycloak's authenticator, reached through its factory; this only narrows whom it is offered to.
 */
public abstract class SecondFactorOfLevel2Account extends DinhdanhAuthenticatorFactory {

    private final String delegateId;

    protected SecondFactorOfLevel2Account(String id, String delegateId, String displayType) {
        super(id, displayType, "Keycloak's " + delegateId + ", offered only to level-2 accounts", Requirement.ALTERNATIVE, Requirement.DISABLED);
        this.delegateId = delegateId;
    }

    /** Keycloak's authenticator app (TOTP) form, for level-2 accounts. */
    public static final class Otp extends SecondFactorOfLevel2Account {
        public static final String ID = "dinhdanh-level2-otp";

        public Otp() {
            super(ID, "auth-otp-form", "Authenticator app code (level-2 accounts)");
        }
    }

    /** Keycloak's WebAuthn security-key login, for level-2 accounts. */
    public static final class WebAuthn extends SecondFactorOfLevel2Account {
        public static final String ID = "dinhdanh-level2-webauthn";

        public WebAuthn() {
            super(ID, "webauthn-authenticator", "Security key or passkey (level-2 accounts)");
        }
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        AuthenticatorFactory keycloaks = (AuthenticatorFactory) session.getKeycloakSessionFactory().getProviderFactory(Authenticator.class, delegateId);
        return new Level2Only(keycloaks.create(session));
    }

    /**
     * Keycloak's authenticator behind a level-2 check. It is a credential validator like the one it wraps, so that
     * "Try another way" lists it only to citizens who have the credential.
     */
    private record Level2Only(Authenticator delegate) implements Authenticator, Level2SecondFactor, CredentialValidator<CredentialProvider> {

        @Override
        public void authenticate(AuthenticationFlowContext context) {
            if (!Level2SecondFactor.refusedUnlessUsable(context, this)) {
                delegate.authenticate(context);
            }
        }

        @Override
        public void action(AuthenticationFlowContext context) {
            if (!Level2SecondFactor.refusedUnlessUsable(context, this)) {
                delegate.action(context);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public CredentialProvider getCredentialProvider(KeycloakSession session) {
            return ((CredentialValidator<CredentialProvider>) delegate).getCredentialProvider(session);
        }

        @Override
        public boolean requiresUser() {
            return true;
        }

        @Override
        public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
            return delegate.configuredFor(session, realm, user);
        }

        @Override
        public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        }

        @Override
        public List<RequiredActionFactory> getRequiredActions(KeycloakSession session) {
            return delegate.getRequiredActions(session);
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
