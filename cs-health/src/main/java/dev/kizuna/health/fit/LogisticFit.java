package dev.kizuna.health.fit;

import dev.kizuna.health.HealthModels;
import dev.kizuna.health.definition.DefinitionFormat;
import dev.kizuna.health.logistic.LogisticDefinition;
import dev.kizuna.health.logistic.LogisticProvider;

import java.util.List;
import java.util.Objects;

/**
 * A logistic churn model fitted by {@link LogisticFitter}: its coefficients with standard errors, how the fit
 * converged, and its definition, ready to load. Immutable and thread-safe.
 *
 * @param definition        the fitted model's definition: standardised terms with the training means and standard
 *                          deviations, so that it scores raw signals; missing inputs sit at the mean
 * @param intercept         the intercept (the log-odds of churn at the means)
 * @param coefficients      one per signal, in the order fitted
 * @param l2                the L2 penalty {@code λ} on the standardised coefficients (0 for plain maximum likelihood)
 * @param rows              the rows fitted
 * @param events            the rows labelled as events (churn)
 * @param droppedRows       the rows left out for a missing value
 * @param iterations        the Newton-Raphson (IRLS) iterations run
 * @param lastStep          the largest coefficient change of the last iteration
 * @param gradientNorm      the largest absolute gradient component of the objective at the estimate
 * @param logLikelihood     the log-likelihood at the estimate (without the penalty)
 * @param nullLogLikelihood the log-likelihood of the intercept-only model
 */
public record LogisticFit(
        LogisticDefinition definition,
        Coefficient intercept,
        List<Coefficient> coefficients,
        double l2,
        int rows,
        int events,
        int droppedRows,
        int iterations,
        double lastStep,
        double gradientNorm,
        double logLikelihood,
        double nullLogLikelihood) {

    /** Validates the parts and copies the coefficients. */
    public LogisticFit {
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(intercept, "intercept");
        Objects.requireNonNull(coefficients, "coefficients");
        coefficients = List.copyOf(coefficients);
    }

    /** Returns the deviance, {@code -2 · log-likelihood}. */
    public double deviance() {
        return -2 * logLikelihood;
    }

    /** Returns McFadden's pseudo-R², {@code 1 - logLikelihood / nullLogLikelihood}. */
    public double pseudoRSquared() {
        return 1 - logLikelihood / nullLogLikelihood;
    }

    /** Returns the definition as JSON, the form {@link HealthModels#read} loads. */
    public String definitionJson() {
        return HealthModels.of(List.of(new LogisticProvider())).write(definition, DefinitionFormat.JSON);
    }
}
