package dev.kizuna.metrics.clv;

import dev.kizuna.core.internal.Checks;
import org.hipparchus.special.Beta;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The shifted-beta-geometric (sBG) model of contract renewal, from Fader and Hardie (2007), "How to Project Customer
 * Retention", Journal of Interactive Marketing 21(1). At each renewal opportunity t = 1, 2, ... a customer still under
 * contract leaves with probability theta, which is beta(alpha, beta) across customers.
 *
 * <p>With T the period in which a customer leaves (a customer with T = t paid for t periods):
 * <ul>
 *   <li>{@code P(T = t) = B(alpha+1, beta+t-1) / B(alpha, beta)};</li>
 *   <li>survival {@code S(t) = P(T > t) = B(alpha, beta+t) / B(alpha, beta)}, the share of the cohort still a
 *       customer after t renewal opportunities, S(0) = 1;</li>
 *   <li>retention rate {@code r(t) = S(t) / S(t-1) = (beta+t-1) / (alpha+beta+t-1)}, which rises with t: the
 *       customers who stay are the ones with low theta;</li>
 *   <li>the discounted expected residual lifetime of Fader and Hardie (2010), "Customer-Base Valuation in a
 *       Contractual Setting: The Perils of Ignoring Heterogeneity", Marketing Science 29(1), equation (6): for a
 *       customer who has made n-1 renewals, evaluated just before the n-th renewal decision,
 *       {@code DERL(d) = sum_{t>=n} S(t)/S(n-1) / (1+d)^(t-n) = (beta+n-1)/(alpha+beta+n-1)
 *       2F1(1, beta+n; alpha+beta+n; 1/(1+d))}: the expected number of future payments, the next one undiscounted,
 *       each later one discounted by d per period. Multiply by the net cash flow per period for a value;</li>
 *   <li>the discounted expected lifetime of a new customer, first payment included,
 *       {@code DEL(d) = sum_{t>=0} S(t) / (1+d)^t = 2F1(1, beta; alpha+beta; 1/(1+d))}.</li>
 * </ul>
 * The likelihood of a cohort with {@code n_t} customers lost in period t = 1..k and {@code s_k} still customers after
 * period k is {@code sum_t n_t ln P(T=t) + s_k ln S(k)}; per-customer lifetimes, censored or not, add up the same way.
 *
 * <p>Immutable and thread-safe.
 *
 * @param alpha  first shape of the churn-probability distribution, &gt; 0
 * @param beta   second shape of the churn-probability distribution, &gt; 0
 * @param report how the model was fitted; empty when it was built from known parameters
 */
public record SbgModel(double alpha, double beta, Optional<FitReport> report) {
    private static final String[] NAMES = {"alpha", "beta"};

    /** Validates the parameters. */
    public SbgModel {
        Checks.finitePositive(alpha, "alpha");
        Checks.finitePositive(beta, "beta");
        Objects.requireNonNull(report, "report");
    }

    /** Returns the model with known parameters, for example published estimates. */
    public static SbgModel of(double alpha, double beta) {
        return new SbgModel(alpha, beta, Optional.empty());
    }

    /**
     * Fits the model to one cohort's survival curve: the number of customers still under contract at the start of
     * periods 0, 1, ..., k (the first element is the cohort size). With {@link FitOptions#DEFAULT}.
     *
     * @throws IllegalArgumentException if there are fewer than two elements, an element is negative, the counts rise,
     *                                  the cohort is empty, or nobody or everybody left (no interior maximum)
     */
    public static SbgModel fitSurvival(long... alive) {
        return fitSurvival(FitOptions.DEFAULT, alive);
    }

