package vn.dinhdanh.registry.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jakarta.persistence.EntityManager;
import vn.dinhdanh.registry.CardStatus;
import vn.dinhdanh.registry.LifeStatus;
import vn.dinhdanh.registry.PersonalIdNumber;
import vn.dinhdanh.registry.demo.DemoCitizens;
import vn.dinhdanh.registry.jpa.JpaPopulationRegistry;
import vn.dinhdanh.registry.jpa.RegistryWriter;
import vn.dinhdanh.registry.jpa.TestDatabase;

class CitizenCsvImportTest {

    private static final String HEADER = String.join(",", CitizenCsvImport.COLUMNS) + "\n";
    private static final Clock IN_2026 = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String AN = "001090012345,Nguyễn Văn An,1990-03-15,M,Việt Nam,Kinh,Không,Hà Nội,"
            + "\"Phường Điện Biên, Quận Ba Đình, Hà Nội\",LIVING,001090012345,2021-04-01,2030-03-15,VALID\n";
    private static final String NGOC = "079195012346,Trần Thị Bích Ngọc,1995-07-02,F,Việt Nam,Kinh,Không,"
            + "Hồ Chí Minh,Hồ Chí Minh,LIVING,079195012346,2022-01-10,2035-07-02,VALID\n";
    private static final String NO_CARD = "001135000001,Lê Thị Mai,1935,F,Việt Nam,Kinh,Phật giáo,Hà Nội,Hà Nội,"
            + "DECEASED,,,,\n";

    private TestDatabase db;

    @BeforeEach
    void setUp() throws Exception {
        db = new TestDatabase();
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    private CitizenCsvImport importer(int batchSize) {
        return CitizenCsvImport.builder().batchSize(batchSize).clock(IN_2026).build();
    }

    /** Imports into the test database, one transaction per batch, like the offline command. */
    private ImportSummary importInto(String csv, StringWriter errors) throws IOException {
        return importInto(importer(2), new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), errors);
    }

    private ImportSummary importInto(CitizenCsvImport importer, InputStream csv, Writer errors) throws IOException {
        try (EntityManager em = db.emf.createEntityManager()) {
            RegistryWriter writer = new RegistryWriter(em);
            return importer.importFrom(csv, batch -> {
                em.getTransaction().begin();
                writer.upsertAll(batch);
                em.getTransaction().commit();
            }, errors);
        }
    }

    private static List<String> errorLines(StringWriter errors) {
        return errors.toString().lines().toList();
    }

    private JpaPopulationRegistry registry(EntityManager em) {
        return new JpaPopulationRegistry(em);
    }

    @Test
    void whenAllRowsAreGood_thenAllAreWrittenAndTheReportHasOnlyItsHeader() throws Exception {
        StringWriter errors = new StringWriter();

        ImportSummary summary = importInto(HEADER + AN + NGOC + NO_CARD, errors);

        assertThat(summary.rowsRead()).isEqualTo(3);
        assertThat(summary.rowsWritten()).isEqualTo(3);
        assertThat(summary.rowsRejected()).isZero();
        assertThat(summary.duration().isNegative()).isFalse();
        assertThat(errorLines(errors)).containsExactly("line,code,message");
        try (EntityManager em = db.emf.createEntityManager()) {
            var c = registry(em).findCitizen(PersonalIdNumber.parse("001090012345")).orElseThrow();
            assertThat(c.placeOfResidence()).isEqualTo("Phường Điện Biên, Quận Ba Đình, Hà Nội");
            assertThat(registry(em).currentCard(c.personalIdNumber()).orElseThrow().status())
                    .isEqualTo(CardStatus.VALID);
            var mai = registry(em).findCitizen(PersonalIdNumber.parse("001135000001")).orElseThrow();
            assertThat(mai.dateOfBirth()).hasToString("1935");
            assertThat(mai.lifeStatus()).isEqualTo(LifeStatus.DECEASED);
            assertThat(registry(em).cards(mai.personalIdNumber())).isEmpty();
            assertThat(registry(em).countCitizens()).isEqualTo(3);
        }
    }

