package vn.dinhdanh.tests.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import io.restassured.response.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.dinhdanh.tests.support.AdminApi;
import vn.dinhdanh.tests.support.Browser;
import vn.dinhdanh.tests.support.CitizenLogin;
import vn.dinhdanh.tests.support.CitizenRegistration;
import vn.dinhdanh.tests.support.CitizenRegistration.Form;
import vn.dinhdanh.tests.support.DemoCitizens;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.FreshCitizens;
import vn.dinhdanh.tests.support.Pages;
import vn.dinhdanh.tests.support.RelyingParty;

/**
 * Level-1 self-registration (Decree 69/2024): the declared ID number, full name and date of birth are matched against
 * the population registry before the account exists; every refusal is a REGISTER_ERROR event with a specific error
 * code and no name in it.
 */
class CitizenRegistrationTest {

    static final String PASSWORD = "Dang-Ky-Thu-2026";
    /** The one answer to every refusal that depends on registry data (no match, no such citizen, deceased, an account). */
    static final String MISMATCH = "We cannot register an account with these details. Check your personal ID number, full name and date of "
            + "birth exactly as they appear on your ID card.";
    static final String MISMATCH_VI = "Không thể đăng ký tài khoản với các thông tin này.";
    static final String[] FIELDS = {"username", "full_name", "birthdate", "phone_number"};

    static DinhdanhServer server;
    static RelyingParty portal;
    static AdminApi admin;

    @BeforeAll
    static void start() {
        server = DinhdanhServer.get();
        portal = RelyingParty.portal(server);
        admin = new AdminApi(server);
    }

    /** An authorization request of the portal whose pages are in English. */
    static RelyingParty.Attempt english() {
        return portal.authorize("openid", b -> b.customParameter("ui_locales", "en"));
    }

    static Response register(Form form) {
        return CitizenRegistration.register(new Browser(), english(), form);
    }

    @Test
    void whenHuyRegistersWithHisDetailsTypedInLowerCaseWithExtraSpaces_thenTheAccountIsCreatedAndHisPasswordLogsHimIn() throws Exception {
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = english();
        Response page = CitizenRegistration.openFromLoginPage(browser, attempt, server.baseUrl());
        Form form = Form.of(DemoCitizens.HUY_UNREGISTERED.pin(), "  vũ   quang  huy ", DemoCitizens.HUY_UNREGISTERED.birthdate(), PASSWORD);

        Response answer = CitizenRegistration.submit(browser, page, form);
        AuthorizationCode code = CitizenLogin.codeFrom(portal, attempt, browser.followWithin(answer, server.baseUrl()));
        TokenResponse registered = portal.exchange(code, attempt.verifier());
        assertThat(registered.indicatesSuccess()).as("%s", registered).isTrue();

        RelyingParty.Attempt login = portal.authorize("openid profile");
        AuthorizationCode again = CitizenLogin.login(new Browser(), portal, login, DemoCitizens.HUY_UNREGISTERED.pin(), PASSWORD);
        OIDCTokenResponse tokens = (OIDCTokenResponse) portal.exchange(again, login.verifier()).toSuccessResponse();
        IDTokenClaimsSet id = portal.validate(tokens.getOIDCTokens().getIDToken(), login.nonce());
        assertThat(id.getStringClaim("acr")).isEqualTo("low");
        assertThat(portal.userInfo(tokens.getTokens().getAccessToken()).getName())
                .as("the name comes from the registry, not from what was typed").isEqualTo(DemoCitizens.HUY_UNREGISTERED.fullName());
    }

