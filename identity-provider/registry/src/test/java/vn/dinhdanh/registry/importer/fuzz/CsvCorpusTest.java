package vn.dinhdanh.registry.importer.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.registry.importer.CitizenCsvImport;
import vn.dinhdanh.registry.importer.ImportSummary;

/**
 * The committed seed corpus is what its names say: each seed-* imports without a rejection, each broken-* is refused
 * (a rejected row, a header error or malformed UTF-8). The first byte of each file is the target's mode byte.
 */
class CsvCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/vn/dinhdanh/registry/importer/fuzz/CitizenCsvImportFuzzTestInputs/fuzzCsvImport");

    private static List<Path> files(String prefix) throws IOException {
        try (Stream<Path> s = Files.list(CORPUS)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }

    private static ImportSummary importSeed(Path p, AtomicLong sunk) throws IOException {
        byte[] data = Files.readAllBytes(p);
        return CitizenCsvImport.builder().clock(CsvImportFuzzTarget.IN_2026).build()
                .importFrom(new ByteArrayInputStream(Arrays.copyOfRange(data, 1, data.length)), b -> sunk.addAndGet(b.size()), new StringWriter());
    }

    @Test
    void whenASeedIsImported_thenEveryRowLands() throws Exception {
        assertThat(files("seed-")).hasSizeGreaterThanOrEqualTo(5);
        for (Path p : files("seed-")) {
            AtomicLong sunk = new AtomicLong();
            ImportSummary s = importSeed(p, sunk);
            assertThat(s.rowsRejected()).as(p.toString()).isZero();
            assertThat(sunk.get()).as(p.toString()).isEqualTo(s.rowsWritten()).isEqualTo(p.endsWith("seed-header-only") ? 0 : s.rowsRead());
        }
        assertThat(importSeed(CORPUS.resolve("seed-demo-rows"), new AtomicLong()).rowsWritten()).isEqualTo(5);
    }

    @Test
    void whenABrokenInputIsImported_thenItIsRefused() throws Exception {
        assertThat(files("broken-")).hasSizeGreaterThanOrEqualTo(5);
        for (Path p : files("broken-")) {
            boolean refused;
            try {
                refused = importSeed(p, new AtomicLong()).rowsRejected() > 0;
            } catch (IOException e) {
                refused = true;
            }
            assertThat(refused).as(p.toString()).isTrue();
        }
        AtomicLong sunk = new AtomicLong();
        ImportSummary values = importSeed(CORPUS.resolve("broken-values"), sunk);
        assertThat(values.rowsRejected()).as("every altered row of broken-values").isEqualTo(8);
        assertThat(sunk.get()).isZero();
    }

    @Test
    void whenEverySeedGoesThroughTheFuzzTarget_thenItsContractHolds() throws Exception {
        try (Stream<Path> s = Files.list(CORPUS)) {
            for (Path p : s.sorted().toList()) {
                CsvImportFuzzTarget.run(Files.readAllBytes(p));
            }
        }
    }
}
