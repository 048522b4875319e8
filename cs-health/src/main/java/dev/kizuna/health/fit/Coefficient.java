package dev.kizuna.health.fit;

import dev.kizuna.core.signal.SignalName;

import java.util.Objects;
import java.util.Optional;

/**
 * One fitted coefficient of a logistic churn model. The fit works on standardised signals, {@code (x - mean) / sd},
 * so {@link #estimate()} is the change in the log-odds of churn per standard deviation of the signal, comparable
 * across signals; {@link #rawEstimate()} is the same per unit of the raw signal. Immutable and thread-safe.
 *
 * @param term          the term's id ({@code intercept} for the intercept)
 * @param signal        the signal, empty for the intercept
 * @param estimate      the coefficient on the standardised scale (for the intercept: the log-odds at the means)
 * @param standardError its standard error, from the inverse of the (penalised) information matrix at the estimate
 * @param z             {@code estimate / standardError}
 * @param pValue        the two-sided p-value of {@code z} (Wald test); without meaning under L2 regularisation
 * @param rawEstimate   the coefficient per unit of the raw signal (for the intercept: the log-odds at all-zero signals)
 * @param mean          the signal's mean in the training rows (0 for the intercept)
 * @param sd            the signal's standard deviation in the training rows, dividing by n (1 for the intercept)
 */
public record Coefficient(String term, Optional<SignalName> signal, double estimate, double standardError, double z,
                          double pValue, double rawEstimate, double mean, double sd) {

    /** Validates the parts. */
    public Coefficient {
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(signal, "signal");
    }
}
