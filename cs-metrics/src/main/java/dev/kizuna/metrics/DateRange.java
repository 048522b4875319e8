package dev.kizuna.metrics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A span of whole days: from {@code start} (included) to {@code end} (excluded), as every period of a metric is
 * read. January 2024 is {@code [2024-01-01, 2024-02-01)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param start the first day in the range
 * @param end   the first day after the range; after {@code start}
 */
public record DateRange(LocalDate start, LocalDate end) {

    /** Validates that the range holds at least one day. */
    public DateRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end: " + end + " must be after start " + start
                    + " (the end of a range is excluded)");
        }
    }

    /** Returns the days from {@code start} (included) to {@code end} (excluded). */
    public static DateRange of(LocalDate start, LocalDate end) {
        return new DateRange(start, end);
    }

    /** Returns the days from {@code first} to {@code last}, both included. */
    public static DateRange inclusive(LocalDate first, LocalDate last) {
        Objects.requireNonNull(last, "last");
        return new DateRange(first, last.plusDays(1));
    }

    /** Returns the {@code days} days that end just before {@code end}: a trailing window such as the last 30 days. */
    public static DateRange trailing(LocalDate end, int days) {
        Objects.requireNonNull(end, "end");
        if (days <= 0) {
            throw new IllegalArgumentException("days: " + days + " must be > 0");
        }
        return new DateRange(end.minusDays(days), end);
    }

    /** Returns whether {@code date} is in the range. */
    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && date.isBefore(end);
    }

    /** Returns the last day in the range. */
    public LocalDate lastDay() {
        return end.minusDays(1);
    }

    /** Returns the number of days in the range. */
    public long days() {
        return ChronoUnit.DAYS.between(start, end);
    }

    /** Returns the range in interval notation, for example {@code "[2024-01-01, 2024-02-01)"}. */
    @Override
    public String toString() {
        return "[" + start + ", " + end + ")";
    }
}
