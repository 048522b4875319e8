package dev.kizuna.metrics.clv;

/** How a maximum-likelihood fit ended. */
public enum FitStatus {
    /**
     * The optimiser stopped at an interior maximum: the gradient of the log-likelihood is below the tolerance and its
     * Hessian is negative definite, so the standard errors are defined.
     */
    CONVERGED,
    /**
     * The likelihood keeps rising towards a limit of the model, so it has no interior maximum: a parameter ran
     * beyond {@code e^-15} or {@code e^15} (3e-7 to 3.3e6), or beyond {@code e^-10} or {@code e^10} (4.5e-5 to
     * 2.2e4) without the optimiser finding a proper maximum there. This is how degenerate data shows itself: when every
     * customer is a repeater and still buying, r and alpha grow together (purchase rates without heterogeneity) and the
     * dropout probability runs to 0. The parameters are the best point found; the standard errors are omitted, and
     * predictions remain those of the limiting model.
     */
    BOUNDARY,
    /** The optimiser ran out of evaluations or could not confirm a maximum; the parameters are the best point found. */
    NOT_CONVERGED
}
