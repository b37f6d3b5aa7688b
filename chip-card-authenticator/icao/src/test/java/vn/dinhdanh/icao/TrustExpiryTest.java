package vn.dinhdanh.icao;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.dinhdanh.icao.trust.TrustExpiry;
import vn.dinhdanh.icao.trust.TrustStore;
import vn.dinhdanh.icao.trust.TrustStoreLoader;
import vn.dinhdanh.icao.virtualcard.Credential;
import vn.dinhdanh.icao.virtualcard.TestPki;

class TrustExpiryTest {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final TrustExpiry EXPIRY = new TrustExpiry(Duration.ofDays(90), Duration.ofHours(48));

    static TrustStore trust(Instant cscaNotAfter, Instant crlNextUpdate) throws IcaoException {
        Credential csca = TestPki.csca("expiry", new TestPki.CscaOptions().validity(Instant.parse("2020-01-01T00:00:00Z"), cscaNotAfter));
        byte[] crl = TestPki.crl("expiry", csca, new TestPki.CrlOptions().thisUpdate(Instant.parse("2026-05-01T00:00:00Z")).nextUpdate(crlNextUpdate));
        return TrustStoreLoader.defaults().fromBytes(Map.of("c.der", csca.certificateDer()), Map.of(), Map.of("c.crl", crl));
    }

    @Test
    void whenNothingRunsOutWithinTheHorizons_thenNoWarning() throws IcaoException {
        assertThat(EXPIRY.warnings(trust(Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2026-06-10T00:00:00Z")), NOW)).isEmpty();
    }

    @Test
    void whenTheCscaEndsWithin90Days_andTheCrlIsDueWithin48Hours_thenBothAreWarned_soonestFirst() throws IcaoException {
        var warnings = EXPIRY.warnings(trust(Instant.parse("2026-07-15T00:00:00Z"), Instant.parse("2026-06-02T12:00:00Z")), NOW);

        assertThat(warnings).extracting(TrustExpiry.Warning::code)
                .containsExactly(TrustExpiry.Code.CRL_DUE_SOON, TrustExpiry.Code.CSCA_EXPIRING);
        assertThat(warnings.get(1).at()).isEqualTo(Instant.parse("2026-07-15T00:00:00Z"));
        assertThat(warnings.get(1).name()).contains("CSCA");
    }

    @Test
    void whenTheCrlIsPastItsNextUpdate_thenItIsOverdue() throws IcaoException {
        var warnings = EXPIRY.warnings(trust(Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2026-05-20T00:00:00Z")), NOW);
        assertThat(warnings).extracting(TrustExpiry.Warning::code).containsExactly(TrustExpiry.Code.CRL_OVERDUE);
    }
}
