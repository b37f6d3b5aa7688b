package vn.dinhdanh.registry.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The input boundaries of the CSV import: record, field and field-count caps, and a bounded error report. */
class CitizenCsvImportLimitsTest {

    private static final String HEADER = String.join(",", CitizenCsvImport.COLUMNS) + "\n";
    private static final Clock IN_2026 = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String AN = "001090012345,Nguyễn Văn An,1990-03-15,M,Việt Nam,Kinh,Không,Hà Nội,Hà Nội,"
            + "LIVING,,,,\n";
    private static final String NGOC = "079195012346,Trần Thị Bích Ngọc,1995-07-02,F,Việt Nam,Kinh,Không,"
            + "Hồ Chí Minh,Hồ Chí Minh,LIVING,,,,\n";
    private static final int TEN_MB = 10 * 1024 * 1024;

    private final List<CitizenRecord> written = new ArrayList<>();

    private ImportSummary run(CitizenCsvImport importer, Reader csv, StringWriter errors) throws Exception {
        return importer.importFrom(csv, written::addAll, errors);
    }

    private static CitizenCsvImport.Builder builder() {
        return CitizenCsvImport.builder().clock(IN_2026).batchSize(100);
    }

    @Test
    void whenAFieldHoldsTenMegabytes_thenItsRowIsRejectedUnreadAndTheNextRowsLand() throws Exception {
        // streamed: the 10 MB never exist as one string in the test either
        Reader csv = Generated.of(HEADER + AN + "001090012399,\"", Generated.repeat('x', TEN_MB),
                "\",1990,M,,,,,,LIVING,,,,\n" + NGOC);
        StringWriter errors = new StringWriter();

        ImportSummary summary = run(builder().build(), csv, errors);

        assertThat(summary.rowsRead()).isEqualTo(3);
        assertThat(summary.rowsWritten()).isEqualTo(2);
        assertThat(summary.rejectionsByCode()).containsExactly(java.util.Map.entry("csv.record_too_long", 1L));
        assertThat(errors.toString().lines()).containsExactly("line,code,message",
                "3,csv.record_too_long,\"Record is longer than 65536 characters\"");
        assertThat(written).extracting(r -> r.citizen().fullName()).containsExactly("Nguyễn Văn An",
                "Trần Thị Bích Ngọc");
    }

    @Test
    void whenAnUnquotedLineHoldsTenMegabytes_thenOnlyThatLineIsLost() throws Exception {
        Reader csv = Generated.of(HEADER, Generated.repeat('y', TEN_MB), "\n" + AN);
        StringWriter errors = new StringWriter();

        ImportSummary summary = run(builder().maxRecordLength(1000).build(), csv, errors);

        assertThat(summary.rowsWritten()).isEqualTo(1);
        assertThat(errors.toString().lines()).element(1).asString()
                .isEqualTo("2,csv.record_too_long,\"Record is longer than 1000 characters\"");
    }

    @Test
    void whenARowHasTenThousandFields_thenItIsRejectedWithItsOwnCode() throws Exception {
        String wide = "001090012399" + ",a".repeat(9_999) + "\n";
        StringWriter errors = new StringWriter();

        ImportSummary summary = run(builder().build(), new StringReader(HEADER + wide + AN), errors);

        assertThat(summary.rowsRead()).isEqualTo(2);
        assertThat(summary.rowsWritten()).isEqualTo(1);
        assertThat(errors.toString().lines()).containsExactly("line,code,message",
                "2,csv.too_many_fields,\"Record has more than 64 fields\"");
    }

    @Test
    void whenARowHasAFewFieldsTooMany_thenTheColumnCountCodeStays() throws Exception {
        StringWriter errors = new StringWriter();

        run(builder().build(), new StringReader(HEADER + AN.replace("\n", ",extra\n")), errors);

        assertThat(errors.toString().lines()).element(1).asString().startsWith("2,csv.column_count,");
    }

    @Test
    void whenAFieldIsLongerThanTheFieldCap_thenTheRowIsRejectedNamingTheColumnNotTheValue() throws Exception {
        String longOrigin = AN.replace(",Hà Nội,Hà Nội,", ",\"" + "Hà Nội ".repeat(700) + "\",Hà Nội,");
        StringWriter errors = new StringWriter();

        ImportSummary summary = run(builder().build(), new StringReader(HEADER + longOrigin), errors);

        assertThat(summary.rowsWritten()).isZero();
        assertThat(errors.toString().lines()).containsExactly("line,code,message",
                "2,field.too_long,\"place_of_origin is longer than 4096 characters\"");
    }

