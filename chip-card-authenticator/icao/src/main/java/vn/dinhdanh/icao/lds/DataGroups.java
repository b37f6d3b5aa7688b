package vn.dinhdanh.icao.lds;

/** Data group numbers and their LDS wrapper tags. */
public final class DataGroups {
    private DataGroups() {
    }

    private static final int[] TAGS = {
        -1, 0x61, 0x75, 0x63, 0x76, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F, 0x70};

    /** Wrapper tag byte of DG n (1..16). */
    public static int tagOf(int n) {
        if (n < 1 || n > 16) {
            throw new IllegalArgumentException("DG " + n);
        }
        return TAGS[n];
    }

    /** DG number of a wrapper tag, or -1. */
    public static int numberOfTag(int tag) {
        for (int i = 1; i < TAGS.length; i++) {
            if (TAGS[i] == tag) {
                return i;
            }
        }
        return -1;
    }
}
