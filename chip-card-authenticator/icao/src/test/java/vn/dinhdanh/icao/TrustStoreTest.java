package vn.dinhdanh.icao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dinhdanh.icao.trust.ReloadableTrustStore;
import vn.dinhdanh.icao.trust.TrustStore;
import vn.dinhdanh.icao.trust.TrustStoreLoader;
import vn.dinhdanh.icao.verify.CardVerifier;
import vn.dinhdanh.icao.verify.VerificationResult;
import vn.dinhdanh.icao.virtualcard.Credential;
import vn.dinhdanh.icao.virtualcard.TestCountry;
import vn.dinhdanh.icao.virtualcard.TestPki;
import vn.dinhdanh.icao.virtualcard.VirtualCard;
import vn.dinhdanh.icao.virtualcard.VirtualCardIssuer;

class TrustStoreTest {
    @TempDir
    Path dir;

    @Test
    void whenFolderHoldsCscaAndCrl_thenCardsVerify() throws Exception {
        Fixtures.ec().writeTrustFolder(dir);
        Files.writeString(dir.resolve("README.txt"), "ignored");
        TrustStore t = TrustStoreLoader.defaults().loadDirectory(dir);
        assertThat(t.cscas()).hasSize(1);
        assertThat(t.crls()).hasSize(1);
        assertThat(t.issues()).isEmpty();
        VerificationResult r = new CardVerifier(t, Fixtures.config()).verify(Fixtures.ec().issuer().issue(Fixtures.CITIZEN).evidence(Fixtures.CHALLENGE));
        assertThat(r.isValid()).isTrue();
    }

