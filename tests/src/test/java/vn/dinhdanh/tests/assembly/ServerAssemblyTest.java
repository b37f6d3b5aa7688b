package vn.dinhdanh.tests.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** What the assembled server loads: no demo code in providers/ (virtual cards, the virtual phone, synthetic citizens). */
class ServerAssemblyTest {

    static final Path SERVER = Path.of(System.getProperty("dinhdanh.server.dir"));
    static final List<String> DEMO_PACKAGES = List.of("vn/dinhdanh/icao/virtualcard/", "vn/dinhdanh/icao/cli/", "vn/dinhdanh/chipcard/app/",
            "vn/dinhdanh/registry/demo/");

    static List<String> entries(Path folder) throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> jars = Files.list(folder)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    zip.stream().forEach(e -> all.add(e.getName()));
                }
            }
        }
        return all;
    }

    @Test
    void whenTheServerIsAssembled_thenItsProvidersHoldNoDemoCode_andTheDemoToolsAreApart() throws IOException {
        List<String> providers = entries(SERVER.resolve("providers"));
        assertThat(providers).as("classes the server loads").isNotEmpty()
                .noneMatch(name -> DEMO_PACKAGES.stream().anyMatch(name::startsWith));
        assertThat(entries(SERVER.resolve("demo").resolve("lib"))).as("the demo tools")
                .anyMatch(n -> n.startsWith("vn/dinhdanh/icao/virtualcard/VirtualCardIssuer"))
                .anyMatch(n -> n.startsWith("vn/dinhdanh/chipcard/app/VirtualMobileApp"))
                .anyMatch(n -> n.startsWith("vn/dinhdanh/registry/demo/DemoCitizens"));
    }

    @Test
    void whenTheServerIsAssembled_thenTheHttpRegistrysCircuitBreakerIsDeployed_withoutASecondCopyOfKeycloaksLogging() throws IOException {
        List<String> providers = entries(SERVER.resolve("providers"));
        assertThat(providers).as("resilience4j's breaker and its core, which Keycloak does not ship")
                .contains("io/github/resilience4j/circuitbreaker/CircuitBreaker.class", "io/github/resilience4j/core/EventPublisher.class")
                .as("slf4j-api comes from Keycloak's lib/, not from providers/")
                .noneMatch(name -> name.startsWith("org/slf4j/"));
    }
}
