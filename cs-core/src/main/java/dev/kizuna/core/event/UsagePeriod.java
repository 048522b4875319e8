package dev.kizuna.core.event;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The span a {@link UsageRecord} summarises. Periods are calendar-aligned so that records of one account never
 * overlap and add up without double counting: a day, an ISO-8601 week (Monday to Sunday) or a calendar month.
 */
public enum UsagePeriod {
    /** One day. Any date starts a day. */
    DAY,
    /** An ISO-8601 week, Monday to Sunday; it starts on a Monday. */
    WEEK,
    /** A calendar month; it starts on the first day of the month. */
    MONTH;

    /** Returns whether a period of this kind can start on {@code date}. */
    public boolean isStart(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return switch (this) {
            case DAY -> true;
            case WEEK -> date.getDayOfWeek() == DayOfWeek.MONDAY;
            case MONTH -> date.getDayOfMonth() == 1;
        };
    }

    /** Returns the first day after the period that starts on {@code start}: its exclusive end. */
    public LocalDate endAfter(LocalDate start) {
        Objects.requireNonNull(start, "start");
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }
}
