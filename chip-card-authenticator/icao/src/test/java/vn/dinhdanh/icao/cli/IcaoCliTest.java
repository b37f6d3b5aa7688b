package vn.dinhdanh.icao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IcaoCliTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return IcaoCli.run(args, new PrintStream(out, true), new PrintStream(err, true));
    }

    private String[] verifyArgs(String... extra) {
        Path c = dir.resolve("card");
        String[] base = {"verify-card", "--trust", dir.resolve("trust").toString(), "--sod", c.resolve("EF_SOD.bin").toString(),
            "--com", c.resolve("EF_COM.bin").toString(), "--dg", "1=" + c.resolve("DG1.bin"), "--dg", "13=" + c.resolve("DG13.bin"),
            "--dg", "14=" + c.resolve("DG14.bin"), "--dg", "15=" + c.resolve("DG15.bin"),
            "--challenge", c.resolve("challenge.hex").toString(), "--signature", c.resolve("aa-signature.bin").toString(),
            "--date", "2026-06-01"};
        String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void whenDemoWrittenAndVerified_thenExitZeroAndJsonVerdictWithoutPersonalData() throws Exception {
        assertThat(run("demo", "--out", dir.toString())).isEqualTo(0);
        assertThat(dir.resolve("trust/test-masterlist.ml")).exists();
        assertThat(run(verifyArgs())).as(err.toString()).isEqualTo(0);
        String json = out.toString();
        assertThat(json).contains("\"valid\": true").contains("\"ACTIVE_AUTHENTICATION\"").doesNotContain("001090012345");
        assertThat(run(verifyArgs("--show-personal-data"))).isEqualTo(0);
        assertThat(out.toString()).contains("001090012345");
    }

    @Test
    void whenDataGroupTampered_thenExitOneWithCode() throws Exception {
        run("demo", "--out", dir.toString());
        Path dg1 = dir.resolve("card/DG1.bin");
        byte[] b = Files.readAllBytes(dg1);
        b[b.length - 1] ^= 1;
        Files.write(dg1, b);
        assertThat(run(verifyArgs())).isEqualTo(1);
        assertThat(out.toString()).contains("\"failureCode\": \"DG1_HASH_MISMATCH\"");
    }

    @Test
    void whenCheckingDateAfterDsExpiry_thenExitOne() throws Exception {
        run("demo", "--out", dir.toString());
        String[] args = verifyArgs();
        args[args.length - 1] = "2036-01-01";
        assertThat(run(args)).isEqualTo(1);
        assertThat(out.toString()).contains("DS_EXPIRED");
    }

    @Test
    void whenArgumentsMissing_thenUsageAndExitTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("verify-card", "--trust")).isEqualTo(2);
        assertThat(err.toString()).contains("usage");
    }
}
