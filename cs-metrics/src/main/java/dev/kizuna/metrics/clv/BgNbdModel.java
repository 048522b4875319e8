package dev.kizuna.metrics.clv;

import dev.kizuna.core.internal.Checks;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The BG/NBD model of Fader, Hardie and Lee (2005), "Counting Your Customers the Easy Way: An Alternative to the
 * Pareto/NBD Model", Marketing Science 24(2). While alive, a customer buys as a Poisson process with rate lambda,
 * gamma(r, alpha) across customers; after each purchase the customer drops out with probability p, beta(a, b)
 * across customers.
 *
 * <p>The formulas, with x repeat transactions, recency t_x and age T (equation numbers of the paper):
 * <ul>
 *   <li>likelihood (6): {@code L = B(a,b+x)/B(a,b) Gamma(r+x) alpha^r / (Gamma(r) (alpha+T)^(r+x))
 *       + [x>0] B(a+1,b+x-1)/B(a,b) Gamma(r+x) alpha^r / (Gamma(r) (alpha+t_x)^(r+x))};</li>
 *   <li>E[X(t)] (7): {@code (a+b-1)/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b; a+b-1; t/(alpha+t))]};</li>
 *   <li>P(X(t) = k) (8), with the negative binomial tail written as the regularised incomplete beta function
 *       {@code I_{t/(alpha+t)}(k, r)};</li>
 *   <li>P(alive | x, t_x, T) = {@code 1 / (1 + [x>0] a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x))};</li>
 *   <li>E[Y(t) | x, t_x, T] (10): {@code (a+b+x-1)/(a-1) [1 - ((alpha+T)/(alpha+T+t))^(r+x)
 *       2F1(r+x, b+x; a+b+x-1; t/(alpha+T+t))] P(alive)}.</li>
 * </ul>
 * The printed expectations divide zero by zero when a = 1, and their 2F1 has a parameter &lt;= 0 when
 * a + b + x &lt;= 1. So in those cases, and whenever t/(alpha+T+t) &lt;= 1/2, they are summed as the series that
 * Euler's transformation gives once the factor (a-1) is divided out, which is finite and accurate throughout;
 * otherwise the printed formula is used, with {@link Hypergeometric}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param r      shape of the purchase-rate distribution, &gt; 0
 * @param alpha  scale of the purchase-rate distribution, &gt; 0, in the time unit of the data
 * @param a      first shape of the dropout-probability distribution, &gt; 0
 * @param b      second shape of the dropout-probability distribution, &gt; 0
 * @param report how the model was fitted; empty when it was built from known parameters
 */
public record BgNbdModel(double r, double alpha, double a, double b, Optional<FitReport> report) implements TransactionModel {
    private static final String[] NAMES = {"r", "alpha", "a", "b"};

    /** Validates the parameters. */
    public BgNbdModel {
        Checks.finitePositive(r, "r");
        Checks.finitePositive(alpha, "alpha");
        Checks.finitePositive(a, "a");
        Checks.finitePositive(b, "b");
        Objects.requireNonNull(report, "report");
    }

    /** Returns the model with known parameters, for example published estimates. */
    public static BgNbdModel of(double r, double alpha, double a, double b) {
        return new BgNbdModel(r, alpha, a, b, Optional.empty());
    }

    /** Fits the model by maximum likelihood with {@link FitOptions#DEFAULT}. */
    public static BgNbdModel fit(RfmSummary summary) {
        return fit(summary, FitOptions.DEFAULT);
    }

    /**
     * Fits the model by maximum likelihood. See {@link FitReport} for the diagnostics and {@link FitStatus} for how
     * degenerate data shows.
     *
     * @throws IllegalArgumentException if the summary has fewer than two customers, or no customer made a repeat
     *                                  transaction (the purchase rate is then not identified: the likelihood keeps
     *                                  rising as r/alpha goes to 0)
     */
    public static BgNbdModel fit(RfmSummary summary, FitOptions options) {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(options, "options");
        RepeatData data = RepeatData.of(summary);
        data.requireFittable("BG/NBD");
        MaximumLikelihood.Result fit = MaximumLikelihood.maximise(new Likelihood(data), starts(data, options.starts()), options);
        double[] theta = fit.theta();
        return new BgNbdModel(theta[0], theta[1], theta[2], theta[3],
                Optional.of(MaximumLikelihood.report(fit, NAMES, data.customers, 0)));
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("r", r);
        p.put("alpha", alpha);
        p.put("a", a);
        p.put("b", b);
        return Collections.unmodifiableMap(p);
    }