    @Test
    void whenACitizenRegisters_thenARegisterEventIsRecordedForTheNewAccountWithoutTheirName() {
        FreshCitizens.Citizen citizen = FreshCitizens.next();
        Set<String> before = admin.eventIds("REGISTER");
        Set<String> loginsBefore = admin.eventIds("LOGIN");
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = english();

        Response answer = CitizenRegistration.register(browser, attempt, Form.of(citizen, PASSWORD));
        CitizenLogin.codeFrom(portal, attempt, browser.followWithin(answer, server.baseUrl()));
        String userId = admin.userId(citizen.pin()).orElseThrow();

        // The login that follows a registration is recorded; wait for it so that the REGISTER event, sent
        // before it, has had every chance to be stored too.
        admin.awaitNewEvent("LOGIN", loginsBefore, e -> userId.equals(e.get("userId")), "the LOGIN event after registration");
        assertThat(admin.newEvents("REGISTER", before)).as("REGISTER events of the new account")
                .filteredOn(e -> userId.equals(e.get("userId"))).hasSize(1)
                .allSatisfy(e -> assertNoName(e, citizen.fullName()));
    }

    @Test
    void whenACitizenRegistersWithExactlyHisRegistryDetails_thenTheAccountIsCreated() {
        FreshCitizens.Citizen citizen = FreshCitizens.next();
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = english();
        Response answer = CitizenRegistration.register(browser, attempt, Form.of(citizen, PASSWORD));
        AuthorizationCode code = CitizenLogin.codeFrom(portal, attempt, browser.followWithin(answer, server.baseUrl()));
        assertThat(portal.exchange(code, attempt.verifier()).indicatesSuccess()).isTrue();
        assertThat(admin.userId(citizen.pin())).isPresent();
    }

    @Test
    void whenTheNameIsTypedInDecomposedUnicodeAndUpperCase_thenItStillMatchesTheRegistry() {
        FreshCitizens.Citizen citizen = FreshCitizens.next();
        // Some phone keyboards send Vietnamese letters as a base letter plus combining marks (NFD).
        String typed = java.text.Normalizer.normalize(citizen.fullName().toUpperCase(Locale.ROOT), java.text.Normalizer.Form.NFD);
        assertThat(typed).isNotEqualTo(citizen.fullName());
        Browser browser = new Browser();
        RelyingParty.Attempt attempt = english();

        Response answer = CitizenRegistration.register(browser, attempt, Form.of(citizen, PASSWORD).withFullName(typed));

        CitizenLogin.codeFrom(portal, attempt, browser.followWithin(answer, server.baseUrl()));
    }

    @Test
    void whenTheNameDoesNotMatchTheRegistry_thenTheGenericMismatchMessageIsShownAndRegistryMismatchIsRecorded() {
        FreshCitizens.Citizen citizen = FreshCitizens.next();
        String wrongName = citizen.fullName() + " Anh";
        Set<String> before = admin.eventIds("REGISTER_ERROR");

        Response page = register(Form.of(citizen, PASSWORD).withFullName(wrongName));

        assertRefusedWith(page, MISMATCH);
        assertThat(Pages.fieldsWithErrors(page.asString(), FIELDS)).as("the page does not say which field was wrong").isEmpty();
        assertRegisterError(before, "registry_mismatch", citizen.fullName(), wrongName);
    }

    @Test
    void whenTheDayOfBirthDoesNotMatchTheRegistry_thenTheSameGenericMessageIsShownAndRegistryMismatchIsRecorded() {
        FreshCitizens.Citizen citizen = FreshCitizens.next();
        Set<String> before = admin.eventIds("REGISTER_ERROR");

        Response page = register(Form.of(citizen, PASSWORD).withBirthdate(otherDay(citizen.birthdate())));

        assertRefusedWith(page, MISMATCH);
        assertThat(Pages.fieldsWithErrors(page.asString(), FIELDS)).isEmpty();
        assertRegisterError(before, "registry_mismatch", citizen.fullName());
    }

