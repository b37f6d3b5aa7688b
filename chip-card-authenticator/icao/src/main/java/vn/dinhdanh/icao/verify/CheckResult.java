package vn.dinhdanh.icao.verify;

import java.util.Optional;
import vn.dinhdanh.icao.IcaoErrorCode;

/** One performed check and its outcome; {@code code} is set exactly when FAILED. Detail is non-personal. */
public record CheckResult(Check check, CheckOutcome outcome, IcaoErrorCode code, String detail) {

    public Optional<IcaoErrorCode> errorCode() {
        return Optional.ofNullable(code);
    }

    public boolean passed() {
        return outcome == CheckOutcome.PASSED;
    }
}
