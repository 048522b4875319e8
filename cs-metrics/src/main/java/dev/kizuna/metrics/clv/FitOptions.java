package dev.kizuna.metrics.clv;

/**
 * How a model is fitted by maximum likelihood.
 *
 * <p>Immutable and thread-safe.
 *
 * @param starts         the number of starting points (at least 1): the first is a data-driven guess, the others
 *                       spread deterministically around it, so that a fit is reproducible
 * @param maxEvaluations the most log-likelihood evaluations one start may use (at least 100)
 */
public record FitOptions(int starts, int maxEvaluations) {
    /** Three starts of at most 20,000 evaluations each. */
    public static final FitOptions DEFAULT = new FitOptions(3, 20_000);

    /** Validates the options. */
    public FitOptions {
        if (starts < 1 || starts > 100) {
            throw new IllegalArgumentException("starts: " + starts + " must be between 1 and 100");
        }
        if (maxEvaluations < 100) {
            throw new IllegalArgumentException("maxEvaluations: " + maxEvaluations + " must be >= 100");
        }
    }

    /** Returns the default options: {@link #DEFAULT}. */
    public static FitOptions defaults() {
        return DEFAULT;
    }

    /** Returns options with the given number of starts and the default evaluation budget. */
    public static FitOptions withStarts(int starts) {
        return new FitOptions(starts, DEFAULT.maxEvaluations);
    }
}
