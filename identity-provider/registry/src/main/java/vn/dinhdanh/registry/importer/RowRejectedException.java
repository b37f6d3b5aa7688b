package vn.dinhdanh.registry.importer;

/** A CSV row is invalid. Code and message carry no personal data. */
final class RowRejectedException extends Exception {

    private static final long serialVersionUID = 1L;
    private final String code;

    RowRejectedException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
