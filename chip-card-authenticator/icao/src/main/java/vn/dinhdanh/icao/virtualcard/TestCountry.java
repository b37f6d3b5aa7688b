package vn.dinhdanh.icao.virtualcard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import vn.dinhdanh.icao.IcaoException;
import vn.dinhdanh.icao.trust.TrustStore;
import vn.dinhdanh.icao.trust.TrustStoreLoader;

/**
 * A complete test issuing state: CSCA, one Document Signer, an empty CRL, and an issuer of
 * virtual cards. Deterministic from the seed. All subjects say TEST.
 *
 * @param seed seed everything is derived from
 * @param csca the CSCA credential
 * @param ds the Document Signer credential
 * @param crl DER CRL of the CSCA (no revocations)
 */
public record TestCountry(String seed, Credential csca, Credential ds, byte[] crl) {

    /** EC P-256 CSCA and DS. */
    public static TestCountry ec(String seed) {
        return create(seed, KeySpec.EC_P256, KeySpec.EC_P256);
    }

    /** RSA-2048 CSCA and DS (RSA keys are cached per seed in the JVM). */
    public static TestCountry rsa(String seed) {
        return create(seed, KeySpec.RSA_2048, KeySpec.RSA_2048);
    }

    public static TestCountry create(String seed, KeySpec cscaKey, KeySpec dsKey) {
        Credential csca = TestPki.csca(seed, new TestPki.CscaOptions().keySpec(cscaKey));
        Credential ds = TestPki.documentSigner(seed, csca, new TestPki.DsOptions().keySpec(dsKey));
        byte[] crl = TestPki.crl(seed, csca, new TestPki.CrlOptions());
        return new TestCountry(seed, csca, ds, crl);
    }

    public VirtualCardIssuer issuer() {
        return new VirtualCardIssuer(seed, ds);
    }

    /** Trust snapshot with this CSCA and CRL. */
    public TrustStore trustStore() throws IcaoException {
        return TrustStoreLoader.defaults().fromBytes(Map.of("csca.der", csca.certificateDer()), Map.of(), Map.of("csca.crl", crl));
    }

    /** A master list of this CSCA, signed under {@code mlCsca} (which must be trusted separately). */
    public byte[] masterList(Credential mlCsca) {
        return TestPki.masterList(seed, mlCsca, List.of(csca.certificate()));
    }

    /** Writes csca.der and csca.crl into {@code dir} (a trust folder). */
    public void writeTrustFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("csca-" + safe(seed) + ".der"), csca.certificateDer());
        Files.write(dir.resolve("csca-" + safe(seed) + ".crl"), crl);
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