    @Test
    void whenAWellFormedNumberIsNotInTheRegistry_thenTheSameGenericMessageIsShownAndCitizenNotFoundIsRecorded() {
        String unknown = FreshCitizens.unknownPin("001090");
        Set<String> before = admin.eventIds("REGISTER_ERROR");

        Response page = register(Form.of(unknown, "Nguyễn Văn Không Có", "1990-03-15", PASSWORD));

        assertRefusedWith(page, MISMATCH);
        assertThat(Pages.fieldsWithErrors(page.asString(), FIELDS)).isEmpty();
        assertRegisterError(before, "citizen_not_found", "Nguyễn Văn Không Có");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "12345678901 | pin.not_twelve_digits | A personal ID number has exactly 12 digits.",
        "00109001234X | pin.not_twelve_digits | A personal ID number has exactly 12 digits.",
        "000090012345 | pin.unknown_province | The first three digits are not a known province code.",
        "001490012345 | pin.century_in_future | The fourth digit of this number cannot be right.",
        "001299012345 | pin.birth_year_in_future | Digits 5 and 6 give a birth year in the future.",
    })
    void whenTheNumberIsMalformed_thenItsOwnMessageIsShownUnderTheNumberAndInvalidPersonalIdNumberIsRecorded(
            String pin, String reason, String message) {
        Set<String> before = admin.eventIds("REGISTER_ERROR");

        Response page = register(Form.of(pin, "Nguyễn Văn Sai Số", "1990-03-15", PASSWORD));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.asString()).contains("kc-register-form");
        assertThat(Pages.fieldError(page.asString(), "username")).as("error under the number").hasValueSatisfying(e -> assertThat(e).contains(message));
        assertThat(Pages.alert(page.asString()).orElse("")).doesNotContain(MISMATCH);
        Map<String, Object> event = assertRegisterError(before, "invalid_personal_id_number", "Nguyễn Văn Sai Số");
        assertThat(details(event)).containsEntry("reason", reason);
    }

    @Test
    void whenTheYearOfBirthDisagreesWithTheNumber_thenThatIsSaidUnderTheDateAndBirthYearDisagreesWithPinIsRecorded() {
        FreshCitizens.Citizen citizen = FreshCitizens.next();
        String otherYear = java.time.LocalDate.parse(citizen.birthdate()).minusYears(1).toString();
        Set<String> before = admin.eventIds("REGISTER_ERROR");

        Response page = register(Form.of(citizen, PASSWORD).withBirthdate(otherYear));

        assertThat(Pages.fieldError(page.asString(), "birthdate"))
                .hasValueSatisfying(e -> assertThat(e).contains("This year of birth does not match your personal ID number."));
        assertRegisterError(before, "birth_year_disagrees_with_pin", citizen.fullName());
    }

    @Test
    void whenThePhoneNumberIsNotAVietnameseMobile_thenThatIsSaidUnderThePhoneAndInvalidPhoneNumberIsRecorded() {
        FreshCitizens.Citizen citizen = FreshCitizens.next();
        Set<String> before = admin.eventIds("REGISTER_ERROR");
        Form form = Form.of(citizen, PASSWORD);

        Response page = register(new Form(form.pin(), form.fullName(), form.birthdate(), "0212345", PASSWORD, PASSWORD));

        assertThat(Pages.fieldError(page.asString(), "phone_number"))
                .hasValueSatisfying(e -> assertThat(e).contains("Enter a Vietnamese mobile number"));
        assertRegisterError(before, "invalid_phone_number", citizen.fullName());
    }

    @Test
    void whenOneFieldIsLeftEmpty_thenItSaysWhatIsMissingAndMissingFieldsIsRecorded() {
        FreshCitizens.Citizen citizen = FreshCitizens.next();
        Set<String> before = admin.eventIds("REGISTER_ERROR");

        Response page = register(Form.of(citizen, PASSWORD).withFullName(""));

        assertThat(Pages.fieldError(page.asString(), "full_name")).hasValueSatisfying(e -> assertThat(e).contains("Enter your full name."));
        assertRegisterError(before, "missing_fields", citizen.fullName());
    }

    @Test
    void whenEveryFieldIsLeftEmpty_thenEachFieldSaysWhatIsMissing() {
        Response page = register(new Form("", "", "", "", PASSWORD, PASSWORD));

        String html = page.asString();
        assertThat(Pages.fieldsWithErrors(html, FIELDS)).as("fields that say they are missing").containsExactly(FIELDS);
        assertThat(Pages.fieldError(html, "username")).hasValueSatisfying(e -> assertThat(e).contains("Enter your 12-digit personal ID number."));
        assertThat(Pages.fieldError(html, "full_name")).hasValueSatisfying(e -> assertThat(e).contains("Enter your full name."));
        assertThat(Pages.fieldError(html, "birthdate")).hasValueSatisfying(e -> assertThat(e).contains("Enter your date of birth."));
        assertThat(Pages.fieldError(html, "phone_number")).hasValueSatisfying(e -> assertThat(e).contains("Enter your mobile phone number."));
    }

    @Test
    void whenTheCitizenIsDeceased_thenRegistrationIsRefusedAndCitizenDeceasedIsRecorded() {
        DemoCitizens.Demo hung = DemoCitizens.HUNG_DECEASED;
        Set<String> before = admin.eventIds("REGISTER_ERROR");

        Response page = register(Form.of(hung.pin(), hung.fullName(), hung.birthdate(), PASSWORD));

        assertRefusedWith(page, MISMATCH);
        assertRegisterError(before, "citizen_deceased", hung.fullName());
    }

    @Test
    void whenTheNumberAlreadyHasAnAccount_thenRegistrationIsRefusedAndAccountExistsIsRecorded() {
        DemoCitizens.Demo an = DemoCitizens.AN;
        Set<String> before = admin.eventIds("REGISTER_ERROR");

        Response page = register(Form.of(an.pin(), an.fullName(), an.birthdate(), PASSWORD));

        assertRefusedWith(page, MISMATCH);
        assertRegisterError(before, "account_exists", an.fullName());

        RelyingParty.Attempt login = portal.authorize("openid");
        CitizenLogin.login(new Browser(), portal, login, an.pin(), an.password());
    }

    @Test
    void whenThePasswordBreaksThePolicy_thenRegistrationIsRefusedAndAGoodPasswordLaterSucceeds() {
        FreshCitizens.Citizen citizen = FreshCitizens.next();
        Form form = Form.of(citizen, PASSWORD);

        Response tooShort = register(form.withPassword("Ngan-12"));
        assertThat(tooShort.statusCode()).isEqualTo(200);
        assertThat(Pages.fieldError(tooShort.asString(), "password")).hasValueSatisfying(e -> assertThat(e).contains("minimum length 10"));

        Response blocklisted = register(form.withPassword("matkhau123"));
        assertThat(blocklisted.statusCode()).isEqualTo(200);
        assertThat(Pages.fieldError(blocklisted.asString(), "password")).hasValueSatisfying(e -> assertThat(e).contains("not allowed"));

        Browser browser = new Browser();
        RelyingParty.Attempt attempt = english();
        Response answer = CitizenRegistration.register(browser, attempt, form);
        CitizenLogin.codeFrom(portal, attempt, browser.followWithin(answer, server.baseUrl()));
    }

    @Test
    void whenAPasswordBreaksThePolicy_thenTheAnswerIsTheSameWhetherOrNotTheDetailsMatchTheRegistry() {
        FreshCitizens.Citizen citizen = FreshCitizens.next();
        Response rightDetails = register(Form.of(citizen, PASSWORD).withPassword("Ngan-12"));
        Response wrongName = register(Form.of(citizen, PASSWORD).withPassword("Ngan-12").withFullName(citizen.fullName() + " Anh"));
        Response unknownNumber = register(Form.of(FreshCitizens.unknownPin("001090"), "Nguyễn Văn Không Có", "1990-03-15", PASSWORD).withPassword("Ngan-12"));
        for (Response page : List.of(rightDetails, wrongName, unknownNumber)) {
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(Pages.alert(page.asString())).as("no registry answer before the password is acceptable").isEmpty();
            assertThat(Pages.fieldError(page.asString(), "password")).hasValueSatisfying(e -> assertThat(e).contains("minimum length 10"));
        }
        assertThat(admin.userId(citizen.pin())).as("no account").isEmpty();
    }

    @Test
    void whenDetailsAreGuessedOverAndOver_thenAfterFiveRefusalsForANumberEvenTheRightDetailsAreTurnedAwayForAWhile() {
        FreshCitizens.Citizen citizen = FreshCitizens.next();
        for (int i = 0; i < 5; i++) {
            assertRefusedWith(register(Form.of(citizen, PASSWORD).withBirthdate(otherDay(citizen.birthdate(), i + 1))), MISMATCH);
        }
        Set<String> before = admin.eventIds("REGISTER_ERROR");
        Response right = register(Form.of(citizen, PASSWORD));
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(Pages.alert(right.asString())).hasValueSatisfying(a -> assertThat(a).startsWith("Too many registration attempts"));
        assertRegisterError(before, "too_many_registration_attempts", citizen.fullName());
        assertThat(admin.userId(citizen.pin())).as("no account from a guess").isEmpty();
    }

    @Test
    void whenTheRegistryCheckFailsAfterAPasswordWasTyped_thenThePageDoesNotSayThePasswordIsMissing() {
        FreshCitizens.Citizen citizen = FreshCitizens.next();

        Response page = register(Form.of(citizen, PASSWORD).withFullName(citizen.fullName() + " Anh"));

        assertThat(Pages.alert(page.asString())).as("only the generic message").hasValueSatisfying(a -> assertThat(a).startsWith(MISMATCH));
        assertThat(Pages.fieldError(page.asString(), "password")).as("a password was typed").isEmpty();
    }

    @Test
    void whenNoLanguageIsAsked_thenTheRefusalIsInVietnamese() {
        FreshCitizens.Citizen citizen = FreshCitizens.next();
        Response page = CitizenRegistration.register(new Browser(), portal.authorize("openid"),
                Form.of(citizen, PASSWORD).withBirthdate(otherDay(citizen.birthdate())));
        assertThat(Pages.alert(page.asString())).hasValueSatisfying(a -> assertThat(a).startsWith(MISMATCH_VI));
    }

    // --- helpers ---

    static void assertRefusedWith(Response page, String message) {
        assertThat(page.statusCode()).as("the form again, no redirect").isEqualTo(200);
        assertThat(page.asString()).contains("kc-register-form");
        assertThat(Pages.alert(page.asString())).as("alert").hasValueSatisfying(a -> assertThat(a).startsWith(message));
    }

    /** Waits for the REGISTER_ERROR of this attempt and checks its error code and that no name is in it. */
    static Map<String, Object> assertRegisterError(Set<String> before, String error, String... names) {
        Map<String, Object> event = admin.awaitNewEvent("REGISTER_ERROR", before, e -> true, "a REGISTER_ERROR event");
        assertThat(event.get("error")).as("event %s", event).isEqualTo(error);
        assertNoName(event, names);
        return event;
    }

    static void assertNoName(Map<String, Object> event, String... names) {
        String all = event.toString().toLowerCase(Locale.ROOT);
        for (String name : names) {
            for (String word : name.strip().toLowerCase(Locale.ROOT).split("\\s+")) {
                // every syllable of the name longer than a usual short word must be absent
                if (word.length() > 3) {
                    assertThat(all).as("event %s mentions part of a name", event).doesNotContain(word);
                }
            }
            assertThat(all).doesNotContain(name.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> details(Map<String, Object> event) {
        Object d = event.get("details");
        return d == null ? Map.of() : (Map<String, Object>) d;
    }

    static String otherDay(String isoDate) {
        java.time.LocalDate d = java.time.LocalDate.parse(isoDate);
        return (d.getDayOfMonth() == 1 ? d.plusDays(1) : d.minusDays(1)).toString();
    }

    /** Another day of the same year ({@code n} days on, wrapping): the year still agrees with the number. */
    static String otherDay(String isoDate, int n) {
        java.time.LocalDate d = java.time.LocalDate.parse(isoDate);
        return d.withDayOfYear((d.getDayOfYear() - 1 + n) % d.lengthOfYear() + 1).toString();
    }

}
