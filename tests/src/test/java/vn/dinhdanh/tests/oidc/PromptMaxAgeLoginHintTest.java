package vn.dinhdanh.tests.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.CitizenLogin;
import vn.dinhdanh.tests.support.DemoCitizens;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.Pages;
import vn.dinhdanh.tests.support.Poll;
import vn.dinhdanh.tests.support.RelyingParty;

/**
 * prompt, max_age and login_hint as OpenID Connect Core 3.1.2.1 requires, through dinhdanh's own browser flow (cookie,
 * level-of-assurance subflows, registry check) and the registry federation.
 */
class PromptMaxAgeLoginHintTest {

    static final DemoCitizens.Demo CITIZEN = DemoCitizens.NGOC;

    static DinhdanhServer server;
    static RelyingParty portal;

    @BeforeAll
    static void start() {
        server = DinhdanhServer.get();
        portal = RelyingParty.portal(server);
    }

    /** A browser with an SSO session, and the ID token of the login that made it. */
    record Session(Browser browser, IDTokenClaimsSet idToken) {
    }

    static Session loggedIn() {
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = portal.authorize("openid");
        AuthorizationCode code = CitizenLogin.login(browser, portal, attempt, CITIZEN.pin(), CITIZEN.password());
        return new Session(browser, idToken(attempt, code));
    }

