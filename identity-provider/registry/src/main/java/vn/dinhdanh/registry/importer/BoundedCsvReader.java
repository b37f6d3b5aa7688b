package vn.dinhdanh.registry.importer;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.opencsv.ICSVParser;
import com.opencsv.RFC4180ParserBuilder;

/**
 * Records of an RFC 4180 file (comma, double quotes, {@code ""} escapes, quoted line breaks, LF or CRLF), parsed by
 * opencsv's {@code RFC4180Parser}, with the input bounded before anything is kept: a record is read one physical
 * line at a time, and once it passes {@code maxRecordLength} characters the rest of that line is skipped, not
 * stored, and the record is rejected; the next record starts on the next line. A record with more than
 * {@code maxFields} fields is rejected too. So memory stays within a few times {@code maxRecordLength} whatever
 * the file holds. Each record carries the physical line (1-based) on which it starts; blank lines are skipped.
 */
final class BoundedCsvReader {

    /** Why a record was not parsed: a stable code of the error report, and a message without its content. */
    record Rejection(String code, String message) {
    }

    /** One record, or a rejected one (then {@code fields} is empty). */
    record Row(long line, List<String> fields, Rejection rejection) {
    }

    private final Reader in;
    private final int maxRecordLength;
    private final int maxFields;
    private final char[] buf = new char[64 * 1024];
    private final StringBuilder lineText = new StringBuilder();
    private ICSVParser parser = newParser();
    private int pos;
    private int len;
    private boolean eof;
    /** Physical lines consumed so far. */
    private long lines;
    /** The last line read was cut at the budget. */
    private boolean overflow;

    BoundedCsvReader(Reader in, int maxRecordLength, int maxFields) {
        this.in = in;
        this.maxRecordLength = maxRecordLength;
        this.maxFields = maxFields;
    }

    private static ICSVParser newParser() {
        return new RFC4180ParserBuilder().withSeparator(',').withQuoteChar('"').build();
    }

    /** The next record, or null at the end of the input. */
    Row next() throws IOException {
        String physical;
        do {
            physical = readLine(maxRecordLength);
            if (physical == null) {
                return null;
            }
        } while (!overflow && physical.isBlank());
        long start = lines;
        long used = 0;
        // opencsv hands out the fields of each line; the field a line break splits comes whole with the last part
        List<String> fields = new ArrayList<>();
        while (true) {
            if (overflow) {
                parser = newParser();
                return new Row(start, List.of(), new Rejection(CitizenCsvImport.CSV_RECORD_TOO_LONG,
                        "Record is longer than " + maxRecordLength + " characters"));
            }
            used += physical.length() + 1L;
            fields.addAll(Arrays.asList(parser.parseLineMulti(physical)));
            if (fields.size() > maxFields) {
                skipRestOfRecord();
                return new Row(start, List.of(), new Rejection(CitizenCsvImport.CSV_TOO_MANY_FIELDS,
                        "Record has more than " + maxFields + " fields"));
            }
            if (!parser.isPending()) {
                return new Row(start, fields, null);
            }
            physical = readLine((int) Math.max(0, maxRecordLength - used));
            if (physical == null) {
                parser = newParser();
                return new Row(start, List.of(),
                        new Rejection(CitizenCsvImport.CSV_MALFORMED, "Unterminated quoted field"));
            }
        }
    }

    /** After a rejection in the middle of a quoted line break: the record ends here, the next line starts anew. */
    private void skipRestOfRecord() {
        if (parser.isPending()) {
            parser = newParser();
        }
    }

    /**
     * The next physical line without its line end, or null at the end of the input. Keeps at most {@code budget}
     * characters; a longer line is consumed to its end and {@link #overflow} set.
     */
    private String readLine(int budget) throws IOException {
        lineText.setLength(0);
        overflow = false;
        boolean any = false;
        while (true) {
            if (pos == len) {
                if (eof || !fill()) {
                    break;
                }
            }
            any = true;
            int startPos = pos;
            while (pos < len && buf[pos] != '\n') {
                pos++;
            }
            int n = pos - startPos;
            if (!overflow) {
                if (lineText.length() + n > budget) {
                    overflow = true;
                    lineText.setLength(0);
                } else {
                    lineText.append(buf, startPos, n);
                }
            }
            if (pos < len) {
                pos++; // the LF
                lines++;
                return text();
            }
        }
        if (!any) {
            return null;
        }
        lines++;
        return text();
    }

    private String text() {
        int end = lineText.length();
        if (end > 0 && lineText.charAt(end - 1) == '\r') {
            lineText.setLength(end - 1);
        }
        return lineText.toString();
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            eof = true;
            pos = 0;
            len = 0;
            return false;
        }
        pos = 0;
        len = n;
        return true;
    }
}
