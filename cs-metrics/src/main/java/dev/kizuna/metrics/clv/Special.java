package dev.kizuna.metrics.clv;

import org.hipparchus.special.Gamma;

/**
 * The special functions the CLV models need beyond what Hipparchus offers.
 *
 * <p>{@link #digamma(double)} is written here because Hipparchus 4.0.2's {@code Gamma.digamma} is accurate to only
 * about 3e-9 (its asymptotic series starts at 49 with three terms), which is too coarse for the logarithmic
 * transformation formulas of the hypergeometric function. Log-gamma of positive arguments comes from Hipparchus.
 */
final class Special {
    private static final double EULER_GAMMA = 0.57721566490153286061;

    private Special() {
    }

    /** Returns whether {@code x} is 0, -1, -2, ...: a pole of the gamma function. */
    static boolean isNonPositiveInteger(double x) {
        return x <= 0 && x == Math.rint(x);
    }

    /** The digamma function psi(x) = d/dx ln Gamma(x), to about 1e-15 relative; NaN at the poles 0, -1, -2, .... */
    static double digamma(double x) {
        if (Double.isNaN(x) || isNonPositiveInteger(x)) {
            return Double.NaN;
        }
        if (x < 0) {
            // Reflection: psi(x) = psi(1 - x) - pi / tan(pi x).
            return digamma(1 - x) - Math.PI / Math.tan(Math.PI * reduceModTwo(x));
        }
        if (x < 1e-6) {
            return -1 / x - EULER_GAMMA + 1.6449340668482264 * x;
        }
        double shift = 0;
        while (x < 10) {
            shift -= 1 / x;
            x += 1;
        }
        double inv2 = 1 / (x * x);
        // Asymptotic expansion with the Bernoulli numbers B2..B14: below 1e-16 for x >= 10.
        double series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240
                - inv2 * (1.0 / 132 - inv2 * (691.0 / 32760 - inv2 / 12))))));
        return shift + Math.log(x) - 0.5 / x - series;
    }

    /** The trigamma function psi'(x) for x &gt; 0, to about 1e-15 relative. */
    static double trigamma(double x) {
        if (!(x > 0)) {
            return Double.NaN;
        }
        if (x < 1e-6) {
            return 1 / (x * x) + 1.6449340668482264;
        }
        double shift = 0;
        while (x < 10) {
            shift += 1 / (x * x);
            x += 1;
        }
        double inv = 1 / x;
        double inv2 = inv * inv;
        // psi'(x) ~ 1/x + 1/(2x^2) + sum B_2k / x^(2k+1)
        double series = inv + inv2 / 2 + inv * inv2 * (1.0 / 6 - inv2 * (1.0 / 30 - inv2 * (1.0 / 42 - inv2 * (1.0 / 30
                - inv2 * (5.0 / 66 - inv2 * (691.0 / 2730 - inv2 * 7.0 / 6))))));
        return shift + series;
    }

    /** ln |Gamma(x)| for any x that is not a pole (0, -1, -2, ...), where it is +infinity. */
    static double logAbsGamma(double x) {
        if (x > 0) {
            return Gamma.logGamma(x);
        }
        if (isNonPositiveInteger(x)) {
            return Double.POSITIVE_INFINITY;
        }
        // Reflection: Gamma(x) Gamma(1 - x) = pi / sin(pi x).
        double sin = Math.abs(Math.sin(Math.PI * reduceModTwo(x)));
        return Math.log(Math.PI / sin) - Gamma.logGamma(1 - x);
    }

    /** The sign of Gamma(x): +1 for x > 0, alternating between the negative poles; 0 at a pole. */
    static int gammaSign(double x) {
        if (x > 0) {
            return 1;
        }
        if (isNonPositiveInteger(x)) {
            return 0;
        }
        return ((long) Math.floor(x)) % 2 == 0 ? 1 : -1;
    }

    /**
     * Returns x minus the nearest even integer, in [-1, 1]: the same sin(pi x) and tan(pi x), and exact, so that
     * they stay accurate both for large |x| and for x near 0.
     */
    private static double reduceModTwo(double x) {
        return x - 2 * Math.rint(x / 2);
    }

    /**
     * Returns {@code (1 - exp(-c u)) / c} without cancellation, and its limit {@code u} at {@code c = 0}. This is
     * {@code (1 - q^c) / c} for {@code q = exp(-u)}, which the Pareto/NBD and BG/NBD expectations contain and which
     * must stay finite when a shape parameter crosses 1.
     */
    static double oneMinusPowerOverExponent(double u, double c) {
        double cu = c * u;
        if (Math.abs(cu) < 1e-10) {
            return u * (1 - cu / 2);
        }
        return -Math.expm1(-cu) / c;
    }
}
