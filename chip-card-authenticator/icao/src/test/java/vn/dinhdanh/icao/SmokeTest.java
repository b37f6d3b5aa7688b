package vn.dinhdanh.icao;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.dinhdanh.icao.verify.VerificationResult;
import vn.dinhdanh.icao.virtualcard.CardOptions;
import vn.dinhdanh.icao.virtualcard.KeySpec;
import vn.dinhdanh.icao.virtualcard.VirtualCard;

class SmokeTest {
    @Test
    void whenGenuineEcCard_thenValid() {
        VirtualCard card = Fixtures.ec().issuer().issue(Fixtures.CITIZEN);
        VerificationResult r = Fixtures.verifier(Fixtures.ec()).verify(card.evidence(Fixtures.CHALLENGE));
        assertThat(r.isValid()).as(r.toJson(false)).isTrue();
    }

    @Test
    void whenGenuineRsaCard_thenValid() {
        VirtualCard card = Fixtures.rsa().issuer().issue(Fixtures.CITIZEN, CardOptions.defaults().aaKey(KeySpec.RSA_1024));
        VerificationResult r = Fixtures.verifier(Fixtures.rsa()).verify(card.evidence(Fixtures.CHALLENGE));
        assertThat(r.isValid()).as(r.toJson(false)).isTrue();
    }
}
