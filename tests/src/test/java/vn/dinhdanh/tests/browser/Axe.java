package vn.dinhdanh.tests.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** axe-core (vendored from npm under src/test/resources/axe) injected into the page and run against WCAG 2.1 A/AA. */
final class Axe {

    /** WCAG 2.0 and 2.1, levels A and AA, plus axe's best practices (reported, and failing only when serious or critical). */
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");

    record Violation(String rule, String impact, String help, int nodes, String firstTarget) {
        boolean seriousOrCritical() {
            return "serious".equals(impact) || "critical".equals(impact);
        }

        @Override
        public String toString() {
            return impact + " " + rule + " (" + nodes + " node" + (nodes == 1 ? "" : "s") + ", e.g. " + firstTarget + "): " + help;
        }
    }

    private static String source;

    private Axe() {
    }

    static List<Violation> run(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(source());
        }
        String tags = "['" + String.join("','", TAGS) + "']";
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: " + tags + "}, resultTypes: ['violations']})"
                + ".then(function (r) { done(JSON.stringify(r.violations)); })"
                + ".catch(function (e) { done(JSON.stringify({error: String(e)})); });");
        try {
            JsonNode json = new ObjectMapper().readTree(String.valueOf(result));
            if (json.has("error")) {
                throw new AssertionError("axe-core failed on " + driver.getCurrentUrl() + ": " + json.get("error").asText());
            }
            List<Violation> out = new ArrayList<>();
            for (JsonNode v : json) {
                JsonNode nodes = v.path("nodes");
                String target = nodes.size() > 0 ? nodes.get(0).path("target").toString() : "";
                out.add(new Violation(v.path("id").asText(), v.path("impact").asText(), v.path("help").asText(), nodes.size(), target));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized String source() {
        if (source == null) {
            try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe/axe.min.js is missing from the test resources");
                }
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }
}
