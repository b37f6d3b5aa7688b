package vn.dinhdanh.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.dinhdanh.registry.demo.DemoCitizens;

class ImportCitizensCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ImportCitizensCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static long count(String url, String table) throws Exception {
        try (var c = DriverManager.getConnection(url, "sa", ""); var st = c.createStatement();
                var rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void whenImportingIntoAnH2File_thenSchemaIsCreatedAndRowsLandAndARerunUpdates(@TempDir Path dir)
            throws Exception {
        Path csv = dir.resolve("citizens.csv");
        try (var w = Files.newBufferedWriter(csv)) {
            DemoCitizens.write(w, 2_500, 3);
        }
        String url = "jdbc:h2:file:" + dir.resolve("db/registry");
        String[] args = { "--jdbc-url", url, "--user", "sa", "--password", "", "--file", csv.toString(), "--errors",
                dir.resolve("errors.csv").toString(), "--batch-size", "500" };

        assertThat(run(args)).as(err.toString()).isZero();
        assertThat(run(args)).as(err.toString()).isZero();

        assertThat(out.toString()).contains("Imported citizens: 2500 rows read, 2500 written, 0 rejected");
        assertThat(err.toString()).contains("1 change set(s) applied").contains("0 change set(s) applied");
        assertThat(count(url, "registry_citizen")).isEqualTo(2_500);
        assertThat(Files.readAllLines(dir.resolve("errors.csv"))).containsExactly("line,code,message");
    }

    @Test
    void whenSomeRowsAreBad_thenExitCodeIsOneAndTheReportNamesThem(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("citizens.csv");
        String good = "001090012345,Nguyễn Văn An,1990-03-15,M,Việt Nam,Kinh,Không,,,LIVING,,,,\n";
        Files.writeString(csv, String.join(",", vn.dinhdanh.registry.importer.CitizenCsvImport.COLUMNS) + "\n"
                + good + "001090012346,Nguyễn Văn Ba,1990-03-15,F,,,,,,LIVING,,,,\n");
        String url = "jdbc:h2:file:" + dir.resolve("db/registry");

        int exit = run("--jdbc-url", url, "--user", "sa", "--file", csv.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(Files.readAllLines(dir.resolve("citizens.csv.errors.csv"))).hasSize(2).element(1).asString()
                .startsWith("3,pin.sex_mismatch,");
        assertThat(out.toString()).contains("1 written, 1 rejected");
        assertThat(count(url, "registry_citizen")).isEqualTo(1);
    }

    @Test
    void whenArgumentsAreMissingOrWrong_thenUsageAndExitCodeTwo(@TempDir Path dir) {
        assertThat(run("--file", "x.csv")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing --jdbc-url").contains("usage:");
        assertThat(run("--jdbc-url", "jdbc:h2:mem:x", "--file", dir.resolve("none.csv").toString())).isEqualTo(2);
        assertThat(run("--jdbc-url", "jdbc:h2:mem:x", "--file", "x.csv", "--batch-size", "0")).isEqualTo(2);
        assertThat(run("--jdbc-url", "jdbc:h2:mem:x", "--bogus", "1")).isEqualTo(2);
    }

    @Test
    void whenTheHeaderIsWrong_thenExitCodeThree(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "id,name\n1,2\n");

        assertThat(run("--jdbc-url", "jdbc:h2:file:" + dir.resolve("db/r"), "--user", "sa", "--file",
                csv.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("Invalid CSV");
    }
}
