package vn.dinhdanh.idp.authentication;

import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.AuthenticationFlowContext;

/**
 * {@code max_age=0} means the citizen must authenticate again, as {@code prompt=login} does (OpenID Connect Core
 * 3.1.2.1). Keycloak compares authentication times in whole seconds, so a request in the same second as the last
 * login would be answered from the SSO session; placed before the SSO cookie in the flow, this step turns
 * {@code max_age=0} into {@code prompt=login} and steps aside.
 */
public final class FreshAuthenticationAuthenticator implements StatelessAuthenticator {

    /** The {@code prompt} value that asks for a new authentication (OpenID Connect Core 3.1.2.1). */
    static final String PROMPT_LOGIN = "login";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        var auth = context.getAuthenticationSession();
        if ("0".equals(auth.getClientNote(OAuth2Constants.MAX_AGE))) {
            String prompt = auth.getClientNote(OAuth2Constants.PROMPT);
            if (prompt == null || !prompt.contains(PROMPT_LOGIN)) {
                auth.setClientNote(OAuth2Constants.PROMPT,
                        prompt == null || prompt.isBlank() ? PROMPT_LOGIN : prompt + " " + PROMPT_LOGIN);
            }
        }
        context.attempted();
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        context.attempted();
    }

    @Override
    public boolean requiresUser() {
        return false;
    }
}