    @Test
    void whenRowsAreBad_thenEachIsReportedWithItsLineAndCodeAndTheGoodRowsLand() throws Exception {
        String csv = HEADER                                                                          // line 1
                + AN                                                                                 // 2
                + "00109001234,X Y,1990-03-15,M,,,,,,LIVING,,,,\n"                                   // 3
                + "999090012345,X Y,1990-03-15,M,,,,,,LIVING,,,,\n"                                  // 4
                + "001490012345,X Y,1990-03-15,M,,,,,,LIVING,,,,\n"                                  // 5
                + "001299012345,X Y,2099-03-15,M,,,,,,LIVING,,,,\n"                                  // 6
                + ",X Y,1990-03-15,M,,,,,,LIVING,,,,\n"                                              // 7
                + "001090012399,X Y,1991-03-15,M,,,,,,LIVING,,,,\n"                                  // 8
                + "001090012399,X Y,1990-03-15,F,,,,,,LIVING,,,,\n"                                  // 9
                + "001005012399,X Y,2005-03-15,M,,,,,,LIVING,,,,\n"                                  // 10
                + "001090012399,  ,1990-03-15,M,,,,,,LIVING,,,,\n"                                   // 11
                + "001090012399,X Y,1990-02-30,M,,,,,,LIVING,,,,\n"                                  // 12
                + "001090012399,X Y,15/03/1990,M,,,,,,LIVING,,,,\n"                                  // 13
                + "001090012399,X Y,1990-03-15,X,,,,,,LIVING,,,,\n"                                  // 14
                + "001090012399,X Y,1990-03-15,M,,,,,,ALIVE,,,,\n"                                   // 15
                + "001090012399,X Y,1990-03-15,M,,,,,,LIVING,001090012399,2021-04-01,2020-01-01,VALID\n" // 16
                + "001090012399,X Y,1990-03-15,M,,,,,,LIVING,001090012399,2021-13-01,,VALID\n"       // 17
                + "001090012399,X Y,1990-03-15,M,,,,,,LIVING,001090012399,2021-04-01,someday,VALID\n" // 18
                + "001090012399,X Y,1990-03-15,M,,,,,,LIVING,001090012399,2021-04-01,,STOLEN\n"      // 19
                + "001090012399,X Y,1990-03-15,M,,,,,,LIVING,,2021-04-01,,VALID\n"                   // 20
                + "001090012399,X Y,1990-03-15,M,,,,,,LIVING,12-34,2021-04-01,,VALID\n"              // 21
                + "001090012399,X Y,1990-03-15,M,,,,,,LIVING\n"                                      // 22
                + "001090012399,X Y,1990-03-15,M,,,,,,LIVING,,,,,extra\n"                            // 23
                + "001226012399,X Y,2026-12-24,M,,,,,,LIVING,,,,\n"                                  // 24
                + "001090012399,\"" + "X".repeat(201) + "\",1990-03-15,M,,,,,,LIVING,,,,\n"          // 25
                + NGOC                                                                               // 26
                + "001090012399,\"X Y,1990-03-15,M,,,,,,LIVING,,,,\n";                               // 27
        StringWriter errors = new StringWriter();

        ImportSummary summary = importInto(csv, errors);

        assertThat(errorLines(errors)).first().isEqualTo("line,code,message");
        assertThat(errorLines(errors).subList(1, errorLines(errors).size()))
                .extracting(l -> l.substring(0, l.indexOf(',', l.indexOf(',') + 1)))
                .containsExactly(
                        "3,pin.not_twelve_digits",
                        "4,pin.unknown_province",
                        "5,pin.century_in_future",
                        "6,pin.birth_year_in_future",
                        "7,pin.empty",
                        "8,pin.birth_year_mismatch",
                        "9,pin.sex_mismatch",
                        "10,pin.birth_year_mismatch",
                        "11,name.empty",
                        "12,dob.invalid",
                        "13,dob.invalid",
                        "14,sex.invalid",
                        "15,life_status.invalid",
                        "16,card.expiry_before_issue",
                        "17,card.issue_date_invalid",
                        "18,card.expiry_date_invalid",
                        "19,card.status_invalid",
                        "20,card.incomplete",
                        "21,card.number_invalid",
                        "22,csv.column_count",
                        "23,csv.column_count",
                        "24,dob.in_future",
                        "25,field.too_long",
                        "27,csv.malformed");
        assertThat(summary.rowsRead()).isEqualTo(26);
        assertThat(summary.rowsRejected()).isEqualTo(24);
        assertThat(summary.rowsWritten()).isEqualTo(2);
        assertThat(summary.rejectionsByCode()).containsEntry("pin.birth_year_mismatch", 2L)
                .containsEntry("csv.column_count", 2L);
        assertThat(errors.toString()).doesNotContain("001090012399", "X Y", "1990");
        try (EntityManager em = db.emf.createEntityManager()) {
            assertThat(registry(em).countCitizens()).isEqualTo(2);
            assertThat(registry(em).findCitizen(PersonalIdNumber.parse("079195012346"))).isPresent();
        }
    }

