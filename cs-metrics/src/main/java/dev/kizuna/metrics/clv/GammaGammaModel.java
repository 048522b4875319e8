package dev.kizuna.metrics.clv;

import dev.kizuna.core.internal.Checks;
import org.hipparchus.special.Gamma;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Gamma-Gamma model of spend per transaction, from Fader, Hardie and Lee (2005), "RFM and CLV: Using Iso-Value
 * Curves for Customer Base Analysis", Journal of Marketing Research 42(4), with the estimation of Fader and Hardie's
 * note "The Gamma-Gamma Model of Monetary Value" (2013). A customer's transaction amounts are gamma(p, nu); nu is
 * gamma(q, gamma) across customers. Spend is assumed independent of the purchase process.
 *
 * <p>Per customer with x &gt;= 1 repeat transactions of mean amount m, the likelihood of the mean is
 * {@code Gamma(px+q) / (Gamma(px) Gamma(q)) gamma^q m^(px-1) x^(px) / (gamma + m x)^(px+q)}, and the conditional
 * expected spend per transaction is the weighted average of the population mean and the customer's own mean,
 * {@code E[M | x, m] = p (gamma + x m) / (p x + q - 1)} (for x = 0 it is the population mean
 * {@code p gamma / (q - 1)}). Both need q &gt; 1 to be finite.
 *
 * <p>Immutable and thread-safe.
 *
 * @param p      shape of the transaction-amount distribution, &gt; 0
 * @param q      shape of the distribution of nu across customers, &gt; 0
 * @param gamma  scale of the distribution of nu across customers, &gt; 0, in the currency of the data
 * @param report how the model was fitted; empty when it was built from known parameters
 */
public record GammaGammaModel(double p, double q, double gamma, Optional<FitReport> report) {
    private static final String[] NAMES = {"p", "q", "gamma"};

    /** What a fit does with customers the model cannot use: those without repeat transactions or positive spend. */
    public enum Ineligible {
        /** Rejects the summary, naming the first ineligible customer. The default. */
        REJECT,
        /** Leaves them out of the fit and counts them in {@link FitReport#excludedCustomers()}. */
        EXCLUDE
    }

    /** Validates the parameters. */
    public GammaGammaModel {
        Checks.finitePositive(p, "p");
        Checks.finitePositive(q, "q");
        Checks.finitePositive(gamma, "gamma");
        Objects.requireNonNull(report, "report");
    }

    /** Returns the model with known parameters, for example published estimates. */
    public static GammaGammaModel of(double p, double q, double gamma) {
        return new GammaGammaModel(p, q, gamma, Optional.empty());
    }

    /**
     * Fits the model on every customer of the summary, with {@link FitOptions#DEFAULT}.
     *
     * @throws IllegalArgumentException if a customer has no repeat transaction or a mean repeat spend &lt;= 0 (use
     *                                  {@link #fit(RfmSummary, Ineligible, FitOptions)} with {@link Ineligible#EXCLUDE}
     *                                  to leave them out), or the summary carries no spend
     */
    public static GammaGammaModel fit(RfmSummary summary) {
        return fit(summary, Ineligible.REJECT, FitOptions.DEFAULT);
    }

    /** Fits the model with {@link FitOptions#DEFAULT}; see {@link #fit(RfmSummary, Ineligible, FitOptions)}. */
    public static GammaGammaModel fit(RfmSummary summary, Ineligible ineligible) {
        return fit(summary, ineligible, FitOptions.DEFAULT);
    }

