package vn.dinhdanh.chipcard.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.chipcard.app.DemoCards;
import vn.dinhdanh.icao.virtualcard.TestCountry;

class DemoTrustAnchorsTest {

    @Test
    void whenTheCscaIsTheDemoStates_thenItIsDemo_byItsKeyAsWellAsItsName() {
        X509CertificateHolder demo = DemoCards.country().csca().certificate();

        assertThat(DemoTrustAnchors.isDemo(demo)).isTrue();
        assertThat(DemoTrustAnchors.DEMO_KEY_FINGERPRINTS).as("the published key, whatever the certificate around it says")
                .contains(DemoTrustAnchors.keyFingerprint(demo));
    }

    @Test
    void whenTheCscaIsAnyTestCsca_thenItIsDemo() {
        assertThat(DemoTrustAnchors.isDemo(TestCountry.ec("another-seed").csca().certificate())).isTrue();
    }

    @Test
    void whenTheCscaIsAnother_thenItIsNotDemo() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair key = g.generateKeyPair();
        X500Name name = new X500Name("C=VN,O=Issuing authority,OU=Document security,CN=CSCA VN");
        Instant now = Instant.now();
        X509CertificateHolder csca = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(now),
                Date.from(now.plus(3650, ChronoUnit.DAYS)), name, key.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate()));

        assertThat(DemoTrustAnchors.isDemo(csca)).isFalse();
    }
}
