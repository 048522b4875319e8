package dev.kizuna.metrics.clv;

import dev.kizuna.core.internal.Checks;
import org.hipparchus.analysis.integration.IterativeLegendreGaussIntegrator;
import org.hipparchus.special.Gamma;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Pareto/NBD model of Schmittlein, Morrison and Colombo (1987), "Counting Your Customers: Who Are They and What
 * Will They Do Next?", Management Science 33(1). While alive, a customer buys as a Poisson process with rate lambda,
 * gamma(r, alpha) across customers; the lifetime is exponential with rate mu, gamma(s, beta) across customers.
 *
 * <p>The formulas follow Fader and Hardie (2005), "A Note on Deriving the Pareto/NBD Model and Related
 * Expressions", with x repeat transactions, recency t_x and age T:
 * <ul>
 *   <li>likelihood: {@code L = Gamma(r+x) alpha^r beta^s / Gamma(r) [1 / ((alpha+T)^(r+x) (beta+T)^s)
 *       + s/(r+s+x) A0]}, with, for alpha &gt;= beta,
 *       {@code A0 = 2F1(r+s+x, s+1; r+s+x+1; (alpha-beta)/(alpha+t_x)) / (alpha+t_x)^(r+s+x)
 *       - 2F1(r+s+x, s+1; r+s+x+1; (alpha-beta)/(alpha+T)) / (alpha+T)^(r+s+x)}, and for alpha &lt; beta the same
 *       with alpha and beta swapped and s+1 replaced by r+x. Each 2F1 is evaluated by {@link Hypergeometric}, in
 *       logarithms, and the difference as {@code e^u1 (1 - e^(u2-u1))}, so that nothing overflows;</li>
 *   <li>E[X(t)] = {@code r beta / (alpha (s-1)) [1 - (beta/(beta+t))^(s-1)]} (its limit at s = 1);</li>
 *   <li>P(alive | x, t_x, T) = {@code 1 / (1 + s/(r+s+x) (alpha+T)^(r+x) (beta+T)^s A0)};</li>
 *   <li>E[Y(t) | x, t_x, T] = {@code (r+x)(beta+T) / ((alpha+T)(s-1)) [1 - ((beta+T)/(beta+T+t))^(s-1)] P(alive)};</li>
 *   <li>P(X(t) = k): a customer alive throughout (0, t] buys NBD(r, alpha) counts, one who dies at tau buys the
 *       counts of (0, tau], so {@code P = NB(k; t) (beta/(beta+t))^s + int_0^t NB(k; tau) s/beta
 *       (beta/(beta+tau))^(s+1) dtau} with {@code NB(k; tau) = Gamma(r+k)/(Gamma(r) k!) (alpha/(alpha+tau))^r
 *       (tau/(alpha+tau))^k}. The integral, of a smooth positive function, is taken by Gauss-Legendre quadrature;
 *       this avoids the alternating hypergeometric sums of the closed form (Fader and Hardie 2006, note 012).</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param r      shape of the purchase-rate distribution, &gt; 0
 * @param alpha  scale of the purchase-rate distribution, &gt; 0, in the time unit of the data
 * @param s      shape of the dropout-rate distribution, &gt; 0
 * @param beta   scale of the dropout-rate distribution, &gt; 0, in the time unit of the data
 * @param report how the model was fitted; empty when it was built from known parameters
 */
