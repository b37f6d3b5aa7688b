package vn.dinhdanh.registry;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date of birth as the registry knows it: only a year, a year and month, or a full date. Immutable.
 * {@link #toString()} is the ISO form ({@code 1990}, {@code 1990-03}, {@code 1990-03-15}), which is also what the
 * OIDC {@code birthdate} claim uses.
 */
public final class PartialDate {

    private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    private final int year;
    private final int month; // 0 = unknown
    private final int day; // 0 = unknown

    private PartialDate(int year, int month, int day) {
        this.year = year;
        this.month = month;
        this.day = day;
    }

    /**
     * Parses {@code yyyy}, {@code yyyy-MM} or {@code yyyy-MM-dd}.
     *
     * @throws IllegalArgumentException if the text is not one of these forms or is not a real date
     */
    public static PartialDate parse(String iso) {
        if (iso == null) {
            throw new IllegalArgumentException("Date is missing");
        }
        Matcher m = ISO.matcher(iso.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("Date must be yyyy, yyyy-MM or yyyy-MM-dd");
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 1) {
            throw new IllegalArgumentException("Year must be at least 0001");
        }
        if (m.group(2) == null) {
            return new PartialDate(year, 0, 0);
        }
        int month = Integer.parseInt(m.group(2));
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("Month must be 01-12");
        }
        if (m.group(3) == null) {
            return new PartialDate(year, month, 0);
        }
        int day = Integer.parseInt(m.group(3));
        try {
            LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Not a valid day of the month", e);
        }
        return new PartialDate(year, month, day);
    }

    public static PartialDate of(LocalDate d) {
        Objects.requireNonNull(d, "date");
        if (d.getYear() < 1 || d.getYear() > 9999) {
            throw new IllegalArgumentException("Year must be 0001-9999");
        }
        return new PartialDate(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    public static PartialDate ofYear(int year) {
        return parse(String.format("%04d", year));
    }

    public static PartialDate ofYearMonth(int year, int month) {
        return parse(String.format("%04d-%02d", year, month));
    }

    public int year() {
        return year;
    }

    public OptionalInt month() {
        return month == 0 ? OptionalInt.empty() : OptionalInt.of(month);
    }

    public OptionalInt day() {
        return day == 0 ? OptionalInt.empty() : OptionalInt.of(day);
    }

    /** True when year, month and day are all known. */
    public boolean isComplete() {
        return day != 0;
    }

    /** The full date, if complete. */
    public java.util.Optional<LocalDate> toLocalDate() {
        return isComplete() ? java.util.Optional.of(LocalDate.of(year, month, day)) : java.util.Optional.empty();
    }

    /** False unless this date is complete and equal to the given one. */
    public boolean matches(LocalDate date) {
        return date != null && isComplete() && date.getYear() == year && date.getMonthValue() == month
                && date.getDayOfMonth() == day;
    }

    @Override
    public boolean equals(Object o) {
        return this == o
                || (o instanceof PartialDate other && year == other.year && month == other.month && day == other.day);
    }

    @Override
    public int hashCode() {
        return (year * 13 + month) * 32 + day;
    }

    /** ISO form as given: {@code 1990}, {@code 1990-03} or {@code 1990-03-15}. */
    @Override
    public String toString() {
        if (month == 0) {
            return String.format("%04d", year);
        }
        if (day == 0) {
            return String.format("%04d-%02d", year, month);
        }
        return String.format("%04d-%02d-%02d", year, month, day);
    }
}
