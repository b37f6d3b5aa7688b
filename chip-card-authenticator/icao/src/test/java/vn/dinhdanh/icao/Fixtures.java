package vn.dinhdanh.icao;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import vn.dinhdanh.icao.verify.CardVerifier;
import vn.dinhdanh.icao.verify.VerifierConfig;
import vn.dinhdanh.icao.virtualcard.Citizen;
import vn.dinhdanh.icao.virtualcard.TestCountry;

/** Shared, lazily created fixtures (keys are cached per JVM). */
public final class Fixtures {
    public static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final byte[] CHALLENGE = {1, 2, 3, 4, 5, 6, 7, 8};
    public static final Citizen CITIZEN = Citizen.demo();

    private static TestCountry ec;
    private static TestCountry rsa;

    private Fixtures() {
    }

    public static synchronized TestCountry ec() {
        if (ec == null) {
            ec = TestCountry.ec("test-ec");
        }
        return ec;
    }

    public static synchronized TestCountry rsa() {
        if (rsa == null) {
            rsa = TestCountry.rsa("test-rsa");
        }
        return rsa;
    }

    public static VerifierConfig config() {
        return VerifierConfig.builder().clock(CLOCK).expectedIssuingState("VNM").build();
    }

    public static CardVerifier verifier(TestCountry country) {
        try {
            return new CardVerifier(country.trustStore(), config());
        } catch (IcaoException e) {
            throw new IllegalStateException(e);
        }
    }
}
