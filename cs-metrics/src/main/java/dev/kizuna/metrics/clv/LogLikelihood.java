package dev.kizuna.metrics.clv;

/**
 * A log-likelihood over log-parameters {@code phi = ln(theta)}, the space every fit runs in: each parameter of the
 * CLV models is positive, and in logs the optimiser needs no constraint.
 */
interface LogLikelihood {

    /** Returns the number of parameters. */
    int dimension();

    /** Returns ln L at {@code phi}; negative infinity where the likelihood is zero or not defined. */
    double value(double[] phi);

    /**
     * Returns ln L at {@code phi} and writes its gradient with respect to {@code phi} into {@code gradient}. The
     * default takes central differences of {@link #value}; models with an analytic gradient override it.
     */
    default double valueAndGradient(double[] phi, double[] gradient) {
        double[] p = phi.clone();
        for (int i = 0; i < phi.length; i++) {
            double h = 1e-6 * Math.max(1, Math.abs(phi[i]));
            p[i] = phi[i] + h;
            double up = value(p);
            p[i] = phi[i] - h;
            double down = value(p);
            p[i] = phi[i];
            gradient[i] = (up - down) / (2 * h);
        }
        return value(phi);
    }

    /** Returns whether {@link #valueAndGradient} is analytic, so that Hessians may difference it. */
    default boolean analyticGradient() {
        return false;
    }

    /** Returns whether {@link #valueGradientHessian} is implemented (analytically). */
    default boolean analyticHessian() {
        return false;
    }

    /**
     * Returns ln L at {@code phi} and writes its gradient and Hessian with respect to {@code phi}; only for
     * likelihoods whose {@link #analyticHessian()} is true.
     */
    default double valueGradientHessian(double[] phi, double[] gradient, double[][] hessian) {
        throw new UnsupportedOperationException("no analytic Hessian");
    }
}
