package vn.dinhdanh.registry;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese name handling. Names are compared after Unicode NFC normalisation, trimming, collapsing runs of white
 * space and case folding (Locale.ROOT), so {@code "nguyễn  văn an"} is the same name as {@code "Nguyễn Văn An"}
 * even if one of them is in NFD.
 */
public final class CitizenNames {

    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}\\u200B\\uFEFF]+");

    private CitizenNames() {
    }

    /**
     * The canonical stored/display form: NFC, trimmed, single spaces between words. Case is kept
     * ({@code " Nguyễn   Văn An "} becomes {@code "Nguyễn Văn An"}). Null becomes the empty string. Use
     * {@link #sameName} or {@link #comparisonKey} to compare names.
     */
    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String nfc = Normalizer.normalize(name, Normalizer.Form.NFC);
        return SPACES.matcher(nfc).replaceAll(" ").strip();
    }

    /** {@link #normalise(String)} plus case folding: the key under which two names are the same. */
    public static String comparisonKey(String name) {
        return normalise(name).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /** True when both names are non-null and equal after normalisation and case folding. */
    public static boolean sameName(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return comparisonKey(a).equals(comparisonKey(b));
    }
}
