package dev.kizuna.metrics;

import dev.kizuna.core.Dates;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The calendar periods a report is cut into. Weeks are ISO weeks (Monday to Sunday); months, quarters and years are
 * calendar ones.
 *
 * <p>Every date given lies in the supported calendar ({@link Dates}, 0001-01-01 to 9999-12-31). The one period that
 * would run past its end, the ISO week of 9999-12-31 (Monday 9999-12-27 to Sunday 10000-01-02), is cut at
 * {@link DateRange#END_OF_CALENDAR}. A list of periods has at most {@value #MAX_PERIODS} of them, every month of the
 * calendar: a report's size is bounded whatever dates it is asked for.
 */
public enum ReportingPeriod {
    /** One calendar day. */
    DAY,
    /** One ISO week, Monday to Sunday. */
    WEEK,
    /** One calendar month. */
    MONTH,
    /** One calendar quarter: January to March, April to June, July to September, October to December. */
    QUARTER,
    /** One calendar year. */
    YEAR;

    /** The most periods {@link #between} returns: 119,988 months are the whole calendar. */
    public static final int MAX_PERIODS = 120_000;

    /**
     * Returns the first day of the period that contains {@code date}.
     *
     * @throws IllegalArgumentException if {@code date} is outside the supported calendar
     */
    public LocalDate startOf(LocalDate date) {
        Dates.check("date", date);
        return switch (this) {
            case DAY -> date;
            // 0001-01-01 is a Monday, so every supported date's week starts within the calendar.
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(date.getYear(), ((date.getMonthValue() - 1) / 3) * 3 + 1, 1);
            case YEAR -> LocalDate.of(date.getYear(), 1, 1);
        };
    }

    /**
     * Returns the first day after the period that contains {@code date}, at most {@link DateRange#END_OF_CALENDAR}.
     *
     * @throws IllegalArgumentException if {@code date} is outside the supported calendar
     */
    public LocalDate endOf(LocalDate date) {
        LocalDate start = startOf(date);
        LocalDate end = switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
        return end.isAfter(DateRange.END_OF_CALENDAR) ? DateRange.END_OF_CALENDAR : end;
    }

    /**
     * Returns the period that contains {@code date}.
     *
     * @throws IllegalArgumentException if {@code date} is outside the supported calendar
     */
    public DateRange containing(LocalDate date) {
        return new DateRange(startOf(date), endOf(date));
    }

    /**
     * Returns the period {@code count} periods after the one containing {@code date} (before it when negative).
     *
     * @throws IllegalArgumentException if {@code date} is outside the supported calendar, or the shifted period
     *                                  starts outside it
     */
    public DateRange shifted(LocalDate date, long count) {
        LocalDate start = startOf(date);
        // No shift beyond the calendar's length in days can land in it; checked first, so the sums below cannot
        // overflow LocalDate's own range.
        long span = ChronoUnit.DAYS.between(Dates.EARLIEST, DateRange.END_OF_CALENDAR);
        if (count > span || count < -span) { // not Math.abs: it leaves Long.MIN_VALUE negative
            throw outside(date, count);
        }
        LocalDate shifted = switch (this) {
            case DAY -> start.plusDays(count);
            case WEEK -> start.plusWeeks(count);
            case MONTH -> start.plusMonths(count);
            case QUARTER -> start.plusMonths(3 * count);
            case YEAR -> start.plusYears(count);
        };
        if (!Dates.isSupported(shifted)) {
            throw outside(date, count);
        }
        return containing(shifted);
    }

    private IllegalArgumentException outside(LocalDate date, long count) {
        return new IllegalArgumentException("count: " + count + " " + name().toLowerCase(java.util.Locale.ROOT)
                + " periods from the one containing " + date + " is outside the supported dates, from "
                + Dates.EARLIEST_TEXT + " to " + Dates.LATEST_TEXT);
    }

    /**
     * Returns every whole period that overlaps the days from {@code first} to {@code last}, both included, oldest
     * first: {@code MONTH.between(2024-01-15, 2024-03-02)} is January, February and March.
     *
     * @throws IllegalArgumentException if {@code last} is before {@code first}, either is outside the supported
     *                                  calendar, or the span holds more than {@value #MAX_PERIODS} periods
     */
    public List<DateRange> between(LocalDate first, LocalDate last) {
        Dates.check("first", first);
        Dates.check("last", last);
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("last: " + last + " must not be before first " + first);
        }
        LocalDate from = startOf(first);
        long count = switch (this) {
            case DAY -> ChronoUnit.DAYS.between(from, last);
            case WEEK -> ChronoUnit.WEEKS.between(from, last);
            case MONTH -> ChronoUnit.MONTHS.between(from, last);
            case QUARTER -> ChronoUnit.MONTHS.between(from, last) / 3;
            case YEAR -> ChronoUnit.YEARS.between(from, last);
        } + 1;
        if (count > MAX_PERIODS) {
            throw new IllegalArgumentException("last: " + first + " to " + last + " holds " + count + " "
                    + name().toLowerCase(java.util.Locale.ROOT) + " periods, over the limit of " + MAX_PERIODS
                    + "; report a shorter span, or by a longer period");
        }
        List<DateRange> periods = new ArrayList<>((int) count);
        LocalDate start = from;
        while (!start.isAfter(last)) {
            DateRange period = containing(start);
            periods.add(period);
            start = period.end();
        }
        return List.copyOf(periods);
    }
}
