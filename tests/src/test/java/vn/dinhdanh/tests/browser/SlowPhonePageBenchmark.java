package vn.dinhdanh.tests.browser;

import com.nimbusds.openid.connect.sdk.claims.ACR;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import vn.dinhdanh.tests.support.DinhdanhServer;
import vn.dinhdanh.tests.support.RelyingParty;

/**
 * The login page and the chip-card page as a citizen on a low-end phone gets them: headless Chromium at 360x740 with
 * the network throttled to 1.6 Mbps down, 750 kbps up, 150 ms round trip and the CPU 4x slower (Chrome DevTools
 * Protocol), cache disabled (a first visit). Prints, per page, the median of 5 loads of the time until the page is
 * usable (DOMContentLoaded: the form and its scripts are ready), until it is fully loaded, and the bytes transferred;
 * appends to {@code tests/target/benchmarks/slow-phone-pages.txt}. Targets: under 2 s and under 60 KB. Asserts nothing
 * about time. Run with {@code ./dinhdanh measure-pages}.
 */
@Tag("bench")
class SlowPhonePageBenchmark {

    static final int LOADS = 5;

    record Load(double usableMs, double loadedMs, long bytes) {
    }

    @Test
    void measureTheLoginAndChipCardPagesOnASlowPhone() throws Exception {
        DinhdanhServer server = DinhdanhServer.get();
        RelyingParty portal = RelyingParty.portal(server);
        ChromeDriver driver = Chromium.start();
        StringBuilder out = new StringBuilder();
        try {
            driver.manage().window().setSize(new Dimension(360, 740));
            driver.executeCdpCommand("Network.enable", Map.of());
            driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
            driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 150,
                    "downloadThroughput", 1_600_000 / 8, "uploadThroughput", 750_000 / 8));
            driver.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", 4));
            out.append("dinhdanh pages on a slow phone, ").append(Instant.now()).append(": 360x740, 1.6 Mbps down, 750 kbps up, 150 ms RTT, ")
                    .append("CPU 4x slower, cache disabled; median of ").append(LOADS).append(" loads\n");
            out.append(String.format(Locale.ROOT, "%-22s %12s %12s %12s%n", "page", "usable ms", "loaded ms", "bytes"));
            out.append(line("login page", measure(driver, () -> portal.authorize("openid").uri().toString())));
            out.append(line("chip-card page (high)", measure(driver,
                    () -> portal.authorize("openid", b -> b.acrValues(List.of(new ACR("high")))).uri().toString())));
            out.append("targets: usable under 2000 ms, under 60 KB (61,440 bytes)\n");
        } finally {
            driver.quit();
        }
        System.out.print(out);
        Path dir = Path.of(System.getProperty("dinhdanh.work.dir", "target"), "benchmarks");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("slow-phone-pages.txt"), out.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    static String line(String page, List<Load> loads) {
        return String.format(Locale.ROOT, "%-22s %12.0f %12.0f %12d%n", page, median(loads.stream().map(Load::usableMs).toList()),
                median(loads.stream().map(Load::loadedMs).toList()),
                (long) median(loads.stream().map(l -> (double) l.bytes()).toList()));
    }

    static List<Load> measure(ChromeDriver driver, java.util.function.Supplier<String> url) {
        List<Load> loads = new ArrayList<>();
        for (int i = 0; i < LOADS + 1; i++) {
            driver.manage().deleteAllCookies();
            driver.get(url.get());
            Object timing = driver.executeScript("""
                    const n = performance.getEntriesByType('navigation')[0];
                    const resources = performance.getEntriesByType('resource').reduce((sum, r) => sum + (r.transferSize || 0), 0);
                    return [n.domContentLoadedEventEnd - n.startTime, n.loadEventEnd - n.startTime, (n.transferSize || 0) + resources];
                    """);
            List<?> t = (List<?>) timing;
            if (i > 0) { // the first load warms the server's JIT, not the phone
                loads.add(new Load(((Number) t.get(0)).doubleValue(), ((Number) t.get(1)).doubleValue(), ((Number) t.get(2)).longValue()));
            }
        }
        return loads;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
