package vn.dinhdanh.tests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Living citizens of the demo registry that have no account (rows 7 and after of citizens.csv), handed out one at a
 * time so that no two tests of one run ever use the same citizen. The CSV is read from {@code dinhdanh.demo.dir}.
 */
public final class FreshCitizens {

    /** A registry row: the fields a citizen types at registration, and the whole row as read. */
    public record Citizen(String pin, String fullName, String birthdate, String sex, List<String> row) {

        /** The CSV header of the registry's import format. */
        public static final String HEADER = "personal_id_number,full_name,date_of_birth,sex,nationality,ethnicity,religion,"
                + "place_of_origin,place_of_residence,life_status,card_number,card_issue_date,card_expiry_date,card_status";
        public static final int PLACE_OF_RESIDENCE = 8;
        public static final int LIFE_STATUS = 9;

        /** This citizen's row, as a CSV line, with one column changed. */
        public String csvLineWith(int column, String value) {
            List<String> changed = new ArrayList<>(row);
            changed.set(column, value);
            return changed.stream().map(FreshCitizens::quoted).collect(Collectors.joining(","));
        }
    }

    private static final Pattern FULL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** The first rows are the README's demo citizens, some with accounts: never handed out. */
    private static final int FIRST_FRESH_ROW = 6;
    /**
     * Where to start in the list: 0 on the fresh server of a test run; against a server that is kept running between
     * runs ({@code -Ddinhdanh.base.url}), pass {@code -Ddinhdanh.fresh.offset=N} to skip the citizens earlier runs used.
     */
    private static final AtomicInteger NEXT = new AtomicInteger(Integer.getInteger("dinhdanh.fresh.offset", 0));
    private static List<Citizen> fresh;
    private static Set<String> allPins;

    private FreshCitizens() {
    }

    /** The next living citizen with a full date of birth and no account, never handed out before in this JVM. */
    public static Citizen next() {
        List<Citizen> citizens = fresh();
        int i = NEXT.getAndIncrement();
        if (i >= citizens.size()) {
            throw new IllegalStateException("No fresh demo citizens left");
        }
        TestSecrets.record(citizens.get(i).pin());
        return citizens.get(i);
    }

    /** The next fresh citizen whose registry card is valid and not about to expire (children have no card). */
    public static Citizen nextWithUsableCard() {
        while (true) {
            Citizen c = next();
            List<String> row = c.row();
            if (row.size() > 13 && "VALID".equals(row.get(13)) && !row.get(12).isBlank()
                    && java.time.LocalDate.parse(row.get(12)).isAfter(java.time.LocalDate.now().plusDays(1))) {
                return c;
            }
        }
    }

    /** A well-formed personal ID number with this six-digit prefix that the demo registry does not know. */
    public static String unknownPin(String prefix) {
        for (int i = 1; i < 1_000_000; i++) {
            String pin = prefix + String.format("%06d", i);
            if (!inRegistry(pin)) {
                return pin;
            }
        }
        throw new IllegalStateException("no unknown number with prefix " + prefix);
    }

    /** Whether the demo registry has a citizen with this number (living or not). */
    public static boolean inRegistry(String pin) {
        fresh();
        return allPins.contains(pin);
    }

    private static synchronized List<Citizen> fresh() {
        if (fresh == null) {
            Path csv = Path.of(System.getProperty("dinhdanh.demo.dir", "../realm-config/src/main/resources/demo"), "citizens.csv");
            List<List<String>> rows;
            try {
                rows = Files.readAllLines(csv, StandardCharsets.UTF_8).stream().skip(1).filter(l -> !l.isBlank()).map(FreshCitizens::fields).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            allPins = rows.stream().map(r -> r.get(0)).collect(Collectors.toSet());
            List<Citizen> list = new ArrayList<>();
            for (List<String> r : rows.subList(FIRST_FRESH_ROW, rows.size())) {
                // personal_id_number,full_name,date_of_birth,sex,...,life_status (index 9),...
                if ("LIVING".equals(r.get(9)) && FULL_DATE.matcher(r.get(2)).matches()) {
                    list.add(new Citizen(r.get(0), r.get(1), r.get(2), r.get(3), List.copyOf(r)));
                }
            }
            fresh = List.copyOf(list);
        }
        return fresh;
    }

    static String quoted(String field) {
        return field.contains(",") || field.contains("\"") ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }

    /** One CSV line (RFC 4180 quoting, no line breaks inside fields). */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }
}
