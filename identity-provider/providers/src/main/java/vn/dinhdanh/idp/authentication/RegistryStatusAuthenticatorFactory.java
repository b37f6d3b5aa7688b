package vn.dinhdanh.idp.authentication;

import org.keycloak.models.AuthenticationExecutionModel.Requirement;

public final class RegistryStatusAuthenticatorFactory extends DinhdanhAuthenticatorFactory {

    public static final String ID = "dinhdanh-registry-status";

    public RegistryStatusAuthenticatorFactory() {
        super(ID, "Population registry status",
                "Refuses the login of a citizen the population registry records as deceased or no longer knows, and refreshes the account's registry attributes",
                new RegistryStatusAuthenticator(), Requirement.REQUIRED, Requirement.DISABLED);
    }
}
