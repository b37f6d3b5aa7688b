package vn.dinhdanh.chipcard.keycloak;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The link that opens the dinhdanh app on the phone the citizen is logging in with (docs/chip-card-contracts.md,
 * "Same device"): {@code dinhdanh://chip-card?request=<request URL>&return=<page URL>}. It names the same request as the
 * QR code, so it has the same binding to this browser and the same expiry. When the card has been read, the app opens
 * {@code return}, the login page of this browser tab, which goes on with the answered request; it is of no use in any
 * other browser, which lacks the authentication session's cookie.
 */
public final class SameDeviceAppLink {

    public static final String SCHEME = "dinhdanh";

    private SameDeviceAppLink() {
    }

    public static String of(String requestUrl, String returnUrl) {
        return SCHEME + "://chip-card?request=" + URLEncoder.encode(requestUrl, StandardCharsets.UTF_8)
                + "&return=" + URLEncoder.encode(returnUrl, StandardCharsets.UTF_8);
    }
}
