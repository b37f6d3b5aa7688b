package vn.dinhdanh.registry;

/** Status of a chip-based citizen identity card. Only {@link #VALID} cards may be used. */
public enum CardStatus {
    VALID,
    REPORTED_LOST,
    REVOKED,
    REPLACED
}
