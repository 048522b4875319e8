package dev.kizuna.metrics.clv;

/**
 * A log-likelihood over log-parameters {@code phi = ln(theta)}, the space every fit runs in: each parameter of the
 * CLV models is positive, and in logs the optimiser needs no constraint. Every CLV likelihood has its gradient and
 * Hessian analytically, which is what {@link MaximumLikelihood}'s damped Newton climber needs.
 */
interface LogLikelihood {

    /** Returns the number of parameters. */
    int dimension();

    /** Returns ln L at {@code phi}; negative infinity where the likelihood is zero or not defined. */
    double value(double[] phi);

    /** Returns ln L at {@code phi} and writes its gradient with respect to {@code phi} into {@code gradient}. */
    double valueAndGradient(double[] phi, double[] gradient);

    /** Returns ln L at {@code phi} and writes its gradient and Hessian with respect to {@code phi}. */
    double valueGradientHessian(double[] phi, double[] gradient, double[][] hessian);
}
