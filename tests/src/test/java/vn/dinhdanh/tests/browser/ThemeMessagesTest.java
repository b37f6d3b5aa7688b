package vn.dinhdanh.tests.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.chipcard.keycloak.ChipCardError;

/**
 * The theme's texts live in messages_vi.properties and messages_en.properties only: the two languages have the same
 * keys, every key a template asks for exists, no value breaks Keycloak's MessageFormat, and templates hold no words.
 * Plain file checks: no server, no browser.
 */
class ThemeMessagesTest {

    static final Path THEME = Path.of(System.getProperty("basedir", "."))
            .resolve("../themes/src/main/resources/theme/dinhdanh").normalize();

    static final List<String> CHIP_CARD_ERROR_CODES = List.of("request_expired", "request_used", "request_not_found",
            "challenge_replayed", "too_many_attempts", "pin_mismatch", "passive_authentication_failed",
            "active_authentication_failed", "citizen_deceased", "card_revoked", "card_reported_lost", "card_replaced",
            "card_expired", "citizen_not_in_registry");

    @ParameterizedTest
    @ValueSource(strings = {"login", "account"})
    void whenAKeyIsInOneLanguage_thenItIsInTheOther(String type) throws IOException {
        Properties vi = load(type, "vi");
        Properties en = load(type, "en");

        assertThat(difference(vi, en)).as("%s keys in messages_vi.properties but not in messages_en.properties", type).isEmpty();
        assertThat(difference(en, vi)).as("%s keys in messages_en.properties but not in messages_vi.properties", type).isEmpty();
        assertThat(blank(vi)).as("%s keys with an empty Vietnamese text", type).isEmpty();
        assertThat(blank(en)).as("%s keys with an empty English text", type).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"login", "account"})
    void whenATextHasAnApostrophe_thenItIsDoubledForMessageFormat(String type) throws IOException {
        for (String lang : List.of("vi", "en")) {
            Properties p = load(type, lang);
            List<String> bad = new ArrayList<>();
            for (String key : p.stringPropertyNames()) {
                if (p.getProperty(key).replace("''", "").contains("'")) {
                    bad.add(key);
                }
            }
            assertThat(bad).as("%s %s texts with a single apostrophe, which Keycloak's MessageFormat would swallow", type, lang).isEmpty();
        }
    }

    @Test
    void whenATemplateAsksForAMessage_thenBothLanguagesHaveIt() throws IOException {
        Properties vi = load("login", "vi");
        Properties en = load("login", "en");
        Pattern msg = Pattern.compile("msg\\(\"([A-Za-z0-9_.\\-]+)\"[,)]");
        Set<String> missing = new TreeSet<>();
        for (Path ftl : templates()) {
            Matcher m = msg.matcher(Files.readString(ftl));
            while (m.find()) {
                if (!vi.containsKey(m.group(1)) || !en.containsKey(m.group(1))) {
                    missing.add(ftl.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).as("message keys used by templates but missing from messages_vi or messages_en").isEmpty();
    }

    @Test
    void whenATemplateIsRendered_thenNoWordComesFromTheTemplateItself() throws IOException {
        List<String> words = new ArrayList<>();
        for (Path ftl : templates()) {
            String s = Files.readString(ftl)
                    .replaceAll("(?s)<#--.*?-->", " ")
                    .replaceAll("(?s)<script\\b.*?</script>", " ");
            for (String before = ""; !before.equals(s); ) {
                before = s;
                s = s.replaceAll("\\$\\{[^{}]*}", " ");
            }
            s = s
                    .replaceAll("(?s)</?[#@][^>]*>", " ")
                    .replaceAll("(?s)<[^>]*>", " ")
                    .replaceAll("&#?[a-z0-9]+;", " ");
            Matcher word = Pattern.compile("\\p{L}{2,}").matcher(s);
            while (word.find()) {
                words.add(ftl.getFileName() + ": " + word.group());
            }
        }
        assertThat(words).as("words written in templates instead of message bundles").isEmpty();
    }

    @Test
    void whenTheChipCardAuthenticatorReportsAnErrorCode_thenEachCodeHasAPlainTextInBothLanguages() throws IOException {
        for (String lang : List.of("vi", "en")) {
            Properties p = load("login", lang);
            for (String code : CHIP_CARD_ERROR_CODES) {
                assertThat(p.getProperty("chipCardError." + code)).as("%s chipCardError.%s", lang, code)
                        .isNotBlank().contains(".");
            }
            for (ChipCardError error : ChipCardError.values()) {
                assertThat(p.getProperty("chipCardError." + error.code())).as("%s chipCardError.%s (ChipCardError.%s)", lang, error.code(), error)
                        .isNotBlank();
            }
        }
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.list(THEME.resolve("login"))) {
            List<Path> out = files.filter(p -> p.toString().endsWith(".ftl")).sorted().toList();
            assertThat(out).as("templates under %s", THEME).isNotEmpty();
            return out;
        }
    }

    private static Properties load(String type, String lang) throws IOException {
        Path file = THEME.resolve(type).resolve("messages").resolve("messages_" + lang + ".properties");
        assertThat(file).as("message bundle").exists();
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static Set<String> difference(Properties a, Properties b) {
        Set<String> out = new TreeSet<>(a.stringPropertyNames());
        out.removeAll(b.stringPropertyNames());
        return out;
    }

    private static Set<String> blank(Properties p) {
        Set<String> out = new TreeSet<>();
        for (String k : p.stringPropertyNames()) {
            if (p.getProperty(k).isBlank()) {
                out.add(k);
            }
        }
        return out;
    }
}
