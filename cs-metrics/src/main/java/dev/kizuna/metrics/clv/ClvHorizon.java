package dev.kizuna.metrics.clv;

import dev.kizuna.core.internal.Checks;

import java.util.Objects;

/**
 * The horizon over which {@link CustomerLifetimeValue} sums discounted future value: a number of periods, the length
 * of a period in the time unit of the transaction model, and the discount rate per period.
 *
 * <p>Immutable and thread-safe.
 *
 * @param periods      the number of periods, at least 1
 * @param periodLength the length of one period in the model's time unit, &gt; 0 (for example 4.348 weeks per month)
 * @param discountRate the discount rate per period, &gt;= 0 (0.01 a month is about 12.7% a year)
 */
public record ClvHorizon(int periods, double periodLength, double discountRate) {
    /** The mean length of a month in days, 365.25 / 12. */
    public static final double DAYS_PER_MONTH = 365.25 / 12;

    /** Validates the horizon. */
    public ClvHorizon {
        if (periods < 1 || periods > 100_000) {
            throw new IllegalArgumentException("periods: " + periods + " must be between 1 and 100000");
        }
        Checks.finitePositive(periodLength, "periodLength");
        Checks.finiteNonNegative(discountRate, "discountRate");
    }

    /** Returns a horizon of {@code periods} periods of {@code periodLength} model time units each. */
    public static ClvHorizon of(int periods, double periodLength, double discountRate) {
        return new ClvHorizon(periods, periodLength, discountRate);
    }

    /**
     * Returns a horizon of whole months of 365.25/12 days (4.348 weeks) for a model fitted in {@code unit}, with a
     * monthly discount rate. (lifetimes' {@code customer_lifetime_value} uses 30 days or 4.345 weeks per month; pass
     * those to {@link #of} to reproduce it exactly.)
     */
    public static ClvHorizon months(int months, RfmTimeUnit unit, double monthlyDiscountRate) {
        Objects.requireNonNull(unit, "unit");
        return new ClvHorizon(months, DAYS_PER_MONTH / unit.days(), monthlyDiscountRate);
    }
}
