package dev.kizuna.examples.stumps;

import dev.kizuna.core.signal.SignalName;

import java.util.Objects;

/**
 * One decision stump: a single split of one signal at a threshold, adding a value to the churn log-odds.
 *
 * <p>Its {@linkplain #output(double) output} is {@code below} when the signal's value is below the threshold,
 * {@code atOrAbove} when it is at or above it, and {@code missing} when the signal has no value. The values are in
 * log-odds of churn, with any learning rate already applied: positive raises the churn risk (lowers health),
 * negative lowers it.
 *
 * <p>Every number is finite, and each value lies within {@code ±}{@value #MAX_LOG_ODDS}, so that the sum of the
 * most stumps a model may have is still finite. A negative zero is stored as zero, so that a stump equals itself
 * after a round trip through JSON or YAML. Immutable and thread-safe.
 *
 * @param signal    the signal split; at most {@value #MAX_SIGNAL_LENGTH} characters, since it is the id of the
 *                  signal's contribution to a score
 * @param threshold the split point: values below it take {@code below}, values at or above it {@code atOrAbove}
 * @param below     the log-odds added when the value is below the threshold
 * @param atOrAbove the log-odds added when the value is at or above the threshold
 * @param missing   the log-odds added when the signal has no value
 */
public record Stump(SignalName signal, double threshold, double below, double atOrAbove, double missing) {

    /** The largest magnitude of a stump's value, and of a model's intercept, in log-odds. */
    public static final double MAX_LOG_ODDS = 1_000;

    /** The longest signal name a stump may split, the longest id of a contribution. */
    public static final int MAX_SIGNAL_LENGTH = 64;

    /** Validates every part. */
    public Stump {
        Objects.requireNonNull(signal, "stump.signal");
        if (signal.value().length() > MAX_SIGNAL_LENGTH) {
            throw new IllegalArgumentException("stump.signal: '" + signal.value() + "' has "
                    + signal.value().length() + " characters, over the limit of " + MAX_SIGNAL_LENGTH);
        }
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("stump.threshold: " + threshold + " must be finite");
        }
        threshold = threshold + 0.0;
        below = logOdds(below, "stump.below");
        atOrAbove = logOdds(atOrAbove, "stump.atOrAbove");
        missing = logOdds(missing, "stump.missing");
    }

    /** Returns the stump of the given parts, validated. */
    public static Stump of(SignalName signal, double threshold, double below, double atOrAbove, double missing) {
        return new Stump(signal, threshold, below, atOrAbove, missing);
    }

    /**
     * Checks a value in log-odds: finite and within {@code ±MAX_LOG_ODDS}; returns it with a negative zero made zero.
     *
     * @throws IllegalArgumentException naming {@code field} and the value otherwise
     */
    static double logOdds(double value, String field) {
        if (!(Math.abs(value) <= MAX_LOG_ODDS)) {
            throw new IllegalArgumentException(field + ": " + value + " must be a finite number between -"
                    + (long) MAX_LOG_ODDS + " and " + (long) MAX_LOG_ODDS);
        }
        return value + 0.0;
    }

    /**
     * Returns the log-odds this stump adds for a raw value: {@code missing} for NaN (no value), {@code below} for a
     * value below the threshold, {@code atOrAbove} otherwise.
     */
    public double output(double raw) {
        if (raw != raw) {
            return missing;
        }
        return raw < threshold ? below : atOrAbove;
    }
}