public record ParetoNbdModel(double r, double alpha, double s, double beta, Optional<FitReport> report)
        implements TransactionModel {
    private static final String[] NAMES = {"r", "alpha", "s", "beta"};

    /** Validates the parameters. */
    public ParetoNbdModel {
        Checks.finitePositive(r, "r");
        Checks.finitePositive(alpha, "alpha");
        Checks.finitePositive(s, "s");
        Checks.finitePositive(beta, "beta");
        Objects.requireNonNull(report, "report");
    }

    /** Returns the model with known parameters, for example published estimates. */
    public static ParetoNbdModel of(double r, double alpha, double s, double beta) {
        return new ParetoNbdModel(r, alpha, s, beta, Optional.empty());
    }

    /** Fits the model by maximum likelihood with {@link FitOptions#DEFAULT}. */
    public static ParetoNbdModel fit(RfmSummary summary) {
        return fit(summary, FitOptions.DEFAULT);
    }

    /**
     * Fits the model by maximum likelihood. See {@link FitReport} for the diagnostics and {@link FitStatus} for how
     * degenerate data shows.
     *
     * @throws IllegalArgumentException if the summary has fewer than two customers or no repeat transaction
     */
    public static ParetoNbdModel fit(RfmSummary summary, FitOptions options) {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(options, "options");
        RepeatData data = RepeatData.of(summary);
        data.requireFittable("Pareto/NBD");
        double sumX = 0;
        double sumT = 0;
        for (int k = 0; k < data.groups(); k++) {
            sumX += data.weight[k] * data.x[k];
            sumT += data.weight[k] * data.t[k];
        }
        double meanT = Math.max(sumT / data.customers, 1e-6);
        double rate = Math.max(sumX / Math.max(sumT, 1e-9), 1e-6);
        double[] first = {0, Math.log(1 / rate), 0, Math.log(meanT)};
        MaximumLikelihood.Result fit = MaximumLikelihood.maximise(new ParetoNbdLikelihood(data),
                MaximumLikelihood.spread(first, options.starts()), options);
        double[] theta = fit.theta();
        return new ParetoNbdModel(theta[0], theta[1], theta[2], theta[3],
                Optional.of(MaximumLikelihood.report(fit, NAMES, data.customers, 0)));
    }

    @Override
    public Map<String, Double> parameters() {
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("r", r);
        p.put("alpha", alpha);
        p.put("s", s);
        p.put("beta", beta);
        return Collections.unmodifiableMap(p);
    }

    /** Returns the log-likelihood of the summary under this model's parameters. */
    public double logLikelihood(RfmSummary summary) {
        Objects.requireNonNull(summary, "summary");
        return new ParetoNbdLikelihood(RepeatData.of(summary))
                .value(new double[] {Math.log(r), Math.log(alpha), Math.log(s), Math.log(beta)});
    }

    @Override
    public double expectedTransactions(double t) {
        Checks.finiteNonNegative(t, "t");
        return r * beta / alpha * Special.oneMinusPowerOverExponent(Math.log1p(t / beta), s - 1);
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
        double logCoefficient = Gamma.logGamma(r + k) - Gamma.logGamma(r) - Gamma.logGamma(k + 1.0);
        double aliveThroughout = Math.exp(logNegativeBinomial(logCoefficient, k, t) + s * Math.log(beta / (beta + t)));
        IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(16, 1e-12, 1e-300);
        double diedBefore = integrator.integrate(100_000, tau -> tau == 0 && k > 0 ? 0
                : Math.exp(logNegativeBinomial(logCoefficient, k, tau) + Math.log(s / beta)
                + (s + 1) * Math.log(beta / (beta + tau))), 0, t);
        return Math.min(1, aliveThroughout + diedBefore);
    }

    private double logNegativeBinomial(double logCoefficient, int k, double tau) {
        double log = logCoefficient + r * Math.log(alpha / (alpha + tau));
        return k == 0 ? log : log + k * Math.log(tau / (alpha + tau));
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
        return expectedWhileAlive(t, x, age) * alive(x, recency, age);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Each of the two 2F1 terms of A0 depends on a customer only through x and one time (t_x or T), so it is
     * evaluated once per distinct pair (see {@link HistoryCache}).
     */
    @Override
    public void probabilityAlive(int[] x, double[] recency, double[] age, double[] out) {
        Histories.sameLength(x, recency, age, out);
        HistoryCache cache = HistoryCache.forBatch(2 * x.length);
        for (int i = 0; i < x.length; i++) {
            Histories.checkRow(i, x[i], recency[i], age[i]);
            out[i] = alive(x[i], recency[i], age[i], cache);
        }
    }

    /** {@inheritDoc} P(alive) is evaluated as in {@link #probabilityAlive(int[], double[], double[], double[])}. */
    @Override
    public void conditionalExpectedTransactions(double t, int[] x, double[] recency, double[] age, double[] out) {
        Checks.finiteNonNegative(t, "t");
        Histories.sameLength(x, recency, age, out);
        HistoryCache cache = HistoryCache.forBatch(2 * x.length);
        for (int i = 0; i < x.length; i++) {
            Histories.checkRow(i, x[i], recency[i], age[i]);
            out[i] = expectedWhileAlive(t, x[i], age[i]) * alive(x[i], recency[i], age[i], cache);
        }
    }

    double expectedWhileAlive(double t, int x, double age) {
        return (r + x) * (beta + age) / (alpha + age)
                * Special.oneMinusPowerOverExponent(Math.log1p(t / (beta + age)), s - 1);
    }

    private double alive(int x, double recency, double age) {
        return aliveFromLogA0(x, age, logA0(r, alpha, s, beta, x, recency, age));
    }

    /** P(alive) of a valid history, unchecked, with the 2F1 terms of A0 looked up in or added to {@code cache}. */
    double alive(int x, double recency, double age, HistoryCache cache) {
        int slot1 = cache.slot(x, recency);
        double u1 = cache.holds(slot1, x, recency) ? cache.value(slot1)
                : cache.put(slot1, x, recency, logA0Term(r, alpha, s, beta, x, recency));
        int slot2 = cache.slot(x, age);
        double u2 = cache.holds(slot2, x, age) ? cache.value(slot2)
                : cache.put(slot2, x, age, logA0Term(r, alpha, s, beta, x, age));
        return aliveFromLogA0(x, age, logA0(u1, u2));
    }

    private double aliveFromLogA0(int x, double age, double logA0) {
        double logOdds = Math.log(s / (r + s + x)) + (r + x) * Math.log(alpha + age) + s * Math.log(beta + age) + logA0;
        if (logOdds == Double.NEGATIVE_INFINITY) {
            return 1;
        }
        return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
    }

    /** ln A0 of the likelihood; negative infinity when t_x = T (then A0 = 0). */
    static double logA0(double r, double alpha, double s, double beta, int x, double recency, double age) {
        return logA0(logA0Term(r, alpha, s, beta, x, recency), logA0Term(r, alpha, s, beta, x, age));
    }

    /** ln A0 from its two terms {@code u1} (at t_x) and {@code u2} (at T): {@code ln(e^u1 - e^u2)}. */
    private static double logA0(double u1, double u2) {
        if (!(u2 < u1)) {
            return Double.NEGATIVE_INFINITY;
        }
        return u1 + Math.log(-Math.expm1(u2 - u1));
    }

    /** One term of A0: {@code ln[2F1(r+s+x, s+1 or r+x; r+s+x+1; |alpha-beta|/(max+time)) / (max+time)^(r+s+x)]}. */
    private static double logA0Term(double r, double alpha, double s, double beta, int x, double time) {
        double big = r + s + x;
        double max = Math.max(alpha, beta);
        double second = alpha >= beta ? s + 1 : r + x;
        return Hypergeometric.logF21(big, second, big + 1, Math.abs(alpha - beta) / (max + time))
                - big * Math.log(max + time);
    }
}
