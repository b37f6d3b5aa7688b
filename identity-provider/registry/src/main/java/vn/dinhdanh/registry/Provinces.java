package vn.dinhdanh.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 63 province codes of Circular 07/2016/TT-BCA (digits 1-3 of a personal ID number). They stay valid after
 * the 2025 merger of provinces because numbers already issued never change.
 */
public final class Provinces {

    private static final String RESOURCE = "province-codes.csv";
    private static final Map<String, String> NAMES_BY_CODE = load();
    private static final List<String> CODES = List.copyOf(NAMES_BY_CODE.keySet());

    private Provinces() {
    }

    public static boolean isKnown(String code) {
        return code != null && NAMES_BY_CODE.containsKey(code);
    }

    /** The province name (NFC) for a code. */
    public static Optional<String> name(String code) {
        return Optional.ofNullable(code == null ? null : NAMES_BY_CODE.get(code));
    }

    /** All codes in ascending order. */
    public static List<String> codes() {
        return CODES;
    }

    /** Code to name, in ascending code order. */
    public static Map<String, String> all() {
        return NAMES_BY_CODE;
    }

    private static Map<String, String> load() {
        Map<String, String> map = new LinkedHashMap<>();
        try (InputStream in = Provinces.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (header) {
                    header = false;
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                int comma = line.indexOf(',');
                if (comma != 3) {
                    throw new IllegalStateException("Malformed line in " + RESOURCE);
                }
                map.put(line.substring(0, 3), Normalizer.normalize(line.substring(4).trim(), Normalizer.Form.NFC));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        return Collections.unmodifiableMap(map);
    }
}
