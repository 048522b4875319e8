package dev.kizuna.health.logistic;

import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.internal.Checks;

import java.util.Objects;
import java.util.Optional;

/**
 * One term of a logistic model's linear predictor: {@code coefficient · x}, where {@code x} is the signal's raw
 * value, or its standardised value when a {@link Standardisation} is given. A positive coefficient raises the churn
 * probability (lowers health). Immutable and thread-safe.
 *
 * @param id              the term's id, unique in the model
 * @param label           a readable name
 * @param signal          the signal read
 * @param coefficient     the coefficient, on the log-odds scale of churn
 * @param standardisation how the raw value is standardised, if at all
 */
public record Term(String id, String label, SignalName signal, double coefficient,
                   Optional<Standardisation> standardisation) {

    /** Validates every part. */
    public Term {
        Checks.id(id, "term.id");
        Checks.nonBlank(label, "term " + id + ".label");
        Objects.requireNonNull(signal, "term " + id + ".signal");
        Checks.finite(coefficient, "term " + id + ".coefficient");
        Objects.requireNonNull(standardisation, "term " + id + ".standardisation");
    }

    /** Returns an unstandardised term labelled with its id. */
    public static Term of(String id, SignalName signal, double coefficient) {
        return new Term(id, id, signal, coefficient, Optional.empty());
    }

    /** Returns a standardised term labelled with its id. */
    public static Term standardised(String id, SignalName signal, double coefficient, double mean, double sd) {
        return new Term(id, id, signal, coefficient, Optional.of(Standardisation.of(mean, sd)));
    }

    /** Returns the raw value at which the term adds nothing: the mean when standardised, else 0. */
    public double reference() {
        return standardisation.map(Standardisation::mean).orElse(0.0);
    }

    /** Returns the term's value in the linear predictor for a raw value. */
    public double value(double raw) {
        if (standardisation.isPresent()) {
            Standardisation s = standardisation.get();
            return coefficient * (raw - s.mean()) / s.sd();
        }
        return coefficient * raw;
    }

    /** Returns the change of the linear predictor per unit of raw value. */
    public double slope() {
        return standardisation.map(s -> coefficient / s.sd()).orElse(coefficient);
    }
}