    @Test
    void whenAQuotedFieldSpansLines_thenLineNumbersStillPointAtTheRecordStart() throws Exception {
        String csv = HEADER
                + "001090012345,Nguyễn Văn An,1990-03-15,M,Việt Nam,Kinh,Không,\"Hà Nội\nthôn Đông\",Hà Nội,"
                + "LIVING,,,,\r\n"
                + "001090012346,,1990-03-15,M,,,,,,LIVING,,,,\r\n";
        StringWriter errors = new StringWriter();

        ImportSummary summary = importInto(csv, errors);

        assertThat(summary.rowsWritten()).isEqualTo(1);
        assertThat(errorLines(errors)).element(1).asString().startsWith("4,name.empty,");
    }

    @Test
    void whenReimported_thenRecordsAreUpdatedNotDuplicated() throws Exception {
        importInto(HEADER + AN + NGOC, new StringWriter());
        String anMovedAndLost = AN.replace("Phường Điện Biên, Quận Ba Đình", "Phường Dịch Vọng, Quận Cầu Giấy")
                .replace(",VALID\n", ",REPORTED_LOST\n");

        ImportSummary second = importInto(HEADER + anMovedAndLost + NGOC, new StringWriter());

        assertThat(second.rowsWritten()).isEqualTo(2);
        assertThat(db.count("registry_citizen")).isEqualTo(2);
        assertThat(db.count("registry_card")).isEqualTo(2);
        try (EntityManager em = db.emf.createEntityManager()) {
            PersonalIdNumber an = PersonalIdNumber.parse("001090012345");
            assertThat(registry(em).findCitizen(an).orElseThrow().placeOfResidence())
                    .isEqualTo("Phường Dịch Vọng, Quận Cầu Giấy, Hà Nội");
            assertThat(registry(em).currentCard(an).orElseThrow().status()).isEqualTo(CardStatus.REPORTED_LOST);
        }
    }

    @Test
    void whenTheSamePinAppearsTwiceInOneFile_thenTheLaterRowWins() throws Exception {
        String later = AN.replace("Nguyễn Văn An", "Nguyễn Văn Ân");
        // same batch (size 2) and across batches
        importInto(HEADER + AN + later + NGOC + AN + NGOC + later, new StringWriter());

        try (EntityManager em = db.emf.createEntityManager()) {
            assertThat(registry(em).findCitizen(PersonalIdNumber.parse("001090012345")).orElseThrow().fullName())
                    .isEqualTo("Nguyễn Văn Ân");
        }
        assertThat(db.count("registry_citizen")).isEqualTo(2);
    }

    @Test
    void whenNamesAreDecomposed_thenTheyAreStoredInNfc() throws Exception {
        String nfd = Normalizer.normalize(AN, Normalizer.Form.NFD).replace("Nguyễn Văn An", "Nguyễn Văn An");
        assertThat(nfd).doesNotContain("Nguyễn");

        importInto(HEADER + nfd, new StringWriter());

        try (EntityManager em = db.emf.createEntityManager()) {
            var c = registry(em).findCitizen(PersonalIdNumber.parse("001090012345")).orElseThrow();
            assertThat(c.fullName()).isEqualTo("Nguyễn Văn An");
            assertThat(Normalizer.isNormalized(c.placeOfResidence(), Normalizer.Form.NFC)).isTrue();
        }
    }

    @Test
    void whenTheFileStartsWithAByteOrderMarkAndColumnsAreReordered_thenItIsRead() throws Exception {
        List<String> cols = new ArrayList<>(CitizenCsvImport.COLUMNS);
        String row = "001090012345,Nguyễn Văn An,1990-03-15,M,Việt Nam,Kinh,Không,Hà Nội,Hà Nội,LIVING,,,,";
        // swap the first two columns
        String header = "\uFEFF" + cols.get(1) + "," + cols.get(0) + "," + String.join(",", cols.subList(2, 14));
        String swapped = "Nguyễn Văn An,001090012345" + row.substring("001090012345,Nguyễn Văn An".length());
        List<CitizenRecord> got = new ArrayList<>();

        importer(10).importFrom(new StringReader(header + "\n" + swapped + "\n\n"), got::addAll, new StringWriter());

        assertThat(got).hasSize(1);
        assertThat(got.get(0).citizen().fullName()).isEqualTo("Nguyễn Văn An");
        assertThat(got.get(0).card()).isNull();
    }

