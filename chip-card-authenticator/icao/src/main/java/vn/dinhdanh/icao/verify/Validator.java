package vn.dinhdanh.icao.verify;

import java.util.Set;
import vn.dinhdanh.icao.IcaoException;

/**
 * One small check. Returns PASSED or NOT_APPLICABLE, or throws an {@link IcaoException}
 * whose code is the failure reason. It runs only when every check it requires passed.
 */
interface Validator {
    Check check();

    Set<Check> requires();

    CheckOutcome validate(VerificationContext ctx) throws IcaoException;

    static Validator of(Check check, Set<Check> requires, Body body) {
        return new Validator() {
            @Override
            public Check check() {
                return check;
            }

            @Override
            public Set<Check> requires() {
                return requires;
            }

            @Override
            public CheckOutcome validate(VerificationContext ctx) throws IcaoException {
                return body.validate(ctx);
            }
        };
    }

    @FunctionalInterface
    interface Body {
        CheckOutcome validate(VerificationContext ctx) throws IcaoException;
    }
}
