package vn.dinhdanh.icao;

import java.util.Objects;

/**
 * The one checked exception of the library: every malformed input and every failed check
 * ends here, with a stable {@link IcaoErrorCode}. Messages never carry personal data.
 */
public class IcaoException extends Exception {
    private static final long serialVersionUID = 1L;
    private final IcaoErrorCode code;

    public IcaoException(IcaoErrorCode code) {
        this(code, code.description(), null);
    }

    public IcaoException(IcaoErrorCode code, String detail) {
        this(code, detail, null);
    }

    public IcaoException(IcaoErrorCode code, String detail, Throwable cause) {
        super(Objects.requireNonNull(code, "code") + ": " + detail, cause);
        this.code = code;
    }

    public IcaoErrorCode code() {
        return code;
    }
}