    @Test
    void whenTheHeaderIsWrong_thenTheImportFailsBeforeAnyRow() {
        List<CitizenRecord> got = new ArrayList<>();
        assertThatThrownBy(() -> importer(10).importFrom(new StringReader(""), got::addAll, new StringWriter()))
                .isInstanceOf(InvalidCsvHeaderException.class);
        assertThatThrownBy(() -> importer(10).importFrom(new StringReader(HEADER.replace("sex,", "gender,") + AN),
                got::addAll, new StringWriter())).isInstanceOf(InvalidCsvHeaderException.class)
                .hasMessageContaining("Unknown column 4").hasMessageNotContaining("gender");
        assertThatThrownBy(() -> importer(10).importFrom(new StringReader(AN + NGOC), got::addAll,
                new StringWriter())).isInstanceOf(InvalidCsvHeaderException.class)
                .hasMessageNotContaining("001090012345").hasMessageNotContaining("Nguyễn");
        assertThatThrownBy(() -> importer(10).importFrom(new StringReader(HEADER.replace(",card_status", "") + AN),
                got::addAll, new StringWriter())).hasMessageContaining("Missing column in header: card_status");
        assertThat(got).isEmpty();
    }

    @Test
    void whenBatched_thenTheSinkGetsFullBatchesAndProgressIsReported() throws Exception {
        StringBuilder csv = new StringBuilder();
        StringWriter w = new StringWriter();
        DemoCitizens.write(w, 25, 7);
        csv.append(w);
        List<Integer> batchSizes = new ArrayList<>();
        List<Long> progress = new ArrayList<>();
        CitizenCsvImport importer = CitizenCsvImport.builder().batchSize(10).progressEvery(10).clock(IN_2026)
                .onProgress(p -> progress.add(p.rowsRead())).build();

        ImportSummary summary = importer.importFrom(new StringReader(csv.toString()),
                batch -> batchSizes.add(batch.size()), new StringWriter());

        assertThat(batchSizes).containsExactly(10, 10, 5);
        assertThat(progress).containsExactly(10L, 20L, 25L);
        assertThat(summary.rowsWritten()).isEqualTo(25);
    }

    @Test
    void whenTheSinkFails_thenTheImportStopsWithThatError() {
        CitizenCsvImport importer = importer(1);
        assertThatThrownBy(() -> importer.importFrom(new StringReader(HEADER + AN + NGOC), batch -> {
            throw new IllegalStateException("database down");
        }, new StringWriter())).hasMessage("database down");
    }

    @Test
    void whenTheFileIsLarge_thenItStreamsInBatchesWithoutHoldingTheFile() throws Exception {
        int rows = 50_000;
        PipedInputStream in = new PipedInputStream(64 * 1024);
        PipedOutputStream out = new PipedOutputStream(in);
        Thread producer = new Thread(() -> {
            try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                DemoCitizens.write(writer, rows, 42);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        producer.start();
        AtomicLong maxBatch = new AtomicLong();
        AtomicLong total = new AtomicLong();

        ImportSummary summary = CitizenCsvImport.builder().batchSize(500).clock(IN_2026).build()
                .importFrom(in, batch -> {
                    maxBatch.accumulateAndGet(batch.size(), Math::max);
                    total.addAndGet(batch.size());
                }, new StringWriter());
        producer.join();

        assertThat(summary.rowsRead()).isEqualTo(rows);
        assertThat(summary.rowsRejected()).isZero();
        assertThat(total.get()).isEqualTo(rows);
        assertThat(maxBatch.get()).isEqualTo(500);
    }

    @Test
    void whenImportingGeneratedCitizensIntoTheDatabase_thenAllLand() throws Exception {
        StringWriter w = new StringWriter();
        DemoCitizens.write(w, 3_000, DemoCitizens.DEFAULT_SEED);

        ImportSummary summary = importInto(importer(1000),
                new ByteArrayInputStream(w.toString().getBytes(StandardCharsets.UTF_8)), new StringWriter());

        assertThat(summary.rowsWritten()).isEqualTo(3_000);
        assertThat(db.count("registry_citizen")).isEqualTo(3_000);
    }

    @Test
    void whenInvalidUtf8_thenTheImportFails() {
        byte[] bytes = (HEADER + AN).getBytes(StandardCharsets.UTF_8);
        byte[] broken = java.util.Arrays.copyOf(bytes, bytes.length + 2);
        broken[bytes.length] = (byte) 0xC3;
        broken[bytes.length + 1] = (byte) 0x28;
        assertThatThrownBy(() -> importer(10).importFrom(new ByteArrayInputStream(broken), b -> { },
                new StringWriter())).isInstanceOf(IOException.class);
    }
}
