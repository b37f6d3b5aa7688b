package vn.dinhdanh.tests.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import io.restassured.response.Response;
import java.util.Map;

/** The citizen's side of a password login at the dinhdanh login page. */
public final class CitizenLogin {

    private CitizenLogin() {
    }

    /** Opens the authorization URL and returns the login page. */
    public static Response openLoginPage(Browser browser, RelyingParty.Attempt attempt) {
        Response page = browser.get(attempt.uri().toString());
        // a pushed request (PAR) is answered by a redirect into the login flow on the same server
        String origin = attempt.uri().getScheme() + "://" + attempt.uri().getAuthority() + "/";
        for (int hops = 0; hops < 3 && page.statusCode() == 302 && page.getHeader("Location") != null
                && page.getHeader("Location").startsWith(origin) && page.getHeader("Location").contains("/login-actions/"); hops++) {
            page = browser.get(page.getHeader("Location"));
        }
        assertThat(page.statusCode()).as("login page (Location: %s)", page.getHeader("Location")).isEqualTo(200);
        return page;
    }

    /** Submits the login form of the given page; returns the server's answer (a redirect on success). */
    public static Response submit(Browser browser, Response loginPage, String personalIdNumber, String password) {
        String action = Browser.formAction(loginPage.asString(), "kc-form-login");
        return browser.postForm(action, Map.of("username", personalIdNumber, "password", password, "credentialId", ""));
    }

    /** A complete, successful login: returns the authorization code sent back to the relying party. */
    public static AuthorizationCode login(Browser browser, RelyingParty rp, RelyingParty.Attempt attempt, String pin, String password) {
        Response answer = submit(browser, openLoginPage(browser, attempt), pin, password);
        return codeFrom(rp, attempt, answer);
    }

    public static AuthorizationCode codeFrom(RelyingParty rp, RelyingParty.Attempt attempt, Response answer) {
        assertThat(answer.statusCode()).as("redirect back to the relying party; page was:\n%s", answer.asString()).isEqualTo(302);
        String location = answer.getHeader("Location");
        assertThat(location).startsWith(rp.redirectUri().toString());
        assertThat(Browser.queryParam(location, "state")).isEqualTo(attempt.state().getValue());
        String code = Browser.queryParam(location, "code");
        assertThat(code).as("code in %s", location).isNotBlank();
        return new AuthorizationCode(code);
    }
}
