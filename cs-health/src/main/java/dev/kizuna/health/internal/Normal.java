package dev.kizuna.health.internal;

import org.hipparchus.special.Erf;

/** The standard normal distribution's tails, for the p-values of the backtest and the fit. */
public final class Normal {
    private static final double SQRT_HALF = Math.sqrt(0.5);

    private Normal() {
    }

    /**
     * Returns the two-sided p-value of a standard normal statistic: {@code erfc(|z| / √2)}, by Hipparchus'
     * {@link Erf}.
     */
    public static double twoSidedP(double z) {
        return Erf.erfc(Math.abs(z) * SQRT_HALF);
    }
}