    @Test
    void whenCertificateIsPem_thenItIsLoaded() throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(Fixtures.ec().csca().certificateDer())
                + "\n-----END CERTIFICATE-----\n";
        Files.writeString(dir.resolve("csca.pem"), pem);
        assertThat(TrustStoreLoader.defaults().loadDirectory(dir).cscas()).hasSize(1);
    }

    @Test
    void whenAnAnchorIsRefused_thenItIsLeftOutWithAnIssue_fromAFileAndFromAMasterList() throws Exception {
        Credential mlCsca = TestPki.csca("ml", new TestPki.CscaOptions().label("ML"));
        Files.write(dir.resolve("ml-signer-csca.der"), mlCsca.certificateDer());
        Files.write(dir.resolve("vn.ml"), Fixtures.ec().masterList(mlCsca));
        Fixtures.ec().writeTrustFolder(dir);
        byte[] refused = Fixtures.ec().csca().certificateDer();
        TrustStoreLoader loader = TrustStoreLoader.builder().refuseAnchors(c -> java.util.Arrays.equals(encoded(c), refused)).build();

        TrustStore t = loader.loadDirectory(dir);

        assertThat(t.cscas()).extracting(e -> e.subject().toString()).containsExactly(mlCsca.certificate().getSubject().toString());
        assertThat(t.issues()).extracting(TrustStore.LoadIssue::code)
                .containsExactly(IcaoErrorCode.TRUST_ANCHOR_REFUSED, IcaoErrorCode.TRUST_ANCHOR_REFUSED);
        VerificationResult r = new CardVerifier(t, Fixtures.config()).verify(Fixtures.ec().issuer().issue(Fixtures.CITIZEN).evidence(Fixtures.CHALLENGE));
        assertThat(r.isValid()).as("a card of the refused CSCA").isFalse();
    }

    @Test
    void whenTheOnlyAnchorIsRefused_thenTheStoreIsEmpty() throws Exception {
        Fixtures.ec().writeTrustFolder(dir);
        TrustStoreLoader loader = TrustStoreLoader.builder().refuseAnchors(c -> true).build();
        assertThatThrownBy(() -> loader.loadDirectory(dir)).isInstanceOfSatisfying(IcaoException.class,
                e -> assertThat(e.code()).isEqualTo(IcaoErrorCode.TRUST_STORE_EMPTY));
    }

    static byte[] encoded(org.bouncycastle.cert.X509CertificateHolder c) {
        try {
            return c.getEncoded();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void whenMasterListSignedByConfiguredCsca_thenItsCscasAreTrusted() throws Exception {
        Credential mlCsca = TestPki.csca("ml", new TestPki.CscaOptions().label("ML"));
        Files.write(dir.resolve("ml-signer-csca.der"), mlCsca.certificateDer());
        Files.write(dir.resolve("vn.ml"), Fixtures.ec().masterList(mlCsca));
        Files.write(dir.resolve("vn.crl"), Fixtures.ec().crl());
        TrustStore t = TrustStoreLoader.defaults().loadDirectory(dir);
        assertThat(t.issues()).isEmpty();
        assertThat(t.cscas()).hasSize(2);
        VerificationResult r = new CardVerifier(t, Fixtures.config()).verify(Fixtures.ec().issuer().issue(Fixtures.CITIZEN).evidence(Fixtures.CHALLENGE));
        assertThat(r.isValid()).as(r.toJson(false)).isTrue();
    }

    @Test
    void whenMasterListSignerUntrusted_thenListIsSkippedWithItsCode() throws Exception {
        Credential mlCsca = TestPki.csca("ml", new TestPki.CscaOptions().label("ML"));
        Files.write(dir.resolve("other.der"), TestCountry.ec("x").csca().certificateDer());
        Files.write(dir.resolve("vn.ml"), Fixtures.ec().masterList(mlCsca));
        TrustStore t = TrustStoreLoader.defaults().loadDirectory(dir);
        assertThat(t.issues()).extracting(TrustStore.LoadIssue::code).containsExactly(IcaoErrorCode.MASTER_LIST_SIGNER_UNTRUSTED);
        assertThat(t.cscas()).hasSize(1);
    }

    @Test
    void whenDsIssuedUnderNewCscaAndLinkCertificateTrusted_thenChainVerifies() throws Exception {
        Credential oldCsca = TestPki.csca("link", new TestPki.CscaOptions().label("VN"));
        Credential newKey = TestPki.csca("link-new", new TestPki.CscaOptions().label("VN"));
        Credential link = TestPki.link("link", oldCsca, newKey);
        Credential ds = TestPki.documentSigner("link", link, new TestPki.DsOptions());
        byte[] crl = TestPki.crl("link", link, new TestPki.CrlOptions());
        TrustStore t = TrustStoreLoader.defaults().fromBytes(
                Map.of("old.der", oldCsca.certificateDer(), "link.der", link.certificateDer()), Map.of(), Map.of("c.crl", crl));
        assertThat(t.cscas()).anyMatch(e -> e.isLink());
        VirtualCard card = new VirtualCardIssuer("link", ds).issue(Fixtures.CITIZEN);
        VerificationResult r = new CardVerifier(t, Fixtures.config()).verify(card.evidence(Fixtures.CHALLENGE));
        assertThat(r.isValid()).as(r.toJson(false)).isTrue();
    }

    @Test
    void whenFolderChangesAndStoreReloads_thenNewSnapshotIsUsedWithoutRestart() throws Exception {
        TestCountry other = TestCountry.ec("reload-other");
        other.writeTrustFolder(dir);
        ReloadableTrustStore store = new ReloadableTrustStore(dir, TrustStoreLoader.defaults());
        CardVerifier v = new CardVerifier(store, Fixtures.config());
        VirtualCard card = Fixtures.ec().issuer().issue(Fixtures.CITIZEN);
        TrustStore before = store.current();
        assertThat(v.verify(card.evidence(Fixtures.CHALLENGE)).isValid()).isFalse();
        Fixtures.ec().writeTrustFolder(dir);
        store.reload();
        assertThat(store.current()).isNotSameAs(before);
        assertThat(v.verify(card.evidence(Fixtures.CHALLENGE)).isValid()).isTrue();
    }

    @Test
    void whenReloadFails_thenPreviousSnapshotStays() throws Exception {
        Fixtures.ec().writeTrustFolder(dir);
        ReloadableTrustStore store = new ReloadableTrustStore(dir, TrustStoreLoader.defaults());
        TrustStore before = store.current();
        for (Path p : Files.list(dir).toList()) {
            Files.delete(p);
        }
        assertThatThrownBy(store::reload).isInstanceOf(IcaoException.class)
                .extracting(e -> ((IcaoException) e).code()).isEqualTo(IcaoErrorCode.TRUST_STORE_EMPTY);
        assertThat(store.current()).isSameAs(before);
    }

    @Test
    void whenFolderMissing_thenIoCode() {
        assertThatThrownBy(() -> TrustStoreLoader.defaults().loadDirectory(dir.resolve("nope")))
                .extracting(e -> ((IcaoException) e).code()).isEqualTo(IcaoErrorCode.TRUST_STORE_IO);
    }

    @Test
    void whenMasterListVerified_thenItsCertificatesAreReturned() throws Exception {
        Credential mlCsca = TestPki.csca("ml", new TestPki.CscaOptions().label("ML"));
        byte[] ml = Fixtures.ec().masterList(mlCsca);
        assertThat(TrustStoreLoader.defaults().masterList(ml, List.of(mlCsca.certificate()))).hasSize(1);
    }
}
