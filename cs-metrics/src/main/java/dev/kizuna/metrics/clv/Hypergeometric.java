package dev.kizuna.metrics.clv;

import org.hipparchus.special.Gamma;

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) for a, b, c &gt; 0 and 0 &lt;= z &lt; 1, the range the CLV
 * models use. There every term of the Gauss series is positive, so 2F1 &gt;= 1 and its logarithm is defined. Written
 * here because Hipparchus (4.0.2) has no hypergeometric function.
 *
 * <p>The evaluation picks, in order, the first method that converges without losing digits:
 * <ol>
 *   <li>The Gauss series, after Euler's transformation {@code 2F1(a,b;c;z) = (1-z)^(c-a-b) 2F1(c-a,c-b;c;z)} when
 *       {@code c-a-b < 0} (the transformed terms then decay faster). For z &lt;= 0.75 the series always converges
 *       quickly; above that it is given 200 terms, enough whenever c is large next to a and b.</li>
 *   <li>The linear transformation to {@code 1-z} (Abramowitz and Stegun 15.3.6), whose series converge at least as
 *       fast as 0.25^n. When {@code c-a-b} is an integer the gamma functions of that formula have poles; then the
 *       logarithmic formulas 15.3.10 to 15.3.12 are used instead. The result is accepted only if the two terms of
 *       the formula do not cancel by more than a factor of 10^4.</li>
 *   <li>The Gauss series again, with up to 10^6 terms, which converges for z up to about 1 - 4e-5.</li>
 * </ol>
 * The relative error is about 1e-14 in the usual range and stays below about 1e-10 everywhere tested against
 * mpmath (see {@code HypergeometricTest}).
 *
 * <p>Stateless and thread-safe.
 */
final class Hypergeometric {
    private static final double EPS = 0x1.0p-53;
    private static final double SERIES_Z = 0.75;
    private static final int SHORT_BUDGET = 200;
    private static final int SERIES_BUDGET = 100_000;
    /** The most terms of the last resort: enough for z up to about 1 - 4e-5. */
    static final int LONG_BUDGET = 1_000_000;
    private static final double MAX_CANCELLATION = 1e4;
    private static final int MAX_INTEGER_SHIFT = 150;

    private Hypergeometric() {
    }

    /** Returns 2F1(a, b; c; z) for a, b, c &gt; 0 and 0 &lt;= z &lt; 1; +infinity if it overflows a double. */
    static double f21(double a, double b, double c, double z) {
        return Math.exp(logF21(a, b, c, z));
    }

    /**
     * Returns ln 2F1(a, b; c; z) for a, b, c &gt; 0 and 0 &lt;= z &lt; 1.
     *
     * @throws IllegalArgumentException if an argument is outside that range
     * @throws ArithmeticException      if no method converges (z within about 4e-5 of 1 with parameters for which
     *                                  the 1-z transformation is ill-conditioned)
     */
    static double logF21(double a, double b, double c, double z) {
        return logF21(a, b, c, z, Math.log1p(-z), LONG_BUDGET);
    }

    /**
     * {@link #logF21(double, double, double, double)} with {@code ln(1 - z)} supplied by a caller that has it, and
     * a smaller budget for the last-resort series: a likelihood being maximised prefers a quick
     * {@link ArithmeticException}, which it reads as a zero likelihood, at parameters far from any maximum.
     */
    static double logF21(double a, double b, double c, double z, double logOneMinusZ, int lastResortTerms) {
        if (!(a > 0 && b > 0 && c > 0) || !Double.isFinite(a + b + c)) {
            throw new IllegalArgumentException("2F1: a=" + a + ", b=" + b + ", c=" + c + " must be finite and > 0");
        }
        if (!(z >= 0 && z < 1)) {
            throw new IllegalArgumentException("2F1: z=" + z + " must be in [0, 1)");
        }
        if (z == 0) {
            return 0;
        }
        double d = c - a - b;
        boolean euler = d < 0;
        double sa = euler ? c - a : a;
        double sb = euler ? c - b : b;
        double logPrefactor = euler ? d * logOneMinusZ : 0;
        double s = positiveSeries(sa, sb, c, z, z <= SERIES_Z ? SERIES_BUDGET : SHORT_BUDGET);
        if (s > 0) {
            return logPrefactor + Math.log(s);
        }
        double transformed = oneMinusZ(a, b, c, z);
        if (!Double.isNaN(transformed)) {
            return transformed;
        }
        s = positiveSeries(sa, sb, c, z, lastResortTerms);
        if (s > 0) {
            return logPrefactor + Math.log(s);
        }
        throw new ArithmeticException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge");
    }

