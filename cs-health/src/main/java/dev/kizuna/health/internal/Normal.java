package dev.kizuna.health.internal;

/** The standard normal distribution's tails, for the p-values of the backtest and the fit. */
public final class Normal {
    private static final double SQRT_HALF = Math.sqrt(0.5);

    private Normal() {
    }

    /** Returns the two-sided p-value of a standard normal statistic: {@code erfc(|z| / √2)}. */
    public static double twoSidedP(double z) {
        return erfc(Math.abs(z) * SQRT_HALF);
    }

    /**
     * Returns the complementary error function by the Chebyshev fit of Numerical Recipes ({@code erfcc}), with a
     * relative error below 1.2e-7 everywhere: ample for p-values.
     */
    public static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double ans = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223
                + t * 0.17087277)))))))));
        return x >= 0 ? ans : 2.0 - ans;
    }
}
