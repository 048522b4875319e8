package dev.kizuna.metrics;

import dev.kizuna.core.Dates;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A span of whole days: from {@code start} (included) to {@code end} (excluded), as every period of a metric is
 * read. January 2024 is {@code [2024-01-01, 2024-02-01)}.
 *
 * <p>A range lies within the supported calendar ({@link Dates}, 0001-01-01 to 9999-12-31): its start is a supported
 * date and its end at most {@link #END_OF_CALENDAR}, the day after the last one, so that the last day can be in a
 * range. Within these bounds no arithmetic on a range can overflow.
 *
 * <p>Immutable and thread-safe.
 *
 * @param start the first day in the range, from 0001-01-01 to 9999-12-31
 * @param end   the first day after the range; after {@code start}, at most {@link #END_OF_CALENDAR}
 */
public record DateRange(LocalDate start, LocalDate end) {
    /** The latest end a range may have: 10000-01-01, the day after {@link Dates#LATEST}. */
    public static final LocalDate END_OF_CALENDAR = Dates.LATEST.plusDays(1);

    /** Validates that the range holds at least one day and lies within the supported calendar. */
    public DateRange {
        Dates.check("start", start);
        Objects.requireNonNull(end, "end");
        if (end.isAfter(END_OF_CALENDAR)) {
            throw new IllegalArgumentException("end: " + end + " is after the end of the supported dates: a range"
                    + " ends (exclusively) on " + END_OF_CALENDAR + " at the latest");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end: " + end + " must be after start " + start
                    + " (the end of a range is excluded)");
        }
    }

    /** Returns the days from {@code start} (included) to {@code end} (excluded). */
    public static DateRange of(LocalDate start, LocalDate end) {
        return new DateRange(start, end);
    }

    /** Returns the days from {@code first} to {@code last}, both included; {@code last} may be 9999-12-31. */
    public static DateRange inclusive(LocalDate first, LocalDate last) {
        Dates.check("last", last);
        return new DateRange(first, last.plusDays(1));
    }

    /**
     * Returns the {@code days} days that end just before {@code end}: a trailing window such as the last 30 days. A
     * window that would start before 0001-01-01 starts then: no day before it exists to be counted.
     *
     * @throws IllegalArgumentException if {@code days} is not positive, {@code end} is not in the calendar (up to
     *                                  {@link #END_OF_CALENDAR}), or no day is left before {@code end}
     */
    public static DateRange trailing(LocalDate end, int days) {
        Objects.requireNonNull(end, "end");
        if (days <= 0) {
            throw new IllegalArgumentException("days: " + days + " must be > 0");
        }
        checkEnd("end", end);
        LocalDate start = end.minusDays(days);
        return new DateRange(start.isBefore(Dates.EARLIEST) ? Dates.EARLIEST : start, end);
    }

    /**
     * Returns {@code date} if it can end a range: from 0001-01-01 to {@link #END_OF_CALENDAR}.
     *
     * @throws IllegalArgumentException naming the field and the range, if it cannot
     */
    public static LocalDate checkEnd(String field, LocalDate date) {
        Objects.requireNonNull(date, field);
        if (date.isBefore(Dates.EARLIEST) || date.isAfter(END_OF_CALENDAR)) {
            throw new IllegalArgumentException(field + ": " + date + " is outside the supported dates, from "
                    + Dates.EARLIEST_TEXT + " to " + Dates.LATEST_TEXT + " (" + END_OF_CALENDAR
                    + " as the end of a period)");
        }
        return date;
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