    /**
     * Sums the Gauss series; returns NaN when it does not converge within {@code budget} terms or loses more than
     * four digits to cancellation (possible after Euler's transformation, whose parameters may be negative).
     */
    private static double positiveSeries(double a, double b, double c, double z, int budget) {
        double term = 1;
        double sum = 1;
        double abs = 1;
        for (int n = 0; n < budget; n++) {
            double ratio = (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            term *= ratio;
            sum += term;
            abs += Math.abs(term);
            if (converged(term, ratio, z, sum)) {
                return abs <= MAX_CANCELLATION * Math.abs(sum) ? sum : Double.NaN;
            }
        }
        return Double.NaN;
    }

    /**
     * Whether the tail after {@code term} is negligible: once the term ratio is below one it tends to z, from
     * above or below, so the tail is at most {@code |term| m / (1 - m)} with {@code m = max(|ratio|, z)}.
     */
    private static boolean converged(double term, double ratio, double z, double sum) {
        if (term == 0) {
            return true;
        }
        double m = Math.max(Math.abs(ratio), z);
        return m < 1 && Math.abs(term) * m <= EPS * (1 - m) * Math.abs(sum);
    }

    /** The transformation to 1-z, in logarithms; NaN when it is ill-conditioned. */
    private static double oneMinusZ(double a, double b, double c, double z) {
        double d = c - a - b;
        double m = Math.rint(d);
        // c - a - b carries the rounding of the subtraction: within a few ulps of an integer, it is that integer.
        if (Math.abs(d - m) <= 8 * Math.ulp(Math.max(c, Math.max(a, b)))) {
            return Math.abs(m) <= MAX_INTEGER_SHIFT ? integerShift(a, b, (int) m, z) : Double.NaN;
        }
        return new Prepared(a, b, c).transform(z);
    }

    /**
     * Sums 2F1(a, b; c; w) for w &lt;= 0.25 and any real parameters, or with {@code absolute} the sum of the terms'
     * absolute values; NaN if it does not converge or overflows.
     */
    private static double gauss(double a, double b, double c, double w, boolean absolute) {
        double term = 1;
        double sum = 1;
        for (int n = 0; n < SERIES_BUDGET; n++) {
            double ratio = (a + n) * (b + n) / ((c + n) * (n + 1)) * w;
            term *= ratio;
            sum += absolute ? Math.abs(term) : term;
            if (!Double.isFinite(sum)) {
                return Double.NaN;
            }
            if (converged(term, ratio, w, sum)) {
                return sum;
            }
        }
        return Double.NaN;
    }

    /** How much the series of {@code sum} cancels: 1 when every term is positive, else (sum of |terms|) / |sum|. */
    private static double cancellation(double a, double b, double c, double w, double sum) {
        if (a > 0 && b > 0 && c > 0) {
            return 1;
        }
        return gauss(a, b, c, w, true) / Math.abs(sum);
    }

    /**
     * The limit formulas for an integer {@code m = c-a-b} (Abramowitz and Stegun 15.3.10 for m = 0, 15.3.11 for
     * m &gt; 0, 15.3.12 for m &lt; 0), in logarithms; NaN when ill-conditioned.
     */
    private static double integerShift(double a, double b, int m, double z) {
        double w = 1 - z;
        double logW = Math.log(w);
        int k = Math.abs(m);
        double logC = Gamma.logGamma(a + b + m);
        // The finite sum: sum_{n<k} (p)_n (q)_n / (n! (1-k)_n) w^n, with p, q = a, b (m > 0) or a-k, b-k (m < 0).
        double p = m > 0 ? a : a - k;
        double q = m > 0 ? b : b - k;
        double finite = 0;
        double finiteAbs = 0;
        double t = 1;
        for (int n = 0; n < k; n++) {
            if (n > 0) {
                t *= (p + n - 1) * (q + n - 1) / (n * (n - k)) * w;
            }
            finite += t;
            finiteAbs += Math.abs(t);
        }
        int signA;
        double logA;
        if (k == 0 || finite == 0) {
            signA = 0;
            logA = Double.NEGATIVE_INFINITY;
        } else if (m > 0) {
            signA = finite > 0 ? 1 : -1;
            logA = Gamma.logGamma(k) + logC - Gamma.logGamma(a + k) - Gamma.logGamma(b + k) + Math.log(Math.abs(finite));
        } else {
            signA = finite > 0 ? 1 : -1;
            logA = Gamma.logGamma(k) + logC - Gamma.logGamma(a) - Gamma.logGamma(b) - k * logW
                    + Math.log(Math.abs(finite));
        }
        // The infinite sum: sum_n (u)_n (v)_n / (n! (n+k)!) w^n [ln w - psi(n+1) - psi(n+k+1) + psi(u+n) + psi(v+n)]
        // with u, v = a+k, b+k (m >= 0) or a, b (m < 0).
        double u = m >= 0 ? a + k : a;
        double v = m >= 0 ? b + k : b;
        double psiN1 = -0.57721566490153286061;
        double psiNk1 = Special.digamma(k + 1.0);
        double psiU = Special.digamma(u);
        double psiV = Special.digamma(v);
        double term = Math.exp(-Gamma.logGamma(k + 1.0));
        double sum = 0;
        double abs = 0;
        boolean done = false;
        for (int n = 0; n < SERIES_BUDGET; n++) {
            if (n > 0) {
                double ratio = (u + n - 1) * (v + n - 1) / (n * (double) (n + k)) * w;
                term *= ratio;
                psiN1 += 1.0 / n;
                psiNk1 += 1.0 / (n + k);
                psiU += 1 / (u + n - 1);
                psiV += 1 / (v + n - 1);
            }
            double x = term * (logW - psiN1 - psiNk1 + psiU + psiV);
            sum += x;
            abs += Math.abs(x);
            double nextRatio = (u + n) * (v + n) / ((n + 1.0) * (n + k + 1.0)) * w;
            if (n > 2 && converged(x, nextRatio, w, sum)) {
                done = true;
                break;
            }
        }
        if (!done || sum == 0) {
            return Double.NaN;
        }
        // Coefficient: -(-1)^m ... for m >= 0 it is -(z-1)^m = -(-1)^m w^m; for m < 0 it is -(-1)^k.
        int signB = (k % 2 == 0 ? -1 : 1) * (sum > 0 ? 1 : -1);
        double logB;
        if (m >= 0) {
            logB = k * logW + logC - Gamma.logGamma(a) - Gamma.logGamma(b) + Math.log(Math.abs(sum));
        } else {
            int poles = Special.gammaSign(a - k) * Special.gammaSign(b - k);
            if (poles == 0) {
                signB = 0;
                logB = Double.NEGATIVE_INFINITY;
            } else {
                signB *= poles;
                logB = logC - Special.logAbsGamma(a - k) - Special.logAbsGamma(b - k) + Math.log(Math.abs(sum));
            }
        }
        double cancelA = finite == 0 ? 1 : finiteAbs / Math.abs(finite);
        return combine(signA, logA, cancelA, signB, logB, abs / Math.abs(sum));
    }

    /**
     * Returns ln(s1 e^l1 + s2 e^l2) if the sum is positive and the parts, weighted by their own cancellation
     * factors, do not exceed it by more than {@link #MAX_CANCELLATION}; NaN otherwise.
     */
    private static double combine(int s1, double l1, double c1, int s2, double l2, double c2) {
        double max = Math.max(l1, l2);
        if (max == Double.NEGATIVE_INFINITY || Double.isNaN(max)) {
            return Double.NaN;
        }
        double e1 = s1 == 0 ? 0 : Math.exp(l1 - max);
        double e2 = s2 == 0 ? 0 : Math.exp(l2 - max);
        double total = s1 * e1 + s2 * e2;
        if (!(total > 0) || !(e1 * c1 + e2 * c2 <= MAX_CANCELLATION * total)) {
            return Double.NaN;
        }
        return max + Math.log(total);
    }

    /**
     * 2F1(a, b; c; z) for fixed a, b, c at many z, as the BG/NBD expectation of a batch of customers needs: the
     * gamma-function coefficients of the transformation to 1-z are computed once, and above z = 0.75 that
     * transformation (two series in 1-z, about twenty terms each at z = 0.8) is tried before the Gauss series (about
     * two hundred terms there). Where it is ill-conditioned, or c-a-b is an integer, {@link #logF21(double, double,
     * int)} is that of the enclosing class. Immutable and thread-safe.
     */
    static final class Prepared {
        private final double a;
        private final double b;
        private final double c;
        private final double d;
        private final boolean transformable;
        private final int sign1;
        private final int sign2;
        private final double log1;
        private final double log2;

        /** Prepares 2F1(a, b; c; .) for a, b, c &gt; 0. */
        Prepared(double a, double b, double c) {
            this.a = a;
            this.b = b;
            this.c = c;
            this.d = c - a - b;
            double m = Math.rint(d);
            // c - a - b carries the rounding of the subtraction: within a few ulps of an integer, it is that integer.
            this.transformable = !(Math.abs(d - m) <= 8 * Math.ulp(Math.max(c, Math.max(a, b))));
            if (transformable) {
                double logC = Gamma.logGamma(c);
                // Term 1: Gamma(c) Gamma(d) / (Gamma(c-a) Gamma(c-b)) 2F1(a, b; 1-d; w); zero when c-a or c-b is a pole.
                this.sign1 = Special.gammaSign(d) * Special.gammaSign(c - a) * Special.gammaSign(c - b);
                this.log1 = logC + Special.logAbsGamma(d) - Special.logAbsGamma(c - a) - Special.logAbsGamma(c - b);
                // Term 2: w^d Gamma(c) Gamma(-d) / (Gamma(a) Gamma(b)) 2F1(c-a, c-b; 1+d; w).
                this.sign2 = Special.gammaSign(-d);
                this.log2 = logC + Special.logAbsGamma(-d) - Gamma.logGamma(a) - Gamma.logGamma(b);
            } else {
                this.sign1 = 0;
                this.sign2 = 0;
                this.log1 = Double.NaN;
                this.log2 = Double.NaN;
            }
        }

        /** Returns ln 2F1(a, b; c; z) for 0 &lt;= z &lt; 1; see {@link Hypergeometric#logF21(double, double, double,
         * double, double, int)}. */
        double logF21(double z, double logOneMinusZ, int lastResortTerms) {
            if (z > SERIES_Z && z < 1 && transformable) {
                double v = transform(z);
                if (!Double.isNaN(v)) {
                    return v;
                }
            }
            return Hypergeometric.logF21(a, b, c, z, logOneMinusZ, lastResortTerms);
        }

        /** The transformation to 1-z (Abramowitz and Stegun 15.3.6), in logarithms; NaN when ill-conditioned. */
        double transform(double z) {
            if (!transformable) {
                return Double.NaN;
            }
            double w = 1 - z;
            double s1 = gauss(a, b, 1 - d, w, false);
            double s2 = gauss(c - a, c - b, 1 + d, w, false);
            if (Double.isNaN(s1) || Double.isNaN(s2) || s1 == 0 || s2 == 0) {
                return Double.NaN;
            }
            int first = sign1 * (s1 > 0 ? 1 : -1);
            double logFirst = first == 0 ? Double.NEGATIVE_INFINITY : log1 + Math.log(Math.abs(s1));
            int second = sign2 * (s2 > 0 ? 1 : -1);
            double logSecond = second == 0 ? Double.NEGATIVE_INFINITY : d * Math.log(w) + log2 + Math.log(Math.abs(s2));
            return combine(first, logFirst, cancellation(a, b, 1 - d, w, s1), second, logSecond,
                    cancellation(c - a, c - b, 1 + d, w, s2));
        }
    }
}
