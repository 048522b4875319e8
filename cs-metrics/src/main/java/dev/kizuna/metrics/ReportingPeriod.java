package dev.kizuna.metrics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The calendar periods a report is cut into. Weeks are ISO weeks (Monday to Sunday); months, quarters and years are
 * calendar ones.
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

    /** Returns the first day of the period that contains {@code date}. */
    public LocalDate startOf(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(date.getYear(), ((date.getMonthValue() - 1) / 3) * 3 + 1, 1);
            case YEAR -> LocalDate.of(date.getYear(), 1, 1);
        };
    }

    /** Returns the first day after the period that contains {@code date}. */
    public LocalDate endOf(LocalDate date) {
        LocalDate start = startOf(date);
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
    }

    /** Returns the period that contains {@code date}. */
    public DateRange containing(LocalDate date) {
        return new DateRange(startOf(date), endOf(date));
    }

    /** Returns the period {@code count} periods after the one containing {@code date} (before it when negative). */
    public DateRange shifted(LocalDate date, long count) {
        LocalDate start = startOf(date);
        LocalDate shifted = switch (this) {
            case DAY -> start.plusDays(count);
            case WEEK -> start.plusWeeks(count);
            case MONTH -> start.plusMonths(count);
            case QUARTER -> start.plusMonths(3 * count);
            case YEAR -> start.plusYears(count);
        };
        return containing(shifted);
    }

    /**
     * Returns every whole period that overlaps the days from {@code first} to {@code last}, both included, oldest
     * first: {@code MONTH.between(2024-01-15, 2024-03-02)} is January, February and March.
     *
     * @throws IllegalArgumentException if {@code last} is before {@code first}
     */
    public List<DateRange> between(LocalDate first, LocalDate last) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("last: " + last + " must not be before first " + first);
        }
        List<DateRange> periods = new ArrayList<>();
        LocalDate start = startOf(first);
        while (!start.isAfter(last)) {
            DateRange period = containing(start);
            periods.add(period);
            start = period.end();
        }
        return List.copyOf(periods);
    }
}
