package vn.dinhdanh.registry.importer;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Outcome of an import: counts only, no personal data.
 *
 * @param rowsRead data rows read (header and blank lines not counted)
 * @param rowsWritten valid rows handed to the sink, which returned normally
 * @param rowsRejected rows rejected, each with a line in the error report
 * @param duration wall time
 * @param rejectionsByCode number of rejected rows per error code
 */
public record ImportSummary(long rowsRead, long rowsWritten, long rowsRejected, Duration duration,
        Map<String, Long> rejectionsByCode) {

    public ImportSummary {
        Objects.requireNonNull(duration, "duration");
        rejectionsByCode = rejectionsByCode == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(rejectionsByCode));
    }

    public ImportSummary(long rowsRead, long rowsWritten, long rowsRejected, Duration duration) {
        this(rowsRead, rowsWritten, rowsRejected, duration, Map.of());
    }

    /** Rows per second over the whole run. */
    public double rowsPerSecond() {
        long millis = Math.max(1, duration.toMillis());
        return rowsRead * 1000.0 / millis;
    }

    @Override
    public String toString() {
        return String.format("read=%d written=%d rejected=%d duration=%.1fs rejections=%s", rowsRead, rowsWritten,
                rowsRejected, duration.toMillis() / 1000.0, rejectionsByCode);
    }
}
