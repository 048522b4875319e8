package dev.kizuna.metrics.clv;

/**
 * A {@link LogLikelihood} whose value, gradient and Hessian come from one evaluation: the model's likelihood writes
 * ln L and, as the optimiser asks, its gradient into {@link #g} and its Hessian into {@link #h}, and this class hands
 * them to the optimiser. Holds that scratch: one instance per fit, not shared between threads.
 */
abstract class AnalyticLikelihood implements LogLikelihood {
    /** The gradient of the last evaluation of order 1 or 2, with respect to phi. */
    final double[] g;
    /** The Hessian of the last evaluation of order 2, with respect to phi. */
    final double[][] h;

    /** Creates the scratch for {@code dimension} parameters. */
    AnalyticLikelihood(int dimension) {
        this.g = new double[dimension];
        this.h = new double[dimension][dimension];
    }

    /**
     * Returns ln L at {@code phi} and, by {@code order}, writes its gradient (1) or its gradient and Hessian (2) with
     * respect to phi into {@link #g} and {@link #h}. An implementation may write more than the order asks.
     */
    abstract double evaluate(double[] phi, int order);

    @Override
    public final int dimension() {
        return g.length;
    }

    @Override
    public final double value(double[] phi) {
        return evaluate(phi, 0);
    }

    @Override
    public final double valueAndGradient(double[] phi, double[] gradient) {
        double v = evaluate(phi, 1);
        System.arraycopy(g, 0, gradient, 0, g.length);
        return v;
    }

    @Override
    public final double valueGradientHessian(double[] phi, double[] gradient, double[][] hessian) {
        double v = evaluate(phi, 2);
        System.arraycopy(g, 0, gradient, 0, g.length);
        for (int i = 0; i < g.length; i++) {
            System.arraycopy(h[i], 0, hessian[i], 0, g.length);
        }
        return v;
    }
}