    @Test
    void whenAQuoteIsNeverClosed_thenTheRecordStopsAtTheCapAndReadingResumes() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER).append("001090012399,\"unclosed,1990,M,,,,,,LIVING,,,,\n");
        for (int i = 0; i < 200; i++) {
            csv.append("filler line ").append(i).append('\n');
        }
        csv.append(NGOC);
        StringWriter errors = new StringWriter();

        ImportSummary summary = run(builder().maxRecordLength(1000).build(), new StringReader(csv.toString()),
                errors);

        assertThat(errors.toString().lines()).element(1).asString().startsWith("2,csv.record_too_long,");
        assertThat(written).extracting(r -> r.citizen().fullName()).containsExactly("Trần Thị Bích Ngọc");
        assertThat(summary.rowsRejected()).isEqualTo(summary.rowsRead() - 1);
    }

    @Test
    void whenAHundredThousandRowsAreBad_thenTheReportIsCutAndSaysHowManyItLeftOut() throws Exception {
        int bad = 100_000;
        Reader csv = Generated.of(HEADER, Generated.lines("123,X,1990,M,,,,,,LIVING,,,,\n", bad), AN);
        StringWriter errors = new StringWriter();

        ImportSummary summary = run(builder().maxReportedRejections(1_000).build(), csv, errors);

        assertThat(summary.rowsRead()).isEqualTo(bad + 1);
        assertThat(summary.rowsRejected()).isEqualTo(bad);
        assertThat(summary.rowsWritten()).isEqualTo(1);
        assertThat(summary.rejectionsByCode()).containsExactly(java.util.Map.entry("pin.not_twelve_digits",
                (long) bad));
        List<String> lines = errors.toString().lines().toList();
        assertThat(lines).hasSize(1 + 1_000 + 1);
        assertThat(lines.get(1)).startsWith("2,pin.not_twelve_digits,");
        assertThat(lines.get(1_000)).startsWith("1001,pin.not_twelve_digits,");
        assertThat(lines.get(1_001)).isEqualTo(",report.truncated,\"99000 more rejected rows are not listed\"");
        assertThat(errors.getBuffer().length()).isLessThan(100_000);
    }

    @Test
    void whenTheReportCapIsNotReached_thenThereIsNoTruncationLine() throws Exception {
        StringWriter errors = new StringWriter();

        run(builder().maxReportedRejections(2).build(),
                new StringReader(HEADER + "123,X,1990,M,,,,,,LIVING,,,,\n".repeat(2)), errors);

        assertThat(errors.toString().lines()).hasSize(3).noneMatch(l -> l.contains("report.truncated"));
    }

    @Test
    void whenTheReportCapIsZero_thenOnlyTheCountIsWritten() throws Exception {
        StringWriter errors = new StringWriter();

        run(builder().maxReportedRejections(0).build(),
                new StringReader(HEADER + "123,X,1990,M,,,,,,LIVING,,,,\n".repeat(3)), errors);

        assertThat(errors.toString().lines()).containsExactly("line,code,message",
                ",report.truncated,\"3 more rejected rows are not listed\"");
    }

    @Test
    void whenTheHeaderIsOverTheCap_thenTheImportFailsBeforeAnyRow() {
        Reader csv = Generated.of(Generated.repeat('h', TEN_MB), "\n" + AN);

        assertThatThrownBy(() -> run(builder().build(), csv, new StringWriter()))
                .isInstanceOf(InvalidCsvHeaderException.class).hasMessageContaining("longer than 65536");
        assertThat(written).isEmpty();
    }

    @Test
    void whenCapsAreOutOfRange_thenTheBuilderRefusesThem() {
        assertThatThrownBy(() -> CitizenCsvImport.builder().maxRecordLength(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CitizenCsvImport.builder().maxFieldLength(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CitizenCsvImport.builder().maxFieldsPerRecord(13))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CitizenCsvImport.builder().maxReportedRejections(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A reader over pieces, some of them generated as they are read. */
    private static final class Generated extends Reader {
        private final List<Reader> parts;
        private int current;

        private Generated(List<Reader> parts) {
            this.parts = parts;
        }

        static Reader of(Object... parts) {
            List<Reader> readers = new ArrayList<>();
            for (Object p : parts) {
                readers.add(p instanceof Reader r ? r : new StringReader(p.toString()));
            }
            return new Generated(readers);
        }

        static Reader repeat(char c, long count) {
            return new Reader() {
                private long left = count;

                @Override
                public int read(char[] buf, int off, int len) {
                    if (left == 0) {
                        return -1;
                    }
                    int n = (int) Math.min(len, left);
                    java.util.Arrays.fill(buf, off, off + n, c);
                    left -= n;
                    return n;
                }

                @Override
                public void close() {
                }
            };
        }

        static Reader lines(String line, int count) {
            return new Reader() {
                private int left = count;
                private StringReader currentLine = new StringReader("");

                @Override
                public int read(char[] buf, int off, int len) throws java.io.IOException {
                    int n = currentLine.read(buf, off, len);
                    while (n == -1 && left > 0) {
                        left--;
                        currentLine = new StringReader(line);
                        n = currentLine.read(buf, off, len);
                    }
                    return n;
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public int read(char[] buf, int off, int len) throws java.io.IOException {
            while (current < parts.size()) {
                int n = parts.get(current).read(buf, off, len);
                if (n > 0) {
                    return n;
                }
                current++;
            }
            return -1;
        }

        @Override
        public void close() {
        }
    }
}
