package vn.dinhdanh.registry.importer;

import java.io.IOException;

/** The CSV file has no header row, or its header does not name exactly the expected columns. */
public final class InvalidCsvHeaderException extends IOException {

    private static final long serialVersionUID = 1L;

    public InvalidCsvHeaderException(String message) {
        super(message);
    }
}
