package vn.dinhdanh.idp.authentication;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * The factory of a dinhdanh authenticator without configuration or user setup: one shared instance when it is
 * stateless, or a subclass's own {@link #create} when it needs the session.
 */
public abstract class DinhdanhAuthenticatorFactory implements AuthenticatorFactory {

    private final String id;
    private final String displayType;
    private final String helpText;
    private final Authenticator instance;
    private final Requirement[] requirementChoices;

    protected DinhdanhAuthenticatorFactory(String id, String displayType, String helpText, Authenticator instance,
                                           Requirement... requirementChoices) {
        this.id = id;
        this.displayType = displayType;
        this.helpText = helpText;
        this.instance = instance;
        this.requirementChoices = requirementChoices.clone();
    }

    /** For a subclass that makes its authenticator per session (it overrides {@link #create}). */
    protected DinhdanhAuthenticatorFactory(String id, String displayType, String helpText, Requirement... requirementChoices) {
        this(id, displayType, helpText, null, requirementChoices);
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return instance;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getDisplayType() {
        return displayType;
    }

    @Override
    public String getHelpText() {
        return helpText;
    }

    @Override
    public String getReferenceCategory() {
        return null;
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return requirementChoices.clone();
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
