package vn.dinhdanh.registry.importer.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Regenerates the seed corpus of {@link CitizenCsvImportFuzzTest}: the header and first rows of the synthetic demo
 * registry (realm-config/src/main/resources/demo/citizens.csv) and broken variants. Each seed is one mode byte (see
 * {@link CsvImportFuzzTarget}) and the file. Run from the module folder after test-compile:
 * mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=vn.dinhdanh.registry.importer.fuzz.WriteCsvCorpus
 */
public final class WriteCsvCorpus {
    private static final int READER = 0;
    private static final int STREAM = 1;

    private WriteCsvCorpus() {
    }

    public static void main(String[] args) throws Exception {
        Path demo = Path.of(args.length > 0 ? args[0] : "../../realm-config/src/main/resources/demo/citizens.csv");
        Path dir = Path.of("src/test/resources/vn/dinhdanh/registry/importer/fuzz/CitizenCsvImportFuzzTestInputs/fuzzCsvImport");
        Files.createDirectories(dir);
        List<String> lines = Files.readAllLines(demo, StandardCharsets.UTF_8);
        for (Map.Entry<String, byte[]> seed : seeds(lines.get(0), lines.subList(1, 6)).entrySet()) {
            Files.write(dir.resolve(seed.getKey()), seed.getValue());
        }
    }

    static Map<String, byte[]> seeds(String header, List<String> rows) {
        String file = header + "\n" + String.join("\n", rows) + "\n";
        String first = rows.get(0);
        Map<String, String> reader = new LinkedHashMap<>();
        reader.put("seed-demo-rows", file);
        reader.put("seed-crlf", file.replace("\n", "\r\n"));
        reader.put("seed-header-only", header + "\n");
        reader.put("seed-no-card", header + "\n" + replaceColumns(first, 10, ",,,") + "\n");
        reader.put("seed-multiline-quoted", header + "\n" + first.replaceFirst("\"Xã ", "\"Xã\n") + "\n");
        reader.put("seed-reordered-columns", reorder(header) + "\n" + reorder(first) + "\n");
        reader.put("broken-unterminated-quote", header + "\n" + first + "\n\"" + rows.get(1) + "\n");
        reader.put("broken-column-count", header + "\n" + first + ",extra\n" + rows.get(1).substring(0, 40) + "\n");
        reader.put("broken-values", header + "\n"
                + first.replace("1990-03-15", "1990-02-30") + "\n"
                + first.replace(",M,", ",X,") + "\n"
                + first.replace(",LIVING,", ",ALIVE,") + "\n"
                + first.replace("2030-03-15", "2020-01-01") + "\n"
                + first.replace("1990-03-15", "2090-03-15") + "\n"
                + first.replaceFirst("001090012345", "00109001234") + "\n"
                + first.replace("Nguyễn Văn An", "\"  \"") + "\n"
                + first.replace("Nguyễn Văn An", "A".repeat(201)) + "\n");
        reader.put("broken-header-unknown", header.replace("sex", "gender") + "\n" + first + "\n");
        reader.put("broken-header-twice", header + ",sex\n" + first + "\n");
        reader.put("broken-no-header", first + "\n" + rows.get(1) + "\n");
        reader.put("broken-empty", "");

        Map<String, byte[]> seeds = new LinkedHashMap<>();
        int batch = 0;
        for (Map.Entry<String, String> e : reader.entrySet()) {
            seeds.put(e.getKey(), seed(READER | (batch++ % 8) << 1, e.getValue().getBytes(StandardCharsets.UTF_8)));
        }
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        seeds.put("seed-stream-bom", seed(STREAM | 2 << 1, concat(bom, file.getBytes(StandardCharsets.UTF_8))));
        byte[] bad = file.getBytes(StandardCharsets.UTF_8);
        int at = file.indexOf('\n', file.indexOf('\n') + 1) + 5;
        bad[at] = (byte) 0xC3;
        bad[at + 1] = (byte) 0x28;
        seeds.put("broken-stream-invalid-utf8", seed(STREAM, bad));
        return seeds;
    }

    /** The row with columns from {@code from} on replaced (naive split: only for rows whose quoted fields come before). */
    private static String replaceColumns(String row, int from, String rest) {
        int commas = 0;
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted && ++commas == from) {
                return row.substring(0, i + 1) + rest;
            }
        }
        return row;
    }

    /** Moves the first column (the ID number) to the end. */
    private static String reorder(String row) {
        int comma = row.indexOf(',');
        return row.substring(comma + 1) + "," + row.substring(0, comma);
    }

    private static byte[] seed(int mode, byte[] file) {
        return concat(new byte[] {(byte) mode}, file);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
