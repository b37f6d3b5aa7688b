package vn.dinhdanh.registry.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import vn.dinhdanh.registry.CardStatus;
import vn.dinhdanh.registry.Citizen;
import vn.dinhdanh.registry.CitizenNames;
import vn.dinhdanh.registry.IdentityCard;
import vn.dinhdanh.registry.InvalidPersonalIdNumberException;
import vn.dinhdanh.registry.LifeStatus;
import vn.dinhdanh.registry.PartialDate;
import vn.dinhdanh.registry.PersonalIdNumber;
import vn.dinhdanh.registry.Sex;

/**
 * Streaming, batched import of citizens from a UTF-8 CSV file with a header row:
 *
 * <pre>
 * personal_id_number,full_name,date_of_birth,sex,nationality,ethnicity,religion,place_of_origin,place_of_residence,
 * life_status,card_number,card_issue_date,card_expiry_date,card_status
 * </pre>
 *
 * Columns may come in any order; each must appear once. {@code sex} is M or F, {@code life_status} LIVING or
 * DECEASED, {@code date_of_birth} yyyy, yyyy-MM or yyyy-MM-dd, card dates yyyy-MM-dd; the card columns may all be
 * empty (no card) and {@code card_expiry_date} may be empty (no expiry).
 * <p>
 * Valid rows are handed in batches to a {@link BatchSink}, which owns the transaction. Each invalid row is
 * written to the error report as {@code line,code,message} (the line where the record starts; the header is line
 * 1) and the import goes on. Codes and messages never contain personal data. A personal ID number that appears
 * twice: the later row wins (the writer upserts by primary key). The configuration is immutable; one instance may
 * run any number of imports, one at a time per call.
 */
public final class CitizenCsvImport {

    /** The columns, in the canonical order. */
    public static final List<String> COLUMNS = CitizenCsvFormat.COLUMNS;

    /** Stable error codes of the error report, besides the {@code pin.*} codes of PersonalIdNumber. */
    public static final String CSV_COLUMN_COUNT = "csv.column_count";
    public static final String CSV_MALFORMED = "csv.malformed";
    /** A record longer than {@link Builder#maxRecordLength(int)} characters (its content is not read). */
    public static final String CSV_RECORD_TOO_LONG = "csv.record_too_long";
    /** A record with more fields than {@link Builder#maxFieldsPerRecord(int)}. */
    public static final String CSV_TOO_MANY_FIELDS = "csv.too_many_fields";
    /** The last line of a report cut at {@link Builder#maxReportedRejections(int)}: how many rows it leaves out. */
    public static final String REPORT_TRUNCATED = "report.truncated";
    public static final String NAME_EMPTY = "name.empty";
    public static final String FIELD_TOO_LONG = "field.too_long";
    public static final String DOB_INVALID = "dob.invalid";
    public static final String DOB_IN_FUTURE = "dob.in_future";
    public static final String SEX_INVALID = "sex.invalid";
    public static final String LIFE_STATUS_INVALID = "life_status.invalid";
    public static final String CARD_NUMBER_INVALID = "card.number_invalid";
    public static final String CARD_INCOMPLETE = "card.incomplete";
    public static final String CARD_ISSUE_DATE_INVALID = "card.issue_date_invalid";
    public static final String CARD_EXPIRY_DATE_INVALID = "card.expiry_date_invalid";
    public static final String CARD_EXPIRY_BEFORE_ISSUE = "card.expiry_before_issue";
    public static final String CARD_STATUS_INVALID = "card.status_invalid";

    private static final Logger LOG = Logger.getLogger(CitizenCsvImport.class);
    private static final Pattern CARD_NUMBER = Pattern.compile("[0-9A-Z]{6,20}");
    private static final int MAX_NAME = 200;
    private static final int MAX_SHORT = 100;
    private static final int MAX_PLACE = 500;

    private final int batchSize;
    private final int maxRecordLength;
    private final int maxFieldLength;
    private final int maxFieldsPerRecord;
    private final int maxReportedRejections;
    private final int progressEvery;
    private final ImportProgress progress;
    private final Clock clock;