    /** Returns the log-likelihood of the summary under this model's parameters. */
    public double logLikelihood(RfmSummary summary) {
        Objects.requireNonNull(summary, "summary");
        return new Likelihood(RepeatData.of(summary)).value(new double[] {Math.log(r), Math.log(alpha), Math.log(a), Math.log(b)});
    }

    @Override
    public double expectedTransactions(double t) {
        Checks.finiteNonNegative(t, "t");
        return new Expectations(this).whileAlive(t, 0, 0);
    }

    @Override
    public double probabilityOfTransactions(int k, double t) {
        if (k < 0) {
            throw new IllegalArgumentException("k: " + k + " must be >= 0");
        }
        Checks.finiteNonNegative(t, "t");
        if (t == 0) {
            return k == 0 ? 1 : 0;
        }
        double logBab = Beta.logBeta(a, b);
        double first = Math.exp(Beta.logBeta(a, b + k) - logBab + Gamma.logGamma(r + k) - Gamma.logGamma(r)
                - Gamma.logGamma(k + 1.0) + r * Math.log(alpha / (alpha + t)) + k * Math.log(t / (alpha + t)));
        if (k == 0) {
            return first;
        }
        double dropped = Math.exp(Beta.logBeta(a + 1, b + k - 1) - logBab) * Beta.regularizedBeta(t / (alpha + t), k, r);
        return first + dropped;
    }

    @Override
    public double probabilityAlive(int x, double recency, double age) {
        Histories.check(x, recency, age);
        return alive(x, recency, age);
    }

    @Override
    public double conditionalExpectedTransactions(double t, int x, double recency, double age) {
        Checks.finiteNonNegative(t, "t");
        Histories.check(x, recency, age);
        return new Expectations(this).whileAlive(t, x, age) * alive(x, recency, age);
    }