    /** Fits the model to one cohort's survival curve; see {@link #fitSurvival(long...)}. */
    public static SbgModel fitSurvival(FitOptions options, long... alive) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(alive, "alive");
        if (alive.length < 2) {
            throw new IllegalArgumentException("alive: " + alive.length + " value(s); a survival curve needs the cohort "
                    + "size and at least one later count");
        }
        if (alive[0] <= 0) {
            throw new IllegalArgumentException("alive[0]: " + alive[0] + " (the cohort size) must be > 0");
        }
        int k = alive.length - 1;
        double[] lost = new double[k + 1];
        double[] survived = new double[k + 1];
        for (int t = 1; t <= k; t++) {
            if (alive[t] < 0 || alive[t] > alive[t - 1]) {
                throw new IllegalArgumentException("alive[" + t + "]: " + alive[t] + " must be between 0 and alive["
                        + (t - 1) + "] = " + alive[t - 1]);
            }
            lost[t] = alive[t - 1] - alive[t];
        }
        survived[k] = alive[k];
        return fitCounts(lost, survived, alive[0], options);
    }

    /**
     * Fits the model to per-customer lifetimes: customer i paid for {@code periods[i]} periods and then left
     * ({@code churned[i]}, periods &gt;= 1), or is still a customer after {@code periods[i]} renewal opportunities
     * (periods &gt;= 0, a censored lifetime). With {@link FitOptions#DEFAULT}.
     *
     * @throws IllegalArgumentException if the arrays differ in length, are empty, or hold an invalid lifetime, or if
     *                                  nobody or everybody churned
     */
    public static SbgModel fitLifetimes(int[] periods, boolean[] churned) {
        return fitLifetimes(periods, churned, FitOptions.DEFAULT);
    }

    /** Fits the model to per-customer lifetimes; see {@link #fitLifetimes(int[], boolean[])}. */
    public static SbgModel fitLifetimes(int[] periods, boolean[] churned, FitOptions options) {
        Objects.requireNonNull(periods, "periods");
        Objects.requireNonNull(churned, "churned");
        Objects.requireNonNull(options, "options");
        if (periods.length != churned.length) {
            throw new IllegalArgumentException("periods, churned: lengths " + periods.length + ", " + churned.length
                    + " must be equal");
        }
        if (periods.length == 0) {
            throw new IllegalArgumentException("periods: no customer to fit");
        }
        int max = 0;
        for (int i = 0; i < periods.length; i++) {
            int min = churned[i] ? 1 : 0;
            if (periods[i] < min) {
                throw new IllegalArgumentException("periods[" + i + "]: " + periods[i] + " must be >= " + min
                        + (churned[i] ? " for a customer who churned" : ""));
            }
            max = Math.max(max, periods[i]);
        }
        double[] lost = new double[max + 1];
        double[] survived = new double[max + 1];
        for (int i = 0; i < periods.length; i++) {
            if (churned[i]) {
                lost[periods[i]]++;
            } else {
                survived[periods[i]]++;
            }
        }
        return fitCounts(lost, survived, periods.length, options);
    }

    private static SbgModel fitCounts(double[] lost, double[] survived, long customers, FitOptions options) {
        double totalLost = 0;
        double exposure = 0;
        for (int t = 1; t < lost.length; t++) {
            totalLost += lost[t];
            exposure += t * (lost[t] + survived[t]);
        }
        if (totalLost == 0) {
            throw new IllegalArgumentException("no customer left, so the churn probability cannot be estimated "
                    + "(the likelihood keeps rising as it goes to 0)");
        }
        boolean anyExposure = false;
        for (int t = 1; t < survived.length; t++) {
            anyExposure |= survived[t] > 0;
        }
        for (int t = 2; t < lost.length; t++) {
            anyExposure |= lost[t] > 0;
        }
        if (!anyExposure) {
            throw new IllegalArgumentException("every customer left at the first renewal, so the churn probability "
                    + "cannot be estimated (the likelihood keeps rising as it goes to 1)");
        }
        double churn = Math.min(Math.max(totalLost / Math.max(exposure, 1), 1e-3), 0.999);
        double[] first = {0, Math.log((1 - churn) / churn)};
        MaximumLikelihood.Result fit = MaximumLikelihood.maximise(new Likelihood(lost, survived),
                MaximumLikelihood.spread(first, options.starts()), options);
        double[] theta = fit.theta();
        return new SbgModel(theta[0], theta[1], Optional.of(MaximumLikelihood.report(fit, NAMES, customers, 0)));
    }

    /** Returns the parameters by name: alpha, beta. */
    public Map<String, Double> parameters() {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("alpha", alpha);
        out.put("beta", beta);
        return Collections.unmodifiableMap(out);
    }

    /** Returns S(t), the probability of still being a customer after t renewal opportunities (S(0) = 1). */
    public double survival(int t) {
        if (t < 0) {
            throw new IllegalArgumentException("t: " + t + " must be >= 0");
        }
        return Math.exp(Beta.logBeta(alpha, beta + t) - Beta.logBeta(alpha, beta));
    }

    /** Returns P(T = t), the probability of leaving at renewal opportunity t &gt;= 1. */
    public double churnProbability(int t) {
        if (t < 1) {
            throw new IllegalArgumentException("t: " + t + " must be >= 1");
        }
        return Math.exp(Beta.logBeta(alpha + 1, beta + t - 1) - Beta.logBeta(alpha, beta));
    }

    /** Returns r(t) = S(t)/S(t-1), the share of customers alive at t-1 who renew at t &gt;= 1. */
    public double retentionRate(int t) {
        if (t < 1) {
            throw new IllegalArgumentException("t: " + t + " must be >= 1");
        }
        return (beta + t - 1) / (alpha + beta + t - 1);
    }

    /** Returns S(0), S(1), ..., S(periods): the projected survival curve of a new cohort. */
    public double[] projectSurvival(int periods) {
        if (periods < 0) {
            throw new IllegalArgumentException("periods: " + periods + " must be >= 0");
        }
        double[] out = new double[periods + 1];
        out[0] = 1;
        for (int t = 1; t <= periods; t++) {
            out[t] = out[t - 1] * retentionRate(t);
        }
        return out;
    }

    /**
     * Returns DERL: the expected number of future payments of a customer who has made {@code renewals} renewals,
     * evaluated just before the next renewal decision, each payment after the next discounted by
     * {@code discountRate} per period. See the class documentation for the formula.
     *
     * @throws IllegalArgumentException if {@code discountRate} is not &gt; 0 or {@code renewals} is negative
     */
    public double discountedExpectedResidualLifetime(double discountRate, int renewals) {
        Checks.finitePositive(discountRate, "discountRate");
        if (renewals < 0) {
            throw new IllegalArgumentException("renewals: " + renewals + " must be >= 0");
        }
        double n = renewals + 1.0;
        return (beta + n - 1) / (alpha + beta + n - 1)
                * Hypergeometric.f21(1, beta + n, alpha + beta + n, 1 / (1 + discountRate));
    }

    /**
     * Returns DEL: the expected number of payments of a new customer, the first (at acquisition) included and
     * undiscounted, each later one discounted by {@code discountRate} per period.
     *
     * @throws IllegalArgumentException if {@code discountRate} is not &gt; 0
     */
    public double discountedExpectedLifetime(double discountRate) {
        Checks.finitePositive(discountRate, "discountRate");
        return Hypergeometric.f21(1, beta, alpha + beta, 1 / (1 + discountRate));
    }

    /** Returns the log-likelihood of a survival curve under this model; see {@link #fitSurvival(long...)}. */
    public double logLikelihood(long... alive) {
        Objects.requireNonNull(alive, "alive");
        int k = alive.length - 1;
        double[] lost = new double[Math.max(k, 0) + 1];
        double[] survived = new double[lost.length];
        for (int t = 1; t <= k; t++) {
            lost[t] = alive[t - 1] - alive[t];
        }
        survived[Math.max(k, 0)] = alive[Math.max(k, 0)];
        return new Likelihood(lost, survived).value(new double[] {Math.log(alpha), Math.log(beta)});
    }

    /**
     * The sBG log-likelihood of lost and surviving counts per period, over (ln alpha, ln beta), with analytic
     * gradient and Hessian. {@code ln P(T=t) = ln alpha + sum_{i<t-1} ln(beta+i) - sum_{i<t} ln(alpha+beta+i)} and
     * {@code ln S(t) = sum_{i<t} [ln(beta+i) - ln(alpha+beta+i)]}.
     */
    static final class Likelihood extends AnalyticLikelihood {
        private final double[] lost;
        private final double[] survived;

        Likelihood(double[] lost, double[] survived) {
            super(2);
            this.lost = Arrays.copyOf(lost, lost.length);
            this.survived = Arrays.copyOf(survived, survived.length);
        }

        /** Returns ln L and writes its gradient and Hessian whatever the order: they cost little next to the sums. */
        @Override
        double evaluate(double[] phi, int order) {
            double alpha = Math.exp(phi[0]);
            double beta = Math.exp(phi[1]);
            // Running sums over i < t of ln(beta+i) and ln(alpha+beta+i) and their derivatives.
            double sb = 0;
            double sab = 0;
            double db = 0;
            double dab = 0;
            double db2 = 0;
            double dab2 = 0;
            double ll = 0;
            double ga = 0;
            double gb = 0;
            double haa = 0;
            double hab = 0;
            double hbb = 0;
            double lnAlpha = Math.log(alpha);
            for (int t = 1; t < lost.length; t++) {
                // Before adding i = t-1: the sums over i < t-1, used by P(T=t)'s beta part.
                double sbPrev = sb;
                double dbPrev = db;
                double db2Prev = db2;
                double bi = beta + t - 1;
                double abi = alpha + beta + t - 1;
                sb += Math.log(bi);
                sab += Math.log(abi);
                db += 1 / bi;
                dab += 1 / abi;
                db2 += 1 / (bi * bi);
                dab2 += 1 / (abi * abi);
                double nl = lost[t];
                if (nl > 0) {
                    ll += nl * (lnAlpha + sbPrev - sab);
                    ga += nl * (1 / alpha - dab);
                    gb += nl * (dbPrev - dab);
                    haa += nl * (-1 / (alpha * alpha) + dab2);
                    hab += nl * dab2;
                    hbb += nl * (-db2Prev + dab2);
                }
                double ns = survived[t];
                if (ns > 0) {
                    ll += ns * (sb - sab);
                    ga += ns * -dab;
                    gb += ns * (db - dab);
                    haa += ns * dab2;
                    hab += ns * dab2;
                    hbb += ns * (-db2 + dab2);
                }
            }
            g[0] = alpha * ga;
            g[1] = beta * gb;
            h[0][0] = alpha * alpha * haa + g[0];
            h[0][1] = alpha * beta * hab;
            h[1][0] = h[0][1];
            h[1][1] = beta * beta * hbb + g[1];
            return Double.isNaN(ll) ? Double.NEGATIVE_INFINITY : ll;
        }
    }
}