    /**
     * Fits the model by maximum likelihood on the customers with x &gt;= 1 and a mean repeat spend &gt; 0.
     *
     * @param ineligible what to do with the other customers
     * @throws IllegalArgumentException if the summary carries no spend, if {@code ineligible} is REJECT and a
     *                                  customer is ineligible, or if fewer than two customers are eligible
     */
    public static GammaGammaModel fit(RfmSummary summary, Ineligible ineligible, FitOptions options) {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(ineligible, "ineligible");
        Objects.requireNonNull(options, "options");
        if (!summary.hasSpend()) {
            throw new IllegalArgumentException("summary: it carries no spend, which the Gamma-Gamma model needs");
        }
        int[] x = summary.x();
        double[] m = summary.spend();
        int eligible = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] >= 1 && m[i] > 0) {
                eligible++;
            } else if (ineligible == Ineligible.REJECT) {
                throw new IllegalArgumentException("customer [" + i + "] '" + summary.customers().get(i) + "': x = "
                        + x[i] + ", mean repeat spend = " + m[i] + "; the Gamma-Gamma model needs x >= 1 and spend > 0 "
                        + "(fit with Ineligible.EXCLUDE to leave such customers out)");
            }
        }
        if (eligible < 2) {
            throw new IllegalArgumentException("summary: " + eligible + " customer(s) with x >= 1 and spend > 0; "
                    + "a Gamma-Gamma fit needs at least 2");
        }
        int[] ex = new int[eligible];
        double[] em = new double[eligible];
        int k = 0;
        double sumM = 0;
        double sumM2 = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] >= 1 && m[i] > 0) {
                ex[k] = x[i];
                em[k] = m[i];
                sumM += m[i];
                sumM2 += m[i] * m[i];
                k++;
            }
        }
        // Start: p from the squared coefficient of variation of the means, q = 3 and gamma matching the mean spend.
        double mean = sumM / eligible;
        double cv2 = Math.max((sumM2 / eligible - mean * mean) / (mean * mean), 1e-3);
        double p0 = Math.max(1 / cv2, 0.1);
        double[] first = {Math.log(p0), Math.log(3), Math.log(mean * 2 / p0)};
        MaximumLikelihood.Result fit = MaximumLikelihood.maximise(new Likelihood(ex, em),
                MaximumLikelihood.spread(first, options.starts()), options);
        double[] theta = fit.theta();
        return new GammaGammaModel(theta[0], theta[1], theta[2],
                Optional.of(MaximumLikelihood.report(fit, NAMES, eligible, x.length - eligible)));
    }

    /** Returns the parameters by name: p, q, gamma. */
    public Map<String, Double> parameters() {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("p", p);
        out.put("q", q);
        out.put("gamma", gamma);
        return Collections.unmodifiableMap(out);
    }

    /**
     * Returns the population mean spend per transaction, {@code p gamma / (q - 1)}.
     *
     * @throws IllegalStateException if q &lt;= 1, where the mean is infinite
     */
    public double populationMeanSpend() {
        requireFiniteMean();
        return p * gamma / (q - 1);
    }

    /**
     * Returns E[M | x, m], the expected spend per future transaction of a customer with x repeat transactions of mean
     * amount m.
     *
     * @throws IllegalArgumentException if x &lt; 0 or m is negative or not finite
     * @throws IllegalStateException    if q &lt;= 1
     */
    public double conditionalExpectedSpend(int x, double meanRepeatSpend) {
        requireFiniteMean();
        checkCustomer(x, meanRepeatSpend);
        return p * (gamma + x * meanRepeatSpend) / (p * x + q - 1);
    }

    /**
     * Writes {@link #conditionalExpectedSpend(int, double)} of every customer into {@code out}.
     *
     * @throws IllegalArgumentException if the arrays differ in length or a customer is invalid
     * @throws IllegalStateException    if q &lt;= 1
     */
    public void conditionalExpectedSpend(int[] x, double[] meanRepeatSpend, double[] out) {
        requireFiniteMean();
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(meanRepeatSpend, "meanRepeatSpend");
        Objects.requireNonNull(out, "out");
        if (meanRepeatSpend.length != x.length || out.length != x.length) {
            throw new IllegalArgumentException("x, meanRepeatSpend, out: lengths " + x.length + ", "
                    + meanRepeatSpend.length + ", " + out.length + " must be equal");
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i] < 0 || !(meanRepeatSpend[i] >= 0) || !Double.isFinite(meanRepeatSpend[i])) {
                try {
                    checkCustomer(x[i], meanRepeatSpend[i]);
                } catch (IllegalArgumentException e) {
                    throw Histories.atRow(i, e);
                }
            }
            out[i] = p * (gamma + x[i] * meanRepeatSpend[i]) / (p * x[i] + q - 1);
        }
    }

    /** Returns E[M | x, m] of every customer of the summary, which must carry spend. */
    public double[] conditionalExpectedSpend(RfmSummary summary) {
        Objects.requireNonNull(summary, "summary");
        if (!summary.hasSpend()) {
            throw new IllegalArgumentException("summary: it carries no spend");
        }
        double[] out = new double[summary.size()];
        conditionalExpectedSpend(summary.x(), summary.spend(), out);
        return out;
    }

    /** Returns the log-likelihood of the eligible customers (x &gt;= 1, spend &gt; 0) of the summary. */
    public double logLikelihood(RfmSummary summary) {
        Objects.requireNonNull(summary, "summary");
        int[] x = summary.x();
        double[] m = summary.spend();
        int n = 0;
        int[] ex = new int[x.length];
        double[] em = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (x[i] >= 1 && m[i] > 0) {
                ex[n] = x[i];
                em[n++] = m[i];
            }
        }
        return new Likelihood(Arrays.copyOf(ex, n), Arrays.copyOf(em, n))
                .value(new double[] {Math.log(p), Math.log(q), Math.log(gamma)});
    }

    private void requireFiniteMean() {
        if (q <= 1) {
            throw new IllegalStateException("q: " + q + " <= 1, so the expected spend per transaction is infinite");
        }
    }

    private static void checkCustomer(int x, double meanRepeatSpend) {
        if (x < 0) {
            throw new IllegalArgumentException("x: " + x + " must be >= 0");
        }
        Checks.finiteNonNegative(meanRepeatSpend, "meanRepeatSpend");
    }

    /**
     * The Gamma-Gamma log-likelihood over (ln p, ln q, ln gamma) with analytic gradient and Hessian. The terms that
     * depend on x alone are computed once per distinct x. One instance per fit.
     */
    static final class Likelihood extends AnalyticLikelihood {
        private final int[] x;
        private final double[] xm;
        private final int[] distinctX;
        private final int[] countX;
        private final double[] sumLogM;
        private final double constant;

        Likelihood(int[] x, double[] m) {
            super(3);
            this.x = x;
            this.xm = new double[x.length];
            int max = 0;
            for (int v : x) {
                max = Math.max(max, v);
            }
            int[] count = new int[max + 1];
            double[] logM = new double[max + 1];
            double c = 0;
            for (int i = 0; i < x.length; i++) {
                xm[i] = x[i] * m[i];
                count[x[i]]++;
                logM[x[i]] += Math.log(m[i]);
                c -= Math.log(m[i]);
            }
            int distinct = 0;
            for (int v = 0; v <= max; v++) {
                distinct += count[v] > 0 ? 1 : 0;
            }
            this.distinctX = new int[distinct];
            this.countX = new int[distinct];
            this.sumLogM = new double[distinct];
            int k = 0;
            for (int v = 0; v <= max; v++) {
                if (count[v] > 0) {
                    distinctX[k] = v;
                    countX[k] = count[v];
                    sumLogM[k] = logM[v];
                    k++;
                }
            }
            this.constant = c;
        }

        /**
         * ln L = sum [lnGamma(px+q) - lnGamma(px) - lnGamma(q) + q ln gamma + (px-1) ln m + px ln x
         * - (px+q) ln(gamma + x m)], with derivatives in theta mapped to phi = ln theta.
         */
        @Override
        double evaluate(double[] phi, int order) {
            double p = Math.exp(phi[0]);
            double q = Math.exp(phi[1]);
            double gamma = Math.exp(phi[2]);
            double lnGamma = Math.log(gamma);
            double ll = constant;
            double gp = 0;
            double gq = 0;
            double gg = 0;
            double hpp = 0;
            double hpq = 0;
            double hpg = 0;
            double hqq = 0;
            double hqg = 0;
            double hgg = 0;
            double lgq = Gamma.logGamma(q);
            double psiQ = order > 0 ? Special.digamma(q) : 0;
            double triQ = order > 1 ? Special.trigamma(q) : 0;
            for (int k = 0; k < distinctX.length; k++) {
                double xv = distinctX[k];
                double n = countX[k];
                double px = p * xv;
                ll += n * (Gamma.logGamma(px + q) - Gamma.logGamma(px) - lgq + q * lnGamma + px * Math.log(xv))
                        + px * sumLogM[k];
                if (order > 0) {
                    double psiSum = Special.digamma(px + q);
                    double psiPx = Special.digamma(px);
                    gp += n * xv * (psiSum - psiPx + Math.log(xv)) + xv * sumLogM[k];
                    gq += n * (psiSum - psiQ + lnGamma);
                    gg += n * q / gamma;
                    if (order > 1) {
                        double triSum = Special.trigamma(px + q);
                        hpp += n * xv * xv * (triSum - Special.trigamma(px));
                        hpq += n * xv * triSum;
                        hqq += n * (triSum - triQ);
                        hqg += n / gamma;
                        hgg -= n * q / (gamma * gamma);
                    }
                }
            }
            for (int i = 0; i < x.length; i++) {
                double xv = x[i];
                double denominator = gamma + xm[i];
                double lnD = Math.log(denominator);
                double shape = p * xv + q;
                ll -= shape * lnD;
                if (order > 0) {
                    double inv = 1 / denominator;
                    gp -= xv * lnD;
                    gq -= lnD;
                    gg -= shape * inv;
                    if (order > 1) {
                        hpg -= xv * inv;
                        hqg -= inv;
                        hgg += shape * inv * inv;
                    }
                }
            }
            if (order > 0) {
                double[] theta = {p, q, gamma};
                double[] gt = {gp, gq, gg};
                for (int i = 0; i < 3; i++) {
                    g[i] = theta[i] * gt[i];
                }
                if (order > 1) {
                    double[][] ht = {{hpp, hpq, hpg}, {hpq, hqq, hqg}, {hpg, hqg, hgg}};
                    for (int i = 0; i < 3; i++) {
                        for (int j = 0; j < 3; j++) {
                            h[i][j] = theta[i] * theta[j] * ht[i][j] + (i == j ? g[i] : 0);
                        }
                    }
                }
            }
            return Double.isNaN(ll) ? Double.NEGATIVE_INFINITY : ll;
        }
    }
}