    private CitizenCsvImport(Builder b) {
        this.batchSize = b.batchSize;
        this.maxRecordLength = b.maxRecordLength;
        this.maxFieldLength = b.maxFieldLength;
        this.maxFieldsPerRecord = b.maxFieldsPerRecord;
        this.maxReportedRejections = b.maxReportedRejections;
        this.progressEvery = b.progressEvery;
        this.progress = b.progress;
        this.clock = b.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Import with the defaults: batches of 1000, progress every 10,000 rows (to no one), system clock. */
    public static CitizenCsvImport withDefaults() {
        return builder().build();
    }

    public int batchSize() {
        return batchSize;
    }

    /** Imports a UTF-8 file. Malformed UTF-8 fails the import with an IOException. */
    public ImportSummary importFile(Path csv, BatchSink sink, Writer errorReport) throws IOException {
        try (InputStream in = Files.newInputStream(csv)) {
            return importFrom(in, sink, errorReport);
        }
    }

    /** Imports UTF-8 bytes (a leading byte order mark is skipped). The stream is not closed. */
    public ImportSummary importFrom(InputStream csv, BatchSink sink, Writer errorReport) throws IOException {
        Reader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        return importFrom(reader, sink, errorReport);
    }

    /**
     * Imports from a character stream (not closed). The error report gets a header line and one line per rejected
     * row, written as the rows are read, up to {@link Builder#maxReportedRejections(int)} lines; then one last line
     * {@code ,report.truncated,"N more rejected rows are not listed"}. The summary counts every rejected row. The
     * report is flushed but not closed.
     *
     * @throws InvalidCsvHeaderException if the header row is missing or does not name exactly the known columns
     * @throws IOException on a read or write failure
     */
    public ImportSummary importFrom(Reader csv, BatchSink sink, Writer errorReport) throws IOException {
        Objects.requireNonNull(csv, "csv");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(errorReport, "errorReport");
        long started = System.nanoTime();
        BoundedCsvReader reader = new BoundedCsvReader(csv, maxRecordLength, maxFieldsPerRecord);
        ErrorReport errors = new ErrorReport(errorReport, maxReportedRejections);
        int[] index = readHeader(reader);
        LocalDate today = LocalDate.now(clock);

        long read = 0;
        long written = 0;
        List<CitizenRecord> batch = new ArrayList<>(batchSize);
        BoundedCsvReader.Row record;
        while ((record = reader.next()) != null) {
            read++;
            try {
                batch.add(parseRow(record, index, today));
            } catch (RowRejectedException e) {
                errors.reject(record.line(), e.code(), e.getMessage());
            }
            if (batch.size() >= batchSize) {
                sink.write(List.copyOf(batch));
                written += batch.size();
                batch.clear();
            }
            if (progressEvery > 0 && read % progressEvery == 0) {
                progress.onProgress(summary(read, written, errors, started));
            }
        }
        if (!batch.isEmpty()) {
            sink.write(List.copyOf(batch));
            written += batch.size();
            batch.clear();
        }
        errors.flush();
        ImportSummary summary = summary(read, written, errors, started);
        if (progressEvery == 0 || read % progressEvery != 0 || read == 0) {
            progress.onProgress(summary);
        }
        LOG.infof("Citizen import finished: %d rows read, %d written, %d rejected in %d ms", summary.rowsRead(),
                summary.rowsWritten(), summary.rowsRejected(), summary.duration().toMillis());
        return summary;
    }

    private static ImportSummary summary(long read, long written, ErrorReport errors, long started) {
        return new ImportSummary(read, written, errors.count, Duration.ofNanos(System.nanoTime() - started),
                errors.byCode);
    }

    private static int[] readHeader(BoundedCsvReader reader) throws IOException {
        BoundedCsvReader.Row header = reader.next();
        if (header == null || (header.rejection() != null
                && header.rejection().code().equals(CSV_MALFORMED))) {
            throw new InvalidCsvHeaderException("The file has no header row");
        }
        if (header.rejection() != null) {
            throw new InvalidCsvHeaderException("Invalid header row: " + header.rejection().message());
        }
        int[] index = new int[COLUMNS.size()];
        java.util.Arrays.fill(index, -1);
        List<String> names = header.fields();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
            int column = COLUMNS.indexOf(name);
            if (column < 0) {
                // the name is not echoed: a file without a header row would put personal data here
                throw new InvalidCsvHeaderException("Unknown column " + (i + 1) + " in the header row (expected "
                        + String.join(",", COLUMNS) + ")");
            }
            if (index[column] >= 0) {
                throw new InvalidCsvHeaderException("Column appears twice in header: " + name);
            }
            index[column] = i;
        }
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0) {
                throw new InvalidCsvHeaderException("Missing column in header: " + COLUMNS.get(i));
            }
        }
        return index;
    }

    private CitizenRecord parseRow(BoundedCsvReader.Row record, int[] index, LocalDate today)
            throws RowRejectedException {
        if (record.rejection() != null) {
            throw new RowRejectedException(record.rejection().code(), record.rejection().message());
        }
        List<String> f = record.fields();
        if (f.size() != index.length) {
            throw new RowRejectedException(CSV_COLUMN_COUNT,
                    "Expected " + index.length + " columns but found " + f.size());
        }
        for (int i = 0; i < f.size(); i++) {
            if (f.get(i).length() > maxFieldLength) {
                throw new RowRejectedException(FIELD_TOO_LONG, COLUMNS.get(columnAt(index, i)) + " is longer than "
                        + maxFieldLength + " characters");
            }
        }
        PersonalIdNumber pin;
        try {
            pin = PersonalIdNumber.parse(f.get(index[0]), clock);
        } catch (InvalidPersonalIdNumberException e) {
            throw new RowRejectedException(e.reason().code(), e.reason().description());
        }
        String fullName = CitizenNames.normalise(f.get(index[1]));
        if (fullName.isEmpty()) {
            throw new RowRejectedException(NAME_EMPTY, "Full name is empty");
        }
        if (fullName.length() > MAX_NAME) {
            throw new RowRejectedException(FIELD_TOO_LONG, "full_name is longer than " + MAX_NAME);
        }
        PartialDate dob;
        try {
            dob = PartialDate.parse(f.get(index[2]));
        } catch (IllegalArgumentException e) {
            throw new RowRejectedException(DOB_INVALID, "date_of_birth must be yyyy, yyyy-MM or yyyy-MM-dd");
        }
        if (dob.year() > today.getYear() || dob.toLocalDate().map(today::isBefore).orElse(false)) {
            throw new RowRejectedException(DOB_IN_FUTURE, "date_of_birth is in the future");
        }
        Sex sex = switch (f.get(index[3]).strip().toUpperCase(Locale.ROOT)) {
            case "M" -> Sex.MALE;
            case "F" -> Sex.FEMALE;
            default -> throw new RowRejectedException(SEX_INVALID, "sex must be M or F");
        };
        Optional<InvalidPersonalIdNumberException.Reason> disagreement = pin.disagreementWith(sex, dob.year());
        if (disagreement.isPresent()) {
            throw new RowRejectedException(disagreement.get().code(), disagreement.get().description());
        }
        LifeStatus lifeStatus;
        try {
            lifeStatus = LifeStatus.valueOf(f.get(index[9]).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RowRejectedException(LIFE_STATUS_INVALID, "life_status must be LIVING or DECEASED");
        }
        Citizen citizen = new Citizen(pin, fullName, dob, sex,
                limited(f.get(index[4]), "nationality", MAX_SHORT),
                limited(f.get(index[5]), "ethnicity", MAX_SHORT),
                limited(f.get(index[6]), "religion", MAX_SHORT),
                limited(f.get(index[7]), "place_of_origin", MAX_PLACE),
                limited(f.get(index[8]), "place_of_residence", MAX_PLACE),
                lifeStatus);
        return new CitizenRecord(citizen, parseCard(f, index));
    }

    /** The canonical column shown at position {@code position} of the file. */
    private static int columnAt(int[] index, int position) {
        for (int column = 0; column < index.length; column++) {
            if (index[column] == position) {
                return column;
            }
        }
        throw new IllegalStateException("no column at " + position);
    }

    private static String limited(String value, String column, int max) throws RowRejectedException {
        String v = CitizenNames.normalise(value);
        if (v.length() > max) {
            throw new RowRejectedException(FIELD_TOO_LONG, column + " is longer than " + max);
        }
        return v;
    }

    private static IdentityCard parseCard(List<String> f, int[] index) throws RowRejectedException {
        String number = f.get(index[10]).strip();
        String issue = f.get(index[11]).strip();
        String expiry = f.get(index[12]).strip();
        String status = f.get(index[13]).strip();
        if (number.isEmpty() && issue.isEmpty() && expiry.isEmpty() && status.isEmpty()) {
            return null;
        }
        if (number.isEmpty() || issue.isEmpty() || status.isEmpty()) {
            throw new RowRejectedException(CARD_INCOMPLETE,
                    "card_number, card_issue_date and card_status are required when any card column is set");
        }
        if (!CARD_NUMBER.matcher(number).matches()) {
            throw new RowRejectedException(CARD_NUMBER_INVALID, "card_number must be 6-20 digits or capital letters");
        }
        LocalDate issueDate = date(issue, CARD_ISSUE_DATE_INVALID, "card_issue_date");
        LocalDate expiryDate = expiry.isEmpty() ? null : date(expiry, CARD_EXPIRY_DATE_INVALID, "card_expiry_date");
        if (expiryDate != null && expiryDate.isBefore(issueDate)) {
            throw new RowRejectedException(CARD_EXPIRY_BEFORE_ISSUE, "card_expiry_date is before card_issue_date");
        }
        CardStatus cardStatus;
        try {
            cardStatus = CardStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RowRejectedException(CARD_STATUS_INVALID,
                    "card_status must be VALID, REPORTED_LOST, REVOKED or REPLACED");
        }
        return new IdentityCard(number, issueDate, expiryDate, cardStatus);
    }

    private static LocalDate date(String s, String code, String column) throws RowRejectedException {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new RowRejectedException(code, column + " must be a valid yyyy-MM-dd date");
        }
    }

    /** The CSV error report: {@code line,code,message}, at most {@code limit} rows, then a count of the rest. */
    private static final class ErrorReport {
        private final Writer out;
        private final int limit;
        private final Map<String, Long> byCode = new HashMap<>();
        private long count;
        private boolean headerWritten;

        ErrorReport(Writer out, int limit) {
            this.out = out;
            this.limit = limit;
        }

        void reject(long line, String code, String message) throws IOException {
            if (!headerWritten) {
                out.write("line,code,message\n");
                headerWritten = true;
            }
            if (count < limit) {
                out.write(line + "," + code + "," + quote(message) + "\n");
            }
            count++;
            byCode.merge(code, 1L, Long::sum);
        }

        void flush() throws IOException {
            if (!headerWritten) {
                out.write("line,code,message\n");
                headerWritten = true;
            }
            if (count > limit) {
                out.write("," + REPORT_TRUNCATED + "," + quote((count - limit) + " more rejected rows are not listed")
                        + "\n");
            }
            out.flush();
        }

        private static String quote(String s) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
    }

    /** Immutable configuration of an import. */
    public static final class Builder {
        private int batchSize = 1000;
        private int maxRecordLength = 64 * 1024;
        private int maxFieldLength = 4 * 1024;
        private int maxFieldsPerRecord = 64;
        private int maxReportedRejections = 10_000;
        private int progressEvery = 10_000;
        private ImportProgress progress = summary -> {
            // no listener: progress is reported only through the returned summary
        };
        private Clock clock = Clock.systemDefaultZone();

        private Builder() {
        }

        /** Rows per batch handed to the sink (default 1000). */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1");
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Longest record read, in characters, line breaks included (default 65,536); a longer one is rejected with
         * {@value CitizenCsvImport#CSV_RECORD_TOO_LONG} without being held in memory, and reading goes on at the
         * next line.
         */
        public Builder maxRecordLength(int chars) {
            if (chars < 1) {
                throw new IllegalArgumentException("maxRecordLength must be at least 1");
            }
            this.maxRecordLength = chars;
            return this;
        }

        /**
         * Longest field before normalisation, in characters (default 4096): a longer one is rejected with
         * {@value CitizenCsvImport#FIELD_TOO_LONG}. The columns' own limits (200 for names, 500 for places...)
         * apply after it.
         */
        public Builder maxFieldLength(int chars) {
            if (chars < 1) {
                throw new IllegalArgumentException("maxFieldLength must be at least 1");
            }
            this.maxFieldLength = chars;
            return this;
        }

        /**
         * Most fields in a record (default 64); a record with more is rejected with
         * {@value CitizenCsvImport#CSV_TOO_MANY_FIELDS}; one with another count than the header's, with
         * {@value CitizenCsvImport#CSV_COLUMN_COUNT}.
         */
        public Builder maxFieldsPerRecord(int fields) {
            if (fields < COLUMNS.size()) {
                throw new IllegalArgumentException("maxFieldsPerRecord must be at least " + COLUMNS.size());
            }
            this.maxFieldsPerRecord = fields;
            return this;
        }

        /** Most rejected rows listed in the error report (default 10,000; 0 = only the count line). */
        public Builder maxReportedRejections(int rows) {
            if (rows < 0) {
                throw new IllegalArgumentException("maxReportedRejections must not be negative");
            }
            this.maxReportedRejections = rows;
            return this;
        }

        /** Call the listener every n rows read (default 10,000; 0 = only at the end). */
        public Builder progressEvery(int rows) {
            if (rows < 0) {
                throw new IllegalArgumentException("progressEvery must not be negative");
            }
            this.progressEvery = rows;
            return this;
        }

        public Builder onProgress(ImportProgress listener) {
            this.progress = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Clock for the "not in the future" rules (default: system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public CitizenCsvImport build() {
            return new CitizenCsvImport(this);
        }
    }
}
