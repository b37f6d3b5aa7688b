package vn.dinhdanh.icao.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.dinhdanh.icao.Fixtures;
import vn.dinhdanh.icao.IcaoErrorCode;
import vn.dinhdanh.icao.IcaoException;

/** A check that is not made never counts as passed, unless the policy waives it. */
class NotApplicableCheckTest {

    /** The verifier's own validators, except that {@code check} answers NOT_APPLICABLE without looking. */
    static CardVerifier notMaking(Check check, VerifierConfig config) {
        List<Validator> validators = new ArrayList<>();
        for (Validator v : Stream.concat(PassiveValidators.all().stream(), DataValidators.all().stream()).toList()) {
            validators.add(v.check() == check ? Validator.of(check, v.requires(), ctx -> CheckOutcome.NOT_APPLICABLE) : v);
        }
        try {
            return new CardVerifier(Fixtures.ec().trustStore(), config, validators);
        } catch (IcaoException e) {
            throw new IllegalStateException(e);
        }
    }

    static VerificationResult verify(CardVerifier verifier) {
        return verifier.verify(Fixtures.ec().issuer().issue(Fixtures.CITIZEN).evidence(Fixtures.CHALLENGE));
    }

    static Stream<Check> passiveChecks() {
        return Arrays.stream(Check.values()).filter(Check::isPassiveAuthentication);
    }

    @ParameterizedTest
    @MethodSource("passiveChecks")
    void whenAPassiveAuthenticationCheckIsNotMade_thenTheCardFails(Check check) {
        VerificationResult r = verify(notMaking(check, Fixtures.config()));

        assertThat(r.isValid()).as(r.toJson(false)).isFalse();
        assertThat(r.passiveAuthenticationPassed()).isFalse();
        assertThat(r.citizen()).isEmpty();
        assertThat(r.outcome(check)).isEqualTo(CheckOutcome.FAILED);
        assertThat(r.check(check).orElseThrow().code()).isEqualTo(IcaoErrorCode.CHECK_NOT_MADE);
    }

    @Test
    void whenTheChainIsNotMade_thenRevocationIsNotTakenAsPassedEither() {
        VerificationResult r = verify(notMaking(Check.DS_CHAIN, Fixtures.config()));

        assertThat(r.outcome(Check.DS_CHAIN)).isEqualTo(CheckOutcome.FAILED);
        assertThat(r.outcome(Check.DS_REVOCATION)).isEqualTo(CheckOutcome.SKIPPED);
        assertThat(r.isValid()).isFalse();
    }

    @Test
    void whenTheChainIsNotMade_andTheCrlIsWaived_thenTheCardStillFails() {
        VerifierConfig waived = Fixtures.config().toBuilder().missingCrlPolicy(VerifierConfig.MissingCrlPolicy.ALLOW).build();

        VerificationResult r = verify(notMaking(Check.DS_CHAIN, waived));

        assertThat(r.isValid()).isFalse();
        assertThat(r.check(Check.DS_CHAIN).orElseThrow().code()).isEqualTo(IcaoErrorCode.CHECK_NOT_MADE);
    }

    @Test
    void whenTheExpiryIsNotKnown_thenTheCardFails_unlessExpiredCardsAreAccepted() {
        assertThat(verify(notMaking(Check.DOCUMENT_EXPIRY, Fixtures.config())).isValid()).isFalse();

        VerifierConfig acceptsExpired = Fixtures.config().toBuilder().rejectExpiredDocument(false).build();
        VerificationResult r = verify(notMaking(Check.DOCUMENT_EXPIRY, acceptsExpired));
        assertThat(r.isValid()).as(r.toJson(false)).isTrue();
        assertThat(r.outcome(Check.DOCUMENT_EXPIRY)).isEqualTo(CheckOutcome.NOT_APPLICABLE);
    }

    @Test
    void whenActiveAuthenticationIsRequired_thenItCannotBeLeftOut() {
        assertThat(verify(notMaking(Check.ACTIVE_AUTHENTICATION, Fixtures.config())).isValid()).isFalse();

        VerifierConfig passiveOnly = Fixtures.config().toBuilder().requireActiveAuthentication(false).build();
        assertThat(verify(notMaking(Check.ACTIVE_AUTHENTICATION, passiveOnly)).isValid()).isTrue();
    }

    @Test
    void whenAllChecksAreMade_thenTheSameCardIsValid() {
        VerificationResult r = Fixtures.verifier(Fixtures.ec()).verify(Fixtures.ec().issuer().issue(Fixtures.CITIZEN).evidence(Fixtures.CHALLENGE));
        assertThat(r.isValid()).as(r.toJson(false)).isTrue();
    }
}
