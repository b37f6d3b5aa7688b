package vn.dinhdanh.tests.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages that follow the chip-card proof which raises a level-1 account to level 2: the registration's mobile
 * number is confirmed with the code sent to it (or dropped), then a new password is chosen. An account that was
 * already level 2, or that the card has just created, goes straight on: every step here is taken only if its page
 * comes.
 */
public final class LevelRaise {

    /** What the citizen does with the registration's number. */
    public enum Phone { CONFIRM, DROP }

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private LevelRaise() {
    }

    /** Confirms the number with the code the outbox received and sets {@code newPassword}; returns the next hop. */
    public static Response confirmPhoneAndSetPassword(Browser browser, Response afterChip, DinhdanhServer server, String newPassword) {
        return complete(browser, afterChip, server, Phone.CONFIRM, newPassword);
    }

    /** Follows the raise pages: the number as {@code phone} says, then the new password. */
    public static Response complete(Browser browser, Response afterChip, DinhdanhServer server, Phone phone, String newPassword) {
        Response current = afterChip;
        for (int step = 0; step < 6; step++) {
            current = browser.followWithin(current, server.baseUrl());
            String html = current.asString();
            if (html.contains("id=\"dd-phone-offer\"")) {
                current = phone == Phone.CONFIRM
                        ? browser.postForm(Browser.formAction(html, "dd-phone-offer"), Map.of("send", "true"))
                        : browser.postForm(Browser.formAction(html, "dd-phone-other"), Map.of("other", "true"));
            } else if (html.contains("id=\"dd-phone-code-form\"")) {
                current = phone == Phone.CONFIRM
                        ? browser.postForm(Browser.formAction(html, "dd-phone-code-form"), Map.of("sms_code", lastCode(server)))
                        : browser.postForm(Browser.formAction(html, "dd-phone-other"), Map.of("other", "true"));
            } else if (html.contains("id=\"dd-phone-skip\"")) {
                current = browser.postForm(Browser.formAction(html, "dd-phone-skip"), Map.of("skip", "true"));
            } else if (html.contains("id=\"kc-passwd-update-form\"")) {
                current = browser.postForm(Browser.formAction(html, "kc-passwd-update-form"),
                        Map.of("password-new", newPassword, "password-confirm", newPassword, "logout-sessions", "on"));
            } else {
                return current;
            }
        }
        throw new AssertionError("still on the raise pages after six steps:\n" + current.asString());
    }

    /** The code of the newest message in the server's SMS outbox (the page just had it sent). */
    public static String lastCode(DinhdanhServer server) {
        List<JsonNode> all = new SmsOutbox(server).messages();
        assertThat(all).as("an SMS in the outbox").isNotEmpty();
        Matcher m = CODE.matcher(all.get(all.size() - 1).path("text").asText());
        assertThat(m.find()).as("a six-digit code in the newest SMS").isTrue();
        return m.group(1);
    }
}