    static IDTokenClaimsSet idToken(RelyingParty.Attempt attempt, AuthorizationCode code) {
        var response = portal.exchange(code, attempt.verifier());
        assertThat(response.indicatesSuccess()).as("%s", response).isTrue();
        return portal.validate(((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken(), attempt.nonce());
    }

    @Test
    void whenPromptIsLoginWithAnSsoSession_thenTheLoginFormIsShownAgain() {
        Session session = loggedIn();
        RelyingParty.Attempt attempt = portal.authorize("openid", b -> b.prompt(new Prompt(Prompt.Type.LOGIN)));

        Response page = session.browser().get(attempt.uri().toString());
        assertThat(page.statusCode()).as("no silent SSO").isEqualTo(200);
        assertThat(page.asString()).contains("kc-form-login");

        AuthorizationCode code = CitizenLogin.codeFrom(portal, attempt, CitizenLogin.submit(session.browser(), page, CITIZEN.pin(), CITIZEN.password()));
        IDTokenClaimsSet id = idToken(attempt, code);
        assertThat(id.getSubject()).isEqualTo(session.idToken().getSubject());
        assertThat(id.getAuthenticationTime()).isAfterOrEqualTo(session.idToken().getAuthenticationTime());
    }

    @Test
    void whenPromptIsNoneWithoutASession_thenTheClientGetsLoginRequired() {
        RelyingParty.Attempt attempt = portal.authorize("openid", b -> b.prompt(new Prompt(Prompt.Type.NONE)));

        Response answer = new Browser().get(attempt.uri().toString());

        assertThat(answer.statusCode()).isEqualTo(302);
        String location = answer.getHeader("Location");
        assertThat(location).startsWith(portal.redirectUri().toString());
        assertThat(Browser.queryParam(location, "error")).isEqualTo("login_required");
        assertThat(Browser.queryParam(location, "state")).isEqualTo(attempt.state().getValue());
        assertThat(Browser.queryParam(location, "code")).isNull();
    }

    @Test
    void whenPromptIsNoneWithASession_thenACodeIsReturnedWithoutAForm() {
        Session session = loggedIn();
        RelyingParty.Attempt attempt = portal.authorize("openid", b -> b.prompt(new Prompt(Prompt.Type.NONE)));

        Response answer = session.browser().get(attempt.uri().toString());

        AuthorizationCode code = CitizenLogin.codeFrom(portal, attempt, answer);
        IDTokenClaimsSet id = idToken(attempt, code);
        assertThat(id.getSubject()).isEqualTo(session.idToken().getSubject());
        assertThat(id.getStringClaim("sid")).as("the same SSO session").isEqualTo(session.idToken().getStringClaim("sid"));
        assertThat(id.getAuthenticationTime()).as("no new authentication").isEqualTo(session.idToken().getAuthenticationTime());
    }

    @Test
    void whenMaxAgeIsZeroWithAnSsoSession_thenTheCitizenMustLogInAgainAndAuthTimeIsFresh() {
        // max_age=0 is prompt=login (OIDC Core 3.1.2.1), whatever the clock says: asked right after a login, in the
        // same second as it or not. A few rounds, so that a server comparing whole seconds is caught.
        for (int round = 1; round <= 3; round++) {
            Session session = loggedIn();
            long requestedAt = Instant.now().getEpochSecond();
            RelyingParty.Attempt attempt = portal.authorize("openid", b -> b.maxAge(0));

            Response page = session.browser().get(attempt.uri().toString());
            assertThat(page.getHeader("Location")).as("round %d: max_age=0 must not be answered from the SSO session", round).isNull();
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.asString()).contains("kc-form-login");

            AuthorizationCode code = CitizenLogin.codeFrom(portal, attempt,
                    CitizenLogin.submit(session.browser(), page, CITIZEN.pin(), CITIZEN.password()));
            IDTokenClaimsSet id = idToken(attempt, code);
            assertThat(id.getAuthenticationTime()).as("auth_time is present when max_age was asked").isNotNull();
            assertThat(id.getAuthenticationTime().toInstant().getEpochSecond()).as("auth_time not older than the request")
                    .isGreaterThanOrEqualTo(requestedAt);
        }
    }

    @Test
    void whenASmallMaxAgeHasElapsed_thenSilentSsoIsRefusedAndTheLoginFormIsShown() {
        Session session = loggedIn();
        long loggedInAt = session.idToken().getAuthenticationTime().toInstant().getEpochSecond();

        // Ask silently until the server judges the authentication older than max_age=1.
        String error = Poll.until("prompt=none with max_age=1 to be refused", () -> {
            RelyingParty.Attempt silent = portal.authorize("openid", b -> b.maxAge(1).prompt(new Prompt(Prompt.Type.NONE)));
            String location = session.browser().get(silent.uri().toString()).getHeader("Location");
            return Optional.ofNullable(Browser.queryParam(location, "error"));
        });
        assertThat(error).isEqualTo("login_required");

        long requestedAt = Instant.now().getEpochSecond();
        RelyingParty.Attempt attempt = portal.authorize("openid", b -> b.maxAge(1));
        Response page = session.browser().get(attempt.uri().toString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("kc-form-login");
        AuthorizationCode code = CitizenLogin.codeFrom(portal, attempt, CitizenLogin.submit(session.browser(), page, CITIZEN.pin(), CITIZEN.password()));
        long authTime = idToken(attempt, code).getAuthenticationTime().toInstant().getEpochSecond();
        assertThat(authTime).isGreaterThanOrEqualTo(requestedAt).isGreaterThan(loggedInAt);
    }

    @Test
    void whenALargeMaxAgeIsAskedWithAnSsoSession_thenSsoAnswersAndTheIdTokenCarriesAuthTime() {
        Session session = loggedIn();
        RelyingParty.Attempt attempt = portal.authorize("openid", b -> b.maxAge(3600));

        AuthorizationCode code = CitizenLogin.codeFrom(portal, attempt, session.browser().get(attempt.uri().toString()));
        IDTokenClaimsSet id = idToken(attempt, code);
        assertThat(id.getAuthenticationTime()).isEqualTo(session.idToken().getAuthenticationTime());
    }

    @Test
    void whenLoginHintIsAPersonalIdNumber_thenTheLoginFormIsPrefilledWithIt() {
        RelyingParty.Attempt attempt = portal.authorize("openid", b -> b.loginHint(CITIZEN.pin()));

        Response page = CitizenLogin.openLoginPage(new Browser(), attempt);

        assertThat(Pages.inputValue(page.asString(), "username")).hasValue(CITIZEN.pin());
    }

    @Test
    void whenLoginHintCarriesMarkup_thenItIsShownAsTextNeverAsMarkup() {
        String hint = "\"><script>alert(1)</script>";
        RelyingParty.Attempt attempt = portal.authorize("openid", b -> b.loginHint(hint));

        Response page = CitizenLogin.openLoginPage(new Browser(), attempt);

        assertThat(page.asString()).doesNotContain("<script>alert(1)</script>");
        assertThat(Pages.inputValue(page.asString(), "username")).hasValueSatisfying(v -> assertThat(v).isIn(hint, ""));
    }
}
