package vn.dinhdanh.idp.authentication;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** The factory of a required action that keeps no state of its own: one instance serves every request. */
public abstract class StatelessRequiredActionFactory implements RequiredActionFactory {

    private final String id;
    private final String displayText;
    private final RequiredActionProvider action;

    protected StatelessRequiredActionFactory(String id, String displayText, RequiredActionProvider action) {
        this.id = id;
        this.displayText = displayText;
        this.action = action;
    }

    @Override
    public final RequiredActionProvider create(KeycloakSession session) {
        return action;
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public final String getDisplayText() {
        return displayText;
    }

    @Override
    public final List<ProviderConfigProperty> getConfigMetadata() {
        return List.of();
    }

    @Override
    public final void init(Config.Scope config) {
    }

    @Override
    public final void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public final void close() {
    }
}
