package vn.dinhdanh.registry.importer.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Jazzer fuzz target of {@link vn.dinhdanh.registry.importer.CitizenCsvImport}. {@code mvn test} replays the
 * committed corpus under src/test/resources/vn/dinhdanh/registry/importer/fuzz/CitizenCsvImportFuzzTestInputs/
 * fuzzCsvImport (regression mode); the {@code fuzz} Maven profile sets JAZZER_FUZZ=1 for a real campaign. The
 * timeout (per input; Jazzer passes it to libFuzzer as -timeout) is the time bound of the contract.
 */
class CitizenCsvImportFuzzTest {
    @FuzzTest(maxDuration = "10m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void fuzzCsvImport(byte[] data) {
        CsvImportFuzzTarget.run(data);
    }
}
