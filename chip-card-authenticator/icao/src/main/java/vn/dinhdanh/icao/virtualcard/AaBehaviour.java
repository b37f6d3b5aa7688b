package vn.dinhdanh.icao.virtualcard;

/** How the virtual chip answers an Active Authentication challenge. */
public enum AaBehaviour {
    /** Like a genuine chip. */
    GENUINE,
    /** A clone: it does not have the private key behind DG15 and signs with another key. */
    CLONED,
    /** RSA: trailer byte other than 0xBC / 0x..CC. */
    WRONG_TRAILER,
    /** RSA: explicit trailer 0x..CC with an unknown hash identifier. */
    UNKNOWN_HASH_ID,
    /** RSA: wrong ISO/IEC 9796-2 header byte. */
    WRONG_HEADER,
    /** Signs a different challenge (as a replay of an old answer would). */
    REPLAY
}
