package vn.dinhdanh.icao.verify;

/** Outcome of one check. */
public enum CheckOutcome {
    PASSED,
    FAILED,
    /** Not run because a check it depends on did not pass. */
    SKIPPED,
    /** Nothing to check (e.g. the data group was not presented, or policy waived it). */
    NOT_APPLICABLE
}
