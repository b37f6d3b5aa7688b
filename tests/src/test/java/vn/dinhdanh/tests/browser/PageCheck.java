package vn.dinhdanh.tests.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * For each page a citizen sees: an axe-core check and screenshots at phone (360x740) and desktop (1366x768) size,
 * written to tests/target/screenshots/ and listed, with the axe results by impact, in REPORT.md there and on stdout.
 */
final class PageCheck {

    record Size(String name, int width, int height, boolean mobile) {
    }

    static final Size PHONE = new Size("360x740", 360, 740, true);
    static final Size DESKTOP = new Size("1366x768", 1366, 768, false);
    /** The narrowest phone the theme supports: no horizontal scrolling allowed (WCAG 1.4.10 reflow). */
    static final Size NARROWEST = new Size("320x640", 320, 640, true);

    private final ChromeDriver driver;
    private final Path dir;
    private final Map<String, List<Axe.Violation>> violations = new LinkedHashMap<>();
    private final List<Path> screenshots = new ArrayList<>();
    private int counter;

    PageCheck(ChromeDriver driver, Path dir) {
        this.driver = driver;
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Screenshots and axe at phone and desktop size, and a reflow check at 320 px; returns the serious and critical
     * problems found.
     */
    List<Axe.Violation> check(String page) {
        String name = String.format("%02d-%s", ++counter, page);
        List<Axe.Violation> found = new ArrayList<>();
        for (Size size : List.of(PHONE, DESKTOP)) {
            resize(size);
            for (Axe.Violation v : Axe.run(driver)) {
                if (found.stream().noneMatch(f -> f.rule().equals(v.rule()))) {
                    found.add(v);
                }
            }
            screenshot(name + "-" + size.name(), size, false);
            long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight;")).longValue();
            if (height > size.height() + 8) {
                screenshot(name + "-" + size.name() + "-full", size, true);
            }
        }
        resize(NARROWEST);
        long scrollWidth = ((Number) driver.executeScript("return document.documentElement.scrollWidth;")).longValue();
        if (scrollWidth > NARROWEST.width()) {
            found.add(new Axe.Violation("reflow-320", "serious", "Page scrolls sideways at 320 px (" + scrollWidth + " px wide)", 1, "html"));
        }
        resize(PHONE);
        violations.put(name, found);
        return found.stream().filter(Axe.Violation::seriousOrCritical).toList();
    }

    void resize(Size size) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", size.width(), "height", size.height(), "deviceScaleFactor", 1, "mobile", size.mobile()));
    }

    private void screenshot(String name, Size size, boolean fullPage) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("format", "png");
        if (fullPage) {
            long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight;")).longValue();
            params.put("captureBeyondViewport", true);
            params.put("clip", Map.of("x", 0, "y", 0, "width", size.width(), "height", height, "scale", 1));
        }
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", params);
        Path file = dir.resolve(name + ".png");
        try {
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        screenshots.add(file);
    }

    /** Writes REPORT.md and prints it: axe violations by impact per page, then every screenshot. */
    String report() {
        StringBuilder sb = new StringBuilder("# Browser check of the dinhdanh pages\n\n## axe-core " + String.join(", ", Axe.TAGS) + "\n\n");
        Map<String, Integer> byImpact = new TreeMap<>();
        violations.forEach((page, list) -> {
            sb.append("- ").append(page).append(": ").append(list.isEmpty() ? "no violations" : list.size() + " rule(s)").append('\n');
            for (Axe.Violation v : list) {
                sb.append("  - ").append(v).append('\n');
                byImpact.merge(v.impact(), 1, Integer::sum);
            }
        });
        sb.append("\nViolations by impact (rules, counted per page): ").append(byImpact.isEmpty() ? "none" : byImpact).append("\n\n## Screenshots\n\n");
        for (Path p : screenshots) {
            sb.append("- ").append(p.toAbsolutePath().normalize()).append('\n');
        }
        try {
            Files.writeString(dir.resolve("REPORT.md"), sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }
}
