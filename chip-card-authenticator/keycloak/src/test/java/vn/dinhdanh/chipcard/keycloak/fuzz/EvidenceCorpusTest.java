package vn.dinhdanh.chipcard.keycloak.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.chipcard.keycloak.ChipCardEvidenceJson;

/** The committed seed corpus is what its names say: seed-* is accepted evidence, broken-* and hostile-* are refused. */
class EvidenceCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/vn/dinhdanh/chipcard/keycloak/fuzz/ChipCardEvidenceJsonFuzzTestInputs/fuzzEvidenceJson");

    private static List<Path> files(String prefix) throws Exception {
        try (Stream<Path> s = Files.list(CORPUS)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }

    @Test
    void whenASeedIsParsed_thenItIsEvidence() throws Exception {
        assertThat(files("seed-")).hasSizeGreaterThanOrEqualTo(5);
        for (Path p : files("seed-")) {
            assertThat(ChipCardEvidenceJson.parse(new ByteArrayInputStream(Files.readAllBytes(p))).dataGroups()).as(p.toString()).isNotEmpty();
        }
    }

    @Test
    void whenABrokenOrHostileInputIsParsed_thenItIsRefused() throws Exception {
        List<Path> bad = Stream.concat(files("broken-").stream(), files("hostile-").stream()).toList();
        assertThat(bad).hasSizeGreaterThanOrEqualTo(5);
        for (Path p : bad) {
            assertThatThrownBy(() -> ChipCardEvidenceJson.parse(new ByteArrayInputStream(Files.readAllBytes(p)))).as(p.toString())
                    .isInstanceOf(ChipCardEvidenceJson.InvalidEvidence.class);
        }
    }
}
