package vn.dinhdanh.icao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dinhdanh.icao.trust.MasterListImport;
import vn.dinhdanh.icao.trust.TrustStore;
import vn.dinhdanh.icao.trust.TrustStoreLoader;
import vn.dinhdanh.icao.virtualcard.Credential;
import vn.dinhdanh.icao.virtualcard.TestPki;

class MasterListImportTest {

    @TempDir
    Path trust;
    @TempDir
    Path incoming;

    final MasterListImport importer = new MasterListImport(TrustStoreLoader.defaults());

    Credential signerCsca() throws Exception {
        Credential mlCsca = TestPki.csca("ml-import", new TestPki.CscaOptions().label("ML"));
        Files.write(trust.resolve("ml-signer-csca.der"), mlCsca.certificateDer());
        return mlCsca;
    }

    long masterListsIn(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".ml")).count();
        }
    }

    @Test
    void whenTheListIsSignedUnderAConfiguredCsca_thenItIsInstalled_andItsCscasAreTrusted() throws Exception {
        Credential mlCsca = signerCsca();
        Path list = Files.write(incoming.resolve("VN master list 2026.ml"), Fixtures.ec().masterList(mlCsca));

        MasterListImport.Installed done = importer.importInto(trust, list);

        assertThat(done.cscas()).hasSize(1);
        assertThat(done.file().getFileName().toString()).isEqualTo("VN_master_list_2026.ml");
        TrustStore loaded = TrustStoreLoader.defaults().loadDirectory(trust);
        assertThat(loaded.issues()).isEmpty();
        assertThat(loaded.cscas()).hasSize(2);
    }

    @Test
    void whenTheSignerChainsToNoConfiguredCsca_thenNothingIsInstalled() throws Exception {
        signerCsca();
        Credential stranger = TestPki.csca("stranger", new TestPki.CscaOptions().label("STRANGER"));
        Path list = Files.write(incoming.resolve("other.ml"), Fixtures.ec().masterList(stranger));

        assertThatThrownBy(() -> importer.importInto(trust, list)).isInstanceOfSatisfying(IcaoException.class,
                e -> assertThat(e.code()).isEqualTo(IcaoErrorCode.MASTER_LIST_SIGNER_UNTRUSTED));
        assertThat(masterListsIn(trust)).isZero();
    }

    @Test
    void whenTheListWasAltered_thenNothingIsInstalled() throws Exception {
        Credential mlCsca = signerCsca();
        byte[] bytes = Fixtures.ec().masterList(mlCsca);
        bytes[bytes.length / 2] ^= 0x01;
        Path list = Files.write(incoming.resolve("altered.ml"), bytes);

        assertThatThrownBy(() -> importer.importInto(trust, list)).isInstanceOfSatisfying(IcaoException.class,
                e -> assertThat(e.code()).isIn(IcaoErrorCode.MASTER_LIST_SIGNATURE_INVALID, IcaoErrorCode.MASTER_LIST_MALFORMED));
        assertThat(masterListsIn(trust)).isZero();
    }
}
