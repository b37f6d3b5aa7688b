package vn.dinhdanh.tests.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, started for a closed network: no background
 * networking, no sync, no component updates, no QUIC, a fresh profile. Nothing is downloaded (no Selenium Manager).
 */
final class Chromium {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** The flags every start uses (the machine's network is closed; see the test README in the issue). */
    static final List<String> CLOSED_NETWORK_FLAGS = List.of(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1366,768", "--lang=vi");

    private Chromium() {
    }

    /** Fails, never skips, when the Debian packages are missing: the browser tests are part of the suite. */
    static void requireInstalled() {
        StringBuilder missing = new StringBuilder();
        for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(p)) {
                missing.append(missing.isEmpty() ? "" : " and ").append(p);
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionError("The browser tests need " + missing + ", which are missing. Install Debian's packages "
                    + "'chromium' and 'chromium-driver': apt-get update && apt-get install -y chromium chromium-driver");
        }
    }

    /** A new browser with a fresh profile in a temporary folder; its Accept-Language is that of a Vietnamese phone. */
    static ChromeDriver start() throws IOException {
        requireInstalled();
        Path profile = Files.createTempDirectory("dinhdanh-chromium-profile");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .withSilent(true)
                .withEnvironment(Map.of("LANGUAGE", "vi", "LANG", "vi_VN.UTF-8"))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(CLOSED_NETWORK_FLAGS);
        options.addArguments("--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "vi-VN,vi"));
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(profile)));
        return driver;
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a temporary folder; the OS cleans it eventually
        }
    }
}
