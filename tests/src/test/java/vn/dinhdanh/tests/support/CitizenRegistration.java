package vn.dinhdanh.tests.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The citizen's side of level-1 self-registration at the dinhdanh registration page. */
public final class CitizenRegistration {

    /** What the citizen types. */
    public record Form(String pin, String fullName, String birthdate, String phone, String password, String passwordConfirm) {

        public static Form of(String pin, String fullName, String birthdate, String password) {
            return new Form(pin, fullName, birthdate, "0912345678", password, password);
        }

        public static Form of(FreshCitizens.Citizen c, String password) {
            return of(c.pin(), c.fullName(), c.birthdate(), password);
        }

        public Form withPin(String value) {
            return new Form(value, fullName, birthdate, phone, password, passwordConfirm);
        }

        public Form withFullName(String value) {
            return new Form(pin, value, birthdate, phone, password, passwordConfirm);
        }

        public Form withBirthdate(String value) {
            return new Form(pin, fullName, value, phone, password, passwordConfirm);
        }

        public Form withPhone(String value) {
            return new Form(pin, fullName, birthdate, value, password, passwordConfirm);
        }

        public Form withPassword(String value) {
            return new Form(pin, fullName, birthdate, phone, value, value);
        }

        Map<String, String> fields() {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("username", pin);
            f.put("full_name", fullName);
            f.put("birthdate", birthdate);
            f.put("phone_number", phone);
            f.put("password", password);
            f.put("password-confirm", passwordConfirm);
            return f;
        }
    }

    private static final Pattern REGISTRATION_LINK = Pattern.compile("href=\"([^\"]*/login-actions/registration\\?[^\"]*)\"");

    private CitizenRegistration() {
    }

    /** The registration page through the OIDC registrations endpoint (the authorization request, at /registrations). */
    public static Response open(Browser browser, RelyingParty.Attempt attempt) {
        String uri = attempt.uri().toString().replace("/protocol/openid-connect/auth?", "/protocol/openid-connect/registrations?");
        Response page = browser.get(uri);
        assertThat(page.statusCode()).as("registration page").isEqualTo(200);
        assertThat(page.asString()).contains("kc-register-form");
        return page;
    }

    /** The registration page the way a citizen reaches it: the login page, then its registration link. */
    public static Response openFromLoginPage(Browser browser, RelyingParty.Attempt attempt, String serverBaseUrl) {
        Response login = CitizenLogin.openLoginPage(browser, attempt);
        Matcher link = REGISTRATION_LINK.matcher(login.asString());
        assertThat(link.find()).as("registration link on the login page").isTrue();
        String href = link.group(1).replace("&amp;", "&");
        Response page = browser.get(href.startsWith("/") ? serverBaseUrl + href : href);
        assertThat(page.statusCode()).as("registration page").isEqualTo(200);
        assertThat(page.asString()).contains("kc-register-form");
        return page;
    }

    /** Submits the registration form of the given page; returns the server's answer (a redirect on success). */
    public static Response submit(Browser browser, Response registrationPage, Form form) {
        String action = Browser.formAction(registrationPage.asString(), "kc-register-form");
        return browser.postForm(action, form.fields());
    }

    /**
     * Registers the next fresh citizen of the demo registry with the given password, through the portal, and checks
     * that the registration ended with a code for the portal.
     */
    public static FreshCitizens.Citizen registerFresh(DinhdanhServer server, RelyingParty portal, String password) {
        return register(server, portal, FreshCitizens.next(), password);
    }

    /** Registers this citizen with the given password, through the portal, and checks the registration ended with a code. */
    public static FreshCitizens.Citizen register(DinhdanhServer server, RelyingParty portal, FreshCitizens.Citizen citizen, String password) {
        register(server, portal, Form.of(citizen, password));
        return citizen;
    }

    /** Submits this form through the portal and checks the registration ended with a code. */
    public static void register(DinhdanhServer server, RelyingParty portal, Form form) {
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = portal.authorize("openid");
        Response answer = register(browser, attempt, form);
        CitizenLogin.codeFrom(portal, attempt, browser.followWithin(answer, server.baseUrl()));
    }

    /**
     * A citizen of the caller's own: registered now while living, then recorded as deceased in the population registry
     * through the registry's CSV import, as the registry would after a death is declared.
     */
    public static FreshCitizens.Citizen registerFreshThenRecordDeceased(DinhdanhServer server, RelyingParty portal, AdminApi admin,
                                                                        String password) {
        FreshCitizens.Citizen citizen = registerFresh(server, portal, password);
        var summary = admin.importCitizens(FreshCitizens.Citizen.HEADER + "\n"
                + citizen.csvLineWith(FreshCitizens.Citizen.LIFE_STATUS, "DECEASED") + "\n");
        assertThat(summary.getLong("rowsWritten")).as("registry import %s", summary.prettify()).isEqualTo(1);
        return citizen;
    }

    /** Opens the page and submits the form in one go. */
    public static Response register(Browser browser, RelyingParty.Attempt attempt, Form form) {
        return submit(browser, open(browser, attempt), form);
    }
}