    @Override
    public void probabilityAlive(int[] x, double[] recency, double[] age, double[] out) {
        Histories.sameLength(x, recency, age, out);
        for (int i = 0; i < x.length; i++) {
            Histories.checkRow(i, x[i], recency[i], age[i]);
            out[i] = alive(x[i], recency[i], age[i]);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>The 2F1 part depends on a customer only through x and T, so it is evaluated once per distinct pair (see
     * {@link HistoryCache}): customers summarised from a transaction log share few such pairs. Its coefficients
     * that depend on x alone are computed once per x (see {@link Expectations}).
     */
    @Override
    public void conditionalExpectedTransactions(double t, int[] x, double[] recency, double[] age, double[] out) {
        Checks.finiteNonNegative(t, "t");
        Histories.sameLength(x, recency, age, out);
        HistoryCache cache = HistoryCache.forBatch(x.length);
        Expectations expectations = new Expectations(this);
        for (int i = 0; i < x.length; i++) {
            Histories.checkRow(i, x[i], recency[i], age[i]);
            int slot = cache.slot(x[i], age[i]);
            double whileAlive = cache.holds(slot, x[i], age[i]) ? cache.value(slot)
                    : cache.put(slot, x[i], age[i], expectations.whileAlive(t, x[i], age[i]));
            out[i] = whileAlive * alive(x[i], recency[i], age[i]);
        }
    }

    /** P(alive) of a valid history, unchecked. */
    double alive(int x, double recency, double age) {
        if (x == 0) {
            return 1;
        }
        double logOdds = Math.log(a / (b + x - 1)) + (r + x) * (Math.log(alpha + age) - Math.log(alpha + recency));
        return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
    }

    /**
     * The numerator of equation (10) for one customer after another, as batch predictions and CLV need it: the
     * 2F1(r+x, b+x; a+b+x-1; .) of each x is prepared once (see {@link Hypergeometric.Prepared}). Not thread-safe:
     * one instance per batch.
     */
    static final class Expectations {
        private final BgNbdModel model;
        private Hypergeometric.Prepared[] byX = new Hypergeometric.Prepared[16];

        Expectations(BgNbdModel model) {
            this.model = model;
        }

        /**
         * The expected transactions in (T, T+t] of a customer known to be alive at T with x repeat transactions; with
         * x = 0 and T = 0 it is E[X(t)].
         */
        double whileAlive(double t, int x, double age) {
            return model.expectedWhileAlive(t, x, age, this);
        }

        Hypergeometric.Prepared prepared(int x, double c) {
            if (x >= byX.length) {
                byX = java.util.Arrays.copyOf(byX, Math.max(x + 1, 2 * byX.length));
            }
            Hypergeometric.Prepared p = byX[x];
            if (p == null) {
                p = new Hypergeometric.Prepared(model.r + x, model.b + x, c);
                byX[x] = p;
            }
            return p;
        }
    }

    private double expectedWhileAlive(double t, int x, double age, Expectations expectations) {
        if (t == 0) {
            return 0;
        }
        double base = alpha + age;
        double z = t / (base + t);
        double logQ = Math.log(base / (base + t));
        double c = a + b + x - 1;
        if (z <= 0.5 || c <= 0 || Math.abs(a - 1) < 1e-4) {
            // c (1 - q^(a-1))/(a-1) - q^(a-1) K, K = sum_{n>=1} (A)_n (a)_{n-1} / ((c+1)_{n-1} n!) z^n, A = a+b-1-r
            double qa = Math.exp((a - 1) * logQ);
            return c * Special.oneMinusPowerOverExponent(-logQ, a - 1) - qa * seriesK(a + b - 1 - r, c + 1, z);
        }
        double y = (r + x) * logQ + expectations.prepared(x, c).logF21(z, Math.log1p(-z), Hypergeometric.LONG_BUDGET);
        return c / (a - 1) * -Math.expm1(y);
    }

    /** {@code sum_{n>=1} (A)_n (a)_{n-1} / ((C)_{n-1} n!) z^n}, summed to full precision. */
    private double seriesK(double bigA, double bigC, double z) {
        double term = bigA * z;
        double sum = term;
        for (int n = 1; n < 10_000_000; n++) {
            double ratio = (bigA + n) * (a + n - 1) / ((bigC + n - 1) * (n + 1)) * z;
            term *= ratio;
            sum += term;
            double m = Math.max(Math.abs(ratio), z);
            if (term == 0 || (m < 1 && Math.abs(term) * m <= 0x1.0p-53 * (1 - m) * Math.abs(sum))) {
                return sum;
            }
        }
        throw new ArithmeticException("BG/NBD expectation did not converge for t/(alpha+T+t) = " + z);
    }

    /** A data-driven first start and others spread deterministically around it. */
    private static double[][] starts(RepeatData d, int count) {
        double sumX = 0;
        double sumT = 0;
        for (int k = 0; k < d.groups(); k++) {
            sumX += d.weight[k] * d.x[k];
            sumT += d.weight[k] * d.t[k];
        }
        double rate = Math.max(sumX / Math.max(sumT, 1e-9), 1e-6);
        double[] first = {0, Math.log(1 / rate), 0, 0};
        return MaximumLikelihood.spread(first, count);
    }

    /**
     * The BG/NBD log-likelihood over (ln r, ln alpha, ln a, ln b), with its analytic gradient and Hessian. Holds
     * scratch arrays: one instance per fit, not shared between threads.
     */
    static final class Likelihood extends AnalyticLikelihood {
        private final RepeatData d;
        private final double[] sum;
        private final double[] dr;
        private final double[] drr;
        private final double[] da;
        private final double[] db;
        private final double[] dab2;
        private final double[] dbb;
        private final double[] lnBx;
        private final double[] invBx;
        private final double[] lnTime;
        private final double[] invTime;
        private final double[] theta = new double[4];

        Likelihood(RepeatData d) {
            super(4);
            this.d = d;
            int m = d.maxX + 1;
            this.sum = new double[m];
            this.dr = new double[m];
            this.drr = new double[m];
            this.da = new double[m];
            this.db = new double[m];
            this.dab2 = new double[m];
            this.dbb = new double[m];
            this.lnBx = new double[m];
            this.invBx = new double[m];
            this.lnTime = new double[d.times.length];
            this.invTime = new double[d.times.length];
        }

        /**
         * Evaluates ln L and, by {@code order}, its gradient (1) and Hessian (2) into {@link #g} and {@link #h}, with
         * respect to phi = ln(theta): {@code g_phi = theta g_theta} and
         * {@code H_phi = theta_i theta_j H_theta + diag(theta g_theta)}.
         */
        @Override
        double evaluate(double[] phi, int order) {
            for (int i = 0; i < 4; i++) {
                theta[i] = Math.exp(phi[i]);
            }
            double r = theta[0];
            double alpha = theta[1];
            double a = theta[2];
            double b = theta[3];
            // Sums over i < x of ln(r+i) + ln(b+i) - ln(a+b+i), i.e. ln[Gamma(r+x)/Gamma(r) B(a,b+x)/B(a,b)], and
            // their derivatives, for every x up to the largest.
            for (int i = 0; i < d.maxX; i++) {
                double ri = 1 / (r + i);
                double bi = 1 / (b + i);
                double abi = 1 / (a + b + i);
                sum[i + 1] = sum[i] + Math.log((r + i) * (b + i) * abi);
                dr[i + 1] = dr[i] + ri;
                drr[i + 1] = drr[i] - ri * ri;
                da[i + 1] = da[i] - abi;
                db[i + 1] = db[i] + bi - abi;
                dab2[i + 1] = dab2[i] + abi * abi;
                dbb[i + 1] = dbb[i] - bi * bi + abi * abi;
                lnBx[i + 1] = Math.log(b + i);
                invBx[i + 1] = bi;
            }
            for (int j = 0; j < d.times.length; j++) {
                lnTime[j] = Math.log(alpha + d.times[j]);
                invTime[j] = 1 / (alpha + d.times[j]);
            }
            double lnAlpha = Math.log(alpha);
            double lnA = Math.log(a);
            double ll = 0;
            double gr = 0;
            double gAlpha = 0;
            double ga = 0;
            double gb = 0;
            double hrr = 0;
            double hrAlpha = 0;
            double hAlphaAlpha = 0;
            double haa = 0;
            double hab = 0;
            double hbb = 0;
            double hra = 0;
            double hrb = 0;
            double hAlphaA = 0;
            double hAlphaB = 0;
            for (int k = 0; k < d.x.length; k++) {
                int x = d.x[k];
                double w = d.weight[k];
                double lnT = lnTime[d.tIndex[k]];
                double invT = invTime[d.tIndex[k]];
                double rx = r + x;
                double a3 = -rx * lnT;
                if (x == 0) {
                    ll += w * (r * lnAlpha + a3);
                    if (order > 0) {
                        gr += w * (lnAlpha - lnT);
                        gAlpha += w * (r / alpha - r * invT);
                        if (order > 1) {
                            hrAlpha += w * (1 / alpha - invT);
                            hAlphaAlpha += w * (-r / (alpha * alpha) + r * invT * invT);
                        }
                    }
                    continue;
                }
                double lnTx = lnTime[d.txIndex[k]];
                double invTx = invTime[d.txIndex[k]];
                double invB = invBx[x];
                double a4 = lnA - lnBx[x] - rx * lnTx;
                double e = Math.exp(-Math.abs(a3 - a4));
                ll += w * (sum[x] + r * lnAlpha + Math.max(a3, a4) + Math.log(1 + e));
                if (order > 0) {
                    double w3 = a3 >= a4 ? 1 / (1 + e) : e / (1 + e);
                    double w4 = 1 - w3;
                    gr += w * (dr[x] + lnAlpha - w3 * lnT - w4 * lnTx);
                    gAlpha += w * (r / alpha - rx * (w3 * invT + w4 * invTx));
                    ga += w * (da[x] + w4 / a);
                    gb += w * (db[x] - w4 * invB);
                    if (order > 1) {
                        // Hessian of logsumexp(A3, A4): w3 H3 + w4 H4 + w3 w4 (grad A3 - grad A4)(...)^T.
                        double c = w * w3 * w4;
                        double dR = lnTx - lnT;
                        double dAlpha = rx * (invTx - invT);
                        double dA = -1 / a;
                        double dB = invB;
                        hrr += w * drr[x] + c * dR * dR;
                        hrAlpha += w * (1 / alpha - w3 * invT - w4 * invTx) + c * dR * dAlpha;
                        hAlphaAlpha += w * (-r / (alpha * alpha) + rx * (w3 * invT * invT + w4 * invTx * invTx))
                                + c * dAlpha * dAlpha;
                        hra += c * dR * dA;
                        hrb += c * dR * dB;
                        hAlphaA += c * dAlpha * dA;
                        hAlphaB += c * dAlpha * dB;
                        haa += w * (dab2[x] - w4 / (a * a)) + c * dA * dA;
                        hab += w * dab2[x] + c * dA * dB;
                        hbb += w * (dbb[x] + w4 * invB * invB) + c * dB * dB;
                    }
                }
            }
            if (order > 0) {
                double[] gt = {gr, gAlpha, ga, gb};
                for (int i = 0; i < 4; i++) {
                    g[i] = theta[i] * gt[i];
                }
                if (order > 1) {
                    double[][] ht = {
                        {hrr, hrAlpha, hra, hrb},
                        {hrAlpha, hAlphaAlpha, hAlphaA, hAlphaB},
                        {hra, hAlphaA, haa, hab},
                        {hrb, hAlphaB, hab, hbb}};
                    for (int i = 0; i < 4; i++) {
                        for (int j = 0; j < 4; j++) {
                            h[i][j] = theta[i] * theta[j] * ht[i][j] + (i == j ? g[i] : 0);
                        }
                    }
                }
            }
            return Double.isNaN(ll) ? Double.NEGATIVE_INFINITY : ll;
        }
    }
}
