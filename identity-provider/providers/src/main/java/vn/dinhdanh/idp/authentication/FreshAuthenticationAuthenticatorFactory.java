package vn.dinhdanh.idp.authentication;

import org.keycloak.models.AuthenticationExecutionModel.Requirement;

public final class FreshAuthenticationAuthenticatorFactory extends DinhdanhAuthenticatorFactory {

    public static final String ID = "dinhdanh-fresh-authentication";

    public FreshAuthenticationAuthenticatorFactory() {
        super(ID, "max_age=0 means a fresh login", "Before the SSO cookie: turns max_age=0 into prompt=login, then steps aside",
                new FreshAuthenticationAuthenticator(), Requirement.ALTERNATIVE, Requirement.DISABLED);
    }
}
