package dev.kizuna.metrics.cohort;

/**
 * How a Kaplan-Meier confidence band is built from Greenwood's variance,
 * {@code Var(S(t)) = S(t)^2 x sum over event times t_i <= t of d_i / (n_i (n_i - d_i))}.
 */
public enum ConfidenceBand {
    /** {@code S +/- z x SE(S)}, clipped to [0, 1]: the textbook linear band. */
    PLAIN,
    /**
     * {@code S x exp(+/- z x sqrt(sum d/(n(n-d))))}, upper limit clipped at 1: the default of R's
     * {@code survival::survfit} ({@code conf.type = "log"}).
     */
    LOG,
    /**
     * {@code S ^ exp(+/- z x sqrt(sum d/(n(n-d))) / log S)}: the log-minus-log ("exponential Greenwood") band, always
     * inside [0, 1]; the default of Python's lifelines.
     */
    LOG_LOG
}
