package vn.dinhdanh.idp.federation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Vietnamese mobile number as a citizen types it, in the international form the account keeps ({@code +84...}). */
public final class MobileNumber {

    /** 0 or +84, then a 3/5/7/8/9 prefix and eight digits; spaces, dots and dashes between digits are ignored. */
    private static final Pattern VIETNAMESE_MOBILE = Pattern.compile("^(?:\\+84|0)([35789]\\d{8})$");

    private MobileNumber() {
    }

    /** The number in international form, or empty when it is not a Vietnamese mobile number. */
    public static Optional<String> international(String typed) {
        if (typed == null || typed.length() > 32) {
            return Optional.empty();
        }
        Matcher m = VIETNAMESE_MOBILE.matcher(typed.trim().replaceAll("[\\s.\\-]", ""));
        return m.matches() ? Optional.of("+84" + m.group(1)) : Optional.empty();
    }
}
