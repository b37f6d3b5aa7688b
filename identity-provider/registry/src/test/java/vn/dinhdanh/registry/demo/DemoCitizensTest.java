package vn.dinhdanh.registry.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.dinhdanh.registry.CardStatus;
import vn.dinhdanh.registry.Citizen;
import vn.dinhdanh.registry.LifeStatus;
import vn.dinhdanh.registry.PartialDate;
import vn.dinhdanh.registry.importer.CitizenCsvImport;
import vn.dinhdanh.registry.importer.CitizenRecord;
import vn.dinhdanh.registry.importer.ImportSummary;

class DemoCitizensTest {

    private static String generate(int count, long seed) throws Exception {
        StringWriter w = new StringWriter();
        DemoCitizens.write(w, count, seed);
        return w.toString();
    }

    @Test
    void whenGeneratedTwiceWithTheSameSeed_thenTheOutputIsIdentical() throws Exception {
        assertThat(generate(500, 1)).isEqualTo(generate(500, 1));
        assertThat(generate(500, 1)).isNotEqualTo(generate(500, 2));
    }

    @Test
    void whenGenerated_thenTheFixedDemoCitizensComeFirst() throws Exception {
        List<String> lines = generate(10, DemoCitizens.DEFAULT_SEED).lines().toList();

        assertThat(lines).hasSize(11);
        assertThat(lines.get(0)).isEqualTo(String.join(",", CitizenCsvImport.COLUMNS));
        assertThat(lines.get(1)).startsWith("001090012345,Nguyễn Văn An,1990-03-15,M,Việt Nam,Kinh,Không,")
                .endsWith(",LIVING,001090012345,2021-04-01,2030-03-15,VALID");
        assertThat(lines.get(2)).startsWith("079195012346,Trần Thị Bích Ngọc,1995-07-02,F,")
                .endsWith(",LIVING,079195012346,2022-01-10,2035-07-02,VALID");
        assertThat(lines.get(3)).startsWith("001045000777,Lê Văn Hùng,1945-01-20,M,")
                .endsWith(",DECEASED,001045000777,2021-06-01,,VALID");
        assertThat(lines.get(4)).startsWith("048302004321,Phạm Minh Châu,2002-11-20,F,")
                .endsWith(",LIVING,048302004321,2021-09-09,2027-11-20,REVOKED");
        assertThat(lines.get(5)).startsWith("031088009876,Hoàng Văn Đức,1988-08-08,M,")
                .endsWith(",LIVING,031088009876,2021-05-05,2028-08-08,REPORTED_LOST");
        assertThat(lines.get(6)).startsWith("036201005555,Vũ Quang Huy,2001-05-09,M,")
                .endsWith(",LIVING,036201005555,2023-02-02,2041-05-09,VALID");
    }

    @Test
    void whenImported_thenEveryGeneratedRowIsValidAndEveryNumberUnique() throws Exception {
        List<CitizenRecord> records = new ArrayList<>();
        StringWriter errors = new StringWriter();

        ImportSummary summary = CitizenCsvImport.builder().batchSize(1000).build()
                .importFrom(new StringReader(generate(20_000, DemoCitizens.DEFAULT_SEED)), records::addAll, errors);

        assertThat(summary.rowsRejected()).as(errors.toString()).isZero();
        assertThat(records).hasSize(20_000);
        Set<String> pins = new HashSet<>();
        for (CitizenRecord r : records) {
            Citizen c = r.citizen();
            assertThat(pins.add(c.personalIdNumber().value())).isTrue();
            assertThat(c.personalIdNumber().disagreementWith(c.sex(), c.dateOfBirth().year())).isEmpty();
            assertThat(Normalizer.isNormalized(c.fullName(), Normalizer.Form.NFC)).isTrue();
            assertThat(c.fullName().split(" ")).hasSizeBetween(3, 4);
        }
    }

    @Test
    void whenGenerated_thenTheMixLooksLikeThePopulation() {
        List<CitizenRecord> records = DemoCitizens.generate(20_000, DemoCitizens.DEFAULT_SEED);

        long deceased = records.stream().filter(r -> r.citizen().lifeStatus() == LifeStatus.DECEASED).count();
        long nguyen = records.stream().filter(r -> r.citizen().familyName().equals("Nguyễn")).count();
        long kinh = records.stream().filter(r -> "Kinh".equals(r.citizen().ethnicity())).count();
        long partial = records.stream().filter(r -> !r.citizen().dateOfBirth().isComplete()).count();
        long lost = records.stream().filter(r -> r.card() != null && r.card().status() == CardStatus.REPORTED_LOST)
                .count();
        long revoked = records.stream().filter(r -> r.card() != null && r.card().status() == CardStatus.REVOKED)
                .count();
        long replaced = records.stream().filter(r -> r.card() != null && r.card().status() == CardStatus.REPLACED)
                .count();

        assertThat(deceased).isBetween(100L, 400L);
        assertThat(nguyen).isBetween(6_000L, 10_000L);
        assertThat(kinh).isGreaterThan(16_000L);
        assertThat(partial).isPositive();
        assertThat(records.stream().filter(r -> !r.citizen().dateOfBirth().isComplete()))
                .allSatisfy(r -> assertThat(r.citizen().dateOfBirth().year()).isLessThanOrEqualTo(1951));
        assertThat(lost).isPositive();
        assertThat(revoked).isPositive();
        assertThat(replaced).isPositive();
        assertThat(records).allSatisfy(r -> assertThat(r.citizen().nationality()).isEqualTo("Việt Nam"));
    }

    @Test
    void whenComputingCardExpiry_thenTheLawsAgeMilestonesApply() {
        PartialDate dob = PartialDate.parse("1990-03-15");
        assertThat(DemoCitizens.expiryFor(dob, LocalDate.of(2021, 4, 1))).isEqualTo(LocalDate.of(2030, 3, 15));
        assertThat(DemoCitizens.expiryFor(dob, LocalDate.of(2028, 4, 1))).isEqualTo(LocalDate.of(2050, 3, 15));
        assertThat(DemoCitizens.expiryFor(PartialDate.parse("1945"), LocalDate.of(2021, 6, 1))).isNull();
        assertThat(DemoCitizens.expiryFor(PartialDate.parse("2002-11-20"), LocalDate.of(2021, 9, 9)))
                .isEqualTo(LocalDate.of(2027, 11, 20));
    }

    @Test
    void whenRunFromTheCommandLine_thenTheFileIsWritten(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sub/citizens.csv");

        DemoCitizens.main(new String[] { "--count", "50", "--seed", "20260101", "--out", out.toString() });

        assertThat(Files.readAllLines(out)).hasSize(51).first().asString().startsWith("personal_id_number,");
        assertThat(Files.readString(out)).isEqualTo(generate(50, 20260101));
    }
}
