package dev.kizuna.metrics.clv;

/** How a maximum-likelihood fit ended. */
public enum FitStatus {
    /**
     * The optimiser stopped at an interior maximum: the gradient of the log-likelihood is below the tolerance and its
     * Hessian is negative definite, so the standard errors are defined.
     */
    CONVERGED,
    /**
     * The likelihood rises towards the edge of the parameter space, so it has no interior maximum: a parameter ran to
     * the edge of the search box ({@code e^-20} to {@code e^20}). This is how degenerate data shows itself (for
     * example, when every customer is still buying, the dropout rate runs to 0). The parameters are the best point
     * found, their standard errors are omitted.
     */
    BOUNDARY,
    /** The optimiser ran out of evaluations or could not confirm a maximum; the parameters are the best point found. */
    NOT_CONVERGED
}
