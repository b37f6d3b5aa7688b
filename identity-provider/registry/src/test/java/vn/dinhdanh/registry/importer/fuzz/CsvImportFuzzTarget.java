package vn.dinhdanh.registry.importer.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import vn.dinhdanh.registry.CitizenNames;
import vn.dinhdanh.registry.IdentityCard;
import vn.dinhdanh.registry.importer.CitizenCsvImport;
import vn.dinhdanh.registry.importer.CitizenRecord;
import vn.dinhdanh.registry.importer.ImportSummary;
import vn.dinhdanh.registry.importer.InvalidCsvHeaderException;

/**
 * The fuzz target of the registry's CSV import, through its public API only ({@link CitizenCsvImport#importFrom}).
 * The first input byte picks the entry point (bit 0: 0 = {@code Reader} over the bytes decoded leniently, 1 = the
 * UTF-8 {@code InputStream}) and the batch size (bits 1-3: 1..8); the rest is the file. Contract under test:
 * <ul>
 * <li>the import ends in a summary, or with {@link InvalidCsvHeaderException} before any row reaches the sink, or
 * (stream only) with the documented {@link CharacterCodingException} of malformed UTF-8; nothing else escapes;</li>
 * <li>every row read is either written or rejected, never both: rows read = written + rejected, the sink got exactly
 * the rows written, and the error report has one {@code line,code,"message"} line per rejected row, with
 * increasing line numbers inside the file;</li>
 * <li>every row the sink got obeys the import's rules (12-digit number found in the file, name not empty, date of
 * birth not in the future, card dates in order), so no rejected row can have slipped through;</li>
 * <li>no error text carries a run of 9 or more digits (an ID number).</li>
 * </ul>
 * The time bound is the test method's timeout.
 */
public final class CsvImportFuzzTarget {

    static final Clock IN_2026 = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final Pattern REPORT_LINE = Pattern.compile("([0-9]+),([a-z0-9_.]+),\"([^\"\\n]|\"\")*\"");
    private static final Pattern ID_LIKE = Pattern.compile("[0-9]{9,}");
    private static final Pattern CARD_NUMBER = Pattern.compile("[0-9A-Z]{6,20}");

    private CsvImportFuzzTarget() {
    }

    public static void run(byte[] data) {
        if (data.length == 0) {
            return;
        }
        boolean stream = (data[0] & 1) == 1;
        int batchSize = ((data[0] >> 1) & 7) + 1;
        byte[] file = Arrays.copyOfRange(data, 1, data.length);
        String text = new String(file, StandardCharsets.UTF_8);
        CitizenCsvImport importer = CitizenCsvImport.builder().batchSize(batchSize).progressEvery(3).clock(IN_2026).build();

        List<CitizenRecord> written = new ArrayList<>();
        List<Integer> batchSizes = new ArrayList<>();
        StringWriter report = new StringWriter();
        ImportSummary summary;
        try {
            summary = stream
                    ? importer.importFrom(new ByteArrayInputStream(file), batch -> sink(batch, written, batchSizes), report)
                    : importer.importFrom(new StringReader(text), batch -> sink(batch, written, batchSizes), report);
        } catch (InvalidCsvHeaderException e) {
            check(written.isEmpty(), "rows reached the sink before the header was refused");
            noPersonalData(e.getMessage());
            return;
        } catch (CharacterCodingException e) {
            check(stream, "a Reader import failed on decoding");
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("no I/O can fail on in-memory streams", e);
        }

        check(summary.rowsRead() == summary.rowsWritten() + summary.rowsRejected(),
                "read " + summary.rowsRead() + " != written " + summary.rowsWritten() + " + rejected " + summary.rowsRejected());
        check(written.size() == summary.rowsWritten(), "the sink got " + written.size() + " rows, the summary says " + summary.rowsWritten());
        check(summary.rejectionsByCode().values().stream().mapToLong(Long::longValue).sum() == summary.rowsRejected(),
                "rejections by code do not add up");
        for (int i = 0; i + 1 < batchSizes.size(); i++) {
            check(batchSizes.get(i) == batchSize, "a batch before the last is not full");
        }

        List<String> lines = report.toString().lines().toList();
        check(!lines.isEmpty() && lines.get(0).equals("line,code,message"), "the error report has no header");
        check(lines.size() - 1 == summary.rowsRejected(), "the report has " + (lines.size() - 1) + " rejections, the summary "
                + summary.rowsRejected());
        long maxLine = text.chars().filter(c -> c == '\n' || c == '\r').count() + 1;
        long previous = 1;
        for (String line : lines.subList(1, lines.size())) {
            var m = REPORT_LINE.matcher(line);
            check(m.matches(), "malformed report line");
            noPersonalData(line.substring(line.indexOf(',') + 1));
            long at = Long.parseLong(m.group(1));
            check(at > previous && at <= maxLine, "report line number " + at + " after " + previous + " (file has at most " + maxLine + ")");
            previous = at;
        }

        for (CitizenRecord r : written) {
            String pin = r.citizen().personalIdNumber().value();
            check(pin.length() == 12 && pin.chars().allMatch(c -> c >= '0' && c <= '9') && text.contains(pin), "written number");
            String name = r.citizen().fullName();
            check(!name.isEmpty() && name.length() <= 200 && name.equals(CitizenNames.normalise(name)), "written name");
            check(r.citizen().dateOfBirth().year() <= TODAY.getYear()
                    && r.citizen().dateOfBirth().toLocalDate().map(d -> !d.isAfter(TODAY)).orElse(true), "written date of birth");
            check(r.citizen().personalIdNumber().disagreementWith(r.citizen().sex(), r.citizen().dateOfBirth().year()).isEmpty(),
                    "written row disagrees with its number");
            IdentityCard card = r.card();
            if (card != null) {
                check(CARD_NUMBER.matcher(card.cardNumber()).matches(), "written card number");
                check(card.expiryDate() == null || !card.expiryDate().isBefore(card.issueDate()), "written card dates");
            }
        }
    }

    private static void sink(List<CitizenRecord> batch, List<CitizenRecord> written, List<Integer> sizes) {
        check(!batch.isEmpty(), "an empty batch");
        sizes.add(batch.size());
        written.addAll(batch);
    }

    private static void noPersonalData(String message) {
        check(message != null && !ID_LIKE.matcher(message).find(), "an error text carries a number of 9+ digits");
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("CSV import breaks its contract: " + what);
        }
    }
}
