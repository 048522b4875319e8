package dev.kizuna.metrics.clv;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The unit in which recency, age and prediction horizons are measured. Models fitted on one unit predict in that
 * unit: a BG/NBD model fitted on weeks answers {@code expectedTransactions(52)} for a year.
 */
public enum RfmTimeUnit {
    /** Calendar days. */
    DAYS(1),
    /** Weeks of seven days, fractional: 10 days are 1.43 weeks (the convention of the CDNOW papers). */
    WEEKS(7);

    private final int days;

    RfmTimeUnit(int days) {
        this.days = days;
    }

    /** Returns the number of days in one unit. */
    public int days() {
        return days;
    }

    /** Returns the time from {@code from} to {@code to} in this unit: whole days divided by {@link #days()}. */
    public double between(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return ChronoUnit.DAYS.between(from, to) / (double) days;
    }
}
