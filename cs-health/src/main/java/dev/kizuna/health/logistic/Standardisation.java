package dev.kizuna.health.logistic;

import dev.kizuna.core.internal.Checks;

/**
 * How a term's raw value is standardised before its coefficient applies: {@code x = (raw - mean) / sd}, usually
 * the training data's mean and standard deviation.
 *
 * @param mean the mean
 * @param sd   the standard deviation, above 0
 */
public record Standardisation(double mean, double sd) {

    /** Validates the parts. */
    public Standardisation {
        Checks.finite(mean, "standardisation.mean");
        Checks.positive(sd, "standardisation.sd");
    }

    /** Returns the standardisation with the given mean and standard deviation. */
    public static Standardisation of(double mean, double sd) {
        return new Standardisation(mean, sd);
    }
}
