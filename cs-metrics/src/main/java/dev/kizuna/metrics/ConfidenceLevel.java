package dev.kizuna.metrics;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * A two-sided confidence level such as 95%, and its standard normal critical value {@code z}.
 *
 * <p>{@code z} is the inverse of the standard normal distribution function at {@code (1 + level) / 2}, computed by
 * Hipparchus' {@link NormalDistribution}: 1.959964 for 95%, 2.575829 for 99%.
 *
 * <p>Immutable and thread-safe.
 *
 * @param level the confidence level, strictly between 0 and 1
 */
public record ConfidenceLevel(double level) {

    /** The 90% level (z = 1.644854). */
    public static final ConfidenceLevel NINETY = new ConfidenceLevel(0.90);
    /** The 95% level (z = 1.959964), the default of every calculator that reports a margin of error or a band. */
    public static final ConfidenceLevel NINETY_FIVE = new ConfidenceLevel(0.95);
    /** The 99% level (z = 2.575829). */
    public static final ConfidenceLevel NINETY_NINE = new ConfidenceLevel(0.99);

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution();

    /** Validates the level. */
    public ConfidenceLevel {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level: " + level + " must be strictly between 0 and 1");
        }
    }

    /** Returns the confidence level {@code level}, for example {@code 0.95}. */
    public static ConfidenceLevel of(double level) {
        return new ConfidenceLevel(level);
    }

    /** Returns the two-sided standard normal critical value for this level. */
    public double z() {
        return STANDARD_NORMAL.inverseCumulativeProbability((1 + level) / 2);
    }

    @Override
    public String toString() {
        return (level * 100) + "%";
    }
}
