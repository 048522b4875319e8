package dev.kizuna.health.backtest;

/**
 * A figure with its bootstrap confidence interval. The interval is the percentile interval of the figure over
 * resamples of the accounts (see {@link Backtest}); both bounds are NaN when no resample was drawn or the figure is
 * undefined. Immutable and thread-safe.
 *
 * @param value the figure on the data as observed; NaN when undefined (no events, or no non-events)
 * @param lower the lower bound of the interval
 * @param upper the upper bound of the interval
 */
public record Estimate(double value, double lower, double upper) {

    /** Returns a figure without an interval. */
    public static Estimate of(double value) {
        return new Estimate(value, Double.NaN, Double.NaN);
    }

    /** Returns whether the interval was computed. */
    public boolean hasInterval() {
        return !Double.isNaN(lower) && !Double.isNaN(upper);
    }
}
