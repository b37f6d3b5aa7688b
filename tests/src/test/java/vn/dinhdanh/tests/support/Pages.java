package vn.dinhdanh.tests.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what a citizen sees on the server's pages: the alert at the top and the error under each field. */
public final class Pages {

    private static final Pattern ALERT = Pattern.compile(
            "<div class=\"pf-v5-c-alert[^\"]*\">.*?<span class=\"[^\"]*kc-feedback-text\">(.*?)</span>", Pattern.DOTALL);
    private static final Pattern TAGS = Pattern.compile("<[^>]+>");

    private Pages() {
    }

    /** The text of the page's alert (global message), if any. */
    public static Optional<String> alert(String html) {
        Matcher m = ALERT.matcher(html);
        return m.find() ? Optional.of(text(m.group(1))) : Optional.empty();
    }

    /** The error shown under a form field, if any. */
    public static Optional<String> fieldError(String html, String field) {
        Matcher m = Pattern.compile("id=\"input-error-" + Pattern.quote(field) + "\"[^>]*>(.*?)</div>", Pattern.DOTALL).matcher(html);
        return m.find() ? Optional.of(text(m.group(1))).filter(s -> !s.isEmpty()) : Optional.empty();
    }

    /** Every field that shows an error, among the given ones. */
    public static List<String> fieldsWithErrors(String html, String... fields) {
        List<String> out = new ArrayList<>();
        for (String f : fields) {
            if (fieldError(html, f).isPresent()) {
                out.add(f);
            }
        }
        return out;
    }

    /** The value attribute of the input with the given id. */
    public static Optional<String> inputValue(String html, String id) {
        Matcher input = Pattern.compile("<input[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>", Pattern.DOTALL).matcher(html);
        if (!input.find()) {
            return Optional.empty();
        }
        Matcher value = Pattern.compile("\\bvalue=\"([^\"]*)\"").matcher(input.group());
        return value.find() ? Optional.of(unescape(value.group(1))) : Optional.of("");
    }

    /** Markup removed, entities resolved, white space collapsed. */
    public static String text(String html) {
        return unescape(TAGS.matcher(html).replaceAll(" ")).replaceAll("\\s+", " ").strip();
    }

    public static String unescape(String s) {
        Matcher m = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int cp = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
            m.appendReplacement(sb, Matcher.quoteReplacement(new String(Character.toChars(cp))));
        }
        m.appendTail(sb);
        return sb.toString().replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
