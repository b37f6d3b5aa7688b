package vn.dinhdanh.icao.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzz target. {@code mvn test} replays the committed corpus under
 * src/test/resources/vn/dinhdanh/icao/fuzz/IcaoParsersFuzzTestInputs/fuzzParsers (regression
 * mode); the {@code fuzz} Maven profile sets JAZZER_FUZZ=1 for a real campaign.
 */
class IcaoParsersFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void fuzzParsers(byte[] data) {
        FuzzTargets.run(data);
    }
}
