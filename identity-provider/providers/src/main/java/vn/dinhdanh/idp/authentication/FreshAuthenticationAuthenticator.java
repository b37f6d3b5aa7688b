package vn.dinhdanh.idp.authentication;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;

/**
 * {@code max_age=0} means the citizen must authenticate again, as {@code prompt=login} does (OpenID Connect Core
 * 3.1.2.1). Keycloak compares authentication times in whole seconds, so a request in the same second as the last
 * login would be answered from the SSO session; placed before the SSO cookie in the flow, this step turns
 * {@code max_age=0} into {@code prompt=login} and steps aside.
 */
public final class FreshAuthenticationAuthenticator implements StatelessAuthenticator {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        var auth = context.getAuthenticationSession();
        if ("0".equals(auth.getClientNote(OIDCLoginProtocol.MAX_AGE_PARAM))) {
            String prompt = auth.getClientNote(OIDCLoginProtocol.PROMPT_PARAM);
            if (prompt == null || !prompt.contains(OIDCLoginProtocol.PROMPT_VALUE_LOGIN)) {
                auth.setClientNote(OIDCLoginProtocol.PROMPT_PARAM,
                        prompt == null || prompt.isBlank() ? OIDCLoginProtocol.PROMPT_VALUE_LOGIN : prompt + " " + OIDCLoginProtocol.PROMPT_VALUE_LOGIN);
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
