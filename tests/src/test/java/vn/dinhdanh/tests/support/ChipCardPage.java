package vn.dinhdanh.tests.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.openid.connect.sdk.claims.ACR;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.dinhdanh.chipcard.app.VirtualMobileApp;

/** The chip-card login page as the browser got it: the request handle, the short code and the status URL it polls. */
public record ChipCardPage(Response page, String handle, String shortCode, String statusUrl) {

    private static final Pattern STATUS = Pattern.compile("data-status-url=\"([^\"]+/chip-card/requests/([A-Za-z0-9_-]+)/status)\"");
    private static final Pattern SHORT_CODE = Pattern.compile("id=\"dd-short-code\"[^>]*>([A-Z0-9-]+)<");

    public static ChipCardPage of(Response page) {
        assertThat(page.statusCode()).as("chip-card page:\n%s", page.asString()).isEqualTo(200);
        String html = page.asString();
        Matcher status = STATUS.matcher(html);
        assertThat(status.find()).as("status URL in the chip-card page").isTrue();
        Matcher code = SHORT_CODE.matcher(html);
        assertThat(code.find()).as("short code in the chip-card page").isTrue();
        assertThat(html).contains("<svg");
        return new ChipCardPage(page, status.group(2), code.group(1), status.group(1).replace("&amp;", "&"));
    }

    /** What the page does once the phone is done: posts its continue form. */
    public Response continueAfterPhone(Browser browser) {
        return browser.postForm(Browser.formAction(page.asString(), "dd-chip-continue"), Map.of("chipCardContinue", "true"));
    }

    /**
     * The citizen logs in with the password, then proves the chip card (a step-up to {@code high}), which raises the
     * account to level 2, the only way it rises: the registration's mobile number is confirmed with its code and the
     * same password is chosen again, so that the account logs in as before, now at level 2.
     */
    public static void proveCardAfterPassword(DinhdanhServer server, RelyingParty portal, String pin, String password) throws Exception {
        Browser browser = new Browser();
        CitizenLogin.login(browser, portal, portal.authorize("openid"), pin, password);
        RelyingParty.Attempt high = portal.authorize("openid", b -> b.acrValues(List.of(new ACR("high"))));
        ChipCardPage chip = of(browser.followWithin(browser.get(high.uri().toString()), server.baseUrl()));
        VirtualMobileApp.Answer posted = new VirtualMobileApp().answer(server.realmUrl() + "/chip-card/requests/" + chip.handle(),
                VirtualCards.cardOf(pin));
        assertThat(posted.status()).as("%s", posted.body()).isEqualTo(200);
        CitizenLogin.codeFrom(portal, high, LevelRaise.confirmPhoneAndSetPassword(browser, chip.continueAfterPhone(browser), server, password));
    }
}
