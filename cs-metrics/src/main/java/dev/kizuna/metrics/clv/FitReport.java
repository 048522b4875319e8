package dev.kizuna.metrics.clv;

import dev.kizuna.core.internal.Checks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a model was fitted: the maximised log-likelihood, the standard errors, and the evidence of convergence.
 *
 * <p>Standard errors come from the observed information: the Hessian of the negative log-likelihood at the optimum,
 * taken in log-parameter space (where the fit runs) and mapped back with the delta method,
 * {@code se(theta) = theta * sqrt([H^-1]_ii)}. They are present only when the status is {@link FitStatus#CONVERGED}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param logLikelihood     the maximised log-likelihood (natural log, summed over the customers used)
 * @param standardErrors    parameter name (1 to 256 characters of valid Unicode, no control characters) to standard
 *                          error, in the model's parameter order; empty unless converged
 * @param status            how the fit ended
 * @param starts            the number of starting points tried
 * @param startsAtOptimum   how many of them reached the best log-likelihood (within 1e-4)
 * @param iterations        the optimiser iterations of the best start, including the final Newton steps
 * @param evaluations       the log-likelihood evaluations of all starts together
 * @param gradientNorm      the largest absolute component of the log-likelihood's gradient in log-parameter space
 *                          at the optimum
 * @param customers         the customers (or, for sBG, cohort members) the likelihood was summed over
 * @param excludedCustomers the customers left out of the fit because they were ineligible (Gamma-Gamma only)
 */
public record FitReport(double logLikelihood, Map<String, Double> standardErrors, FitStatus status, int starts,
                        int startsAtOptimum, int iterations, int evaluations, double gradientNorm, long customers,
                        long excludedCustomers) {

    /** Validates the report and copies the standard errors, keeping their order. */
    public FitReport {
        if (!Double.isFinite(logLikelihood)) {
            throw new IllegalArgumentException("logLikelihood: " + logLikelihood + " must be finite");
        }
        Objects.requireNonNull(standardErrors, "standardErrors");
        Map<String, Double> copy = new LinkedHashMap<>();
        standardErrors.forEach((name, se) -> {
            Checks.name(name, "standardErrors key");
            Objects.requireNonNull(se, "standardErrors['" + name + "']");
            if (!Double.isFinite(se) || se < 0) {
                throw new IllegalArgumentException("standardErrors['" + name + "']: " + se + " must be finite and >= 0");
            }
            copy.put(name, se);
        });
        standardErrors = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(status, "status");
        if (starts < 1) {
            throw new IllegalArgumentException("starts: " + starts + " must be >= 1");
        }
        if (startsAtOptimum < 0 || startsAtOptimum > starts) {
            throw new IllegalArgumentException("startsAtOptimum: " + startsAtOptimum + " must be between 0 and starts " + starts);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations: " + iterations + " must be >= 0");
        }
        if (evaluations < 0) {
            throw new IllegalArgumentException("evaluations: " + evaluations + " must be >= 0");
        }
        if (!Double.isFinite(gradientNorm) || gradientNorm < 0) {
            throw new IllegalArgumentException("gradientNorm: " + gradientNorm + " must be finite and >= 0");
        }
        if (customers < 1) {
            throw new IllegalArgumentException("customers: " + customers + " must be >= 1");
        }
        if (excludedCustomers < 0) {
            throw new IllegalArgumentException("excludedCustomers: " + excludedCustomers + " must be >= 0");
        }
    }

    /** Returns whether the fit found an interior maximum ({@link FitStatus#CONVERGED}). */
    public boolean converged() {
        return status == FitStatus.CONVERGED;
    }
}
