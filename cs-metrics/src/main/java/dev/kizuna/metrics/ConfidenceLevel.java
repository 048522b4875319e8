package dev.kizuna.metrics;

/**
 * A two-sided confidence level such as 95%, and its standard normal critical value {@code z}.
 *
 * <p>{@code z} is the inverse of the standard normal distribution function at {@code (1 + level) / 2}, computed with
 * P. J. Acklam's rational approximation (relative error below 1.2e-9): 1.959964 for 95%, 2.575829 for 99%.
 *
 * <p>Immutable and thread-safe.
 *
 * @param level the confidence level, strictly between 0 and 1
 */
public record ConfidenceLevel(double level) {

    /** The 90% level (z = 1.644854). */
    public static final ConfidenceLevel NINETY = new ConfidenceLevel(0.90);
    /** The 95% level (z = 1.959964), the default of every calculator that reports a margin of error or a band. */
    public static final ConfidenceLevel NINETY_FIVE = new ConfidenceLevel(0.95);
    /** The 99% level (z = 2.575829). */
    public static final ConfidenceLevel NINETY_NINE = new ConfidenceLevel(0.99);

    /** Validates the level. */
    public ConfidenceLevel {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level: " + level + " must be strictly between 0 and 1");
        }
    }

    /** Returns the confidence level {@code level}, for example {@code 0.95}. */
    public static ConfidenceLevel of(double level) {
        return new ConfidenceLevel(level);
    }

    /** Returns the two-sided standard normal critical value for this level. */
    public double z() {
        return inverseStandardNormal((1 + level) / 2);
    }

    /** Acklam's algorithm for the standard normal quantile function. */
    static double inverseStandardNormal(double p) {
        final double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
        final double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01};
        final double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
        final double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
            3.754408661907416e+00};
        final double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low) {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

    @Override
    public String toString() {
        return (level * 100) + "%";
    }
}
