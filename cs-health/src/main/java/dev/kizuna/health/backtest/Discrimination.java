package dev.kizuna.health.backtest;

import dev.kizuna.health.internal.Normal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How well a risk score separates events (churners) from non-events, and the tests that go with it. A higher risk
 * means an event is more likely; for a health score pass {@code -health} (or {@code 100 - health}). Stateless and
 * thread-safe.
 *
 * <ul>
 *   <li><b>ROC AUC</b>: the probability that a random event has a higher risk than a random non-event, ties counting
 *       one half (the Mann-Whitney statistic over {@code events × non-events}). 0.5 is a coin toss, 1 a perfect
 *       ranking, 0 a perfectly inverted one.</li>
 *   <li><b>PR AUC</b>, as average precision: {@code Σ (Rₖ - Rₖ₋₁) · Pₖ} over the distinct risks from the highest
 *       down, where {@code Pₖ} and {@code Rₖ} are the precision and recall of flagging every observation at or above
 *       the k-th risk; the convention of scikit-learn's {@code average_precision_score}. A random score averages the
 *       event rate.</li>
 *   <li><b>DeLong's test</b> of two correlated AUCs: see {@link DeLongTest}.</li>
 * </ul>
 */
public final class Discrimination {
    private Discrimination() {
    }

    /**
     * Returns the ROC AUC of {@code risk} for {@code event}.
     *
     * @throws IllegalArgumentException if the arrays differ in length, a risk is not finite, or there is not at least
     *                                  one event and one non-event
     */
    public static double rocAuc(double[] risk, boolean[] event) {
        check(risk, event, "risk");
        return new Ranking(risk).rocAuc(ones(risk.length), event);
    }

    /**
     * Returns the ROC curve of {@code risk} for {@code event}: one point per distinct risk, from the highest down,
     * after a first point (0, 0) that flags nothing, up to (1, 1). Each point flags every observation at or above its
     * risk, so a group of tied risks is one diagonal step and the curve's trapezoid area equals {@link #rocAuc}
     * (ties counting one half). Both rates never decrease from one point to the next. The convention of
     * scikit-learn's {@code roc_curve} with {@code drop_intermediate=False}.
     *
     * @throws IllegalArgumentException as {@link #rocAuc}
     */
    public static List<RocPoint> rocCurve(double[] risk, boolean[] event) {
        check(risk, event, "risk");
        Ranking ranking = new Ranking(risk);
        double[][] sums = ranking.groupWeights(ones(risk.length), event);
        double positives = 0;
        double negatives = 0;
        for (int g = 0; g < sums[0].length; g++) {
            positives += sums[0][g];
            negatives += sums[1][g];
        }
        List<RocPoint> out = new ArrayList<>(sums[0].length + 1);
        out.add(new RocPoint(Double.POSITIVE_INFINITY, 0, 0));
        double tp = 0;
        double fp = 0;
        for (int g = sums[0].length - 1; g >= 0; g--) {
            tp += sums[0][g];
            fp += sums[1][g];
            double threshold = risk[ranking.order[ranking.groupEnd[g] - 1]];
            // The last group flags everything: pin it to (1, 1) against rounding in the running sums.
            out.add(g == 0 ? new RocPoint(threshold, 1, 1) : new RocPoint(threshold, fp / negatives, tp / positives));
        }
        return java.util.List.copyOf(out);
    }

    /**
     * Returns the average precision (PR AUC) of {@code risk} for {@code event}.
     *
     * @throws IllegalArgumentException as {@link #rocAuc}
     */
    public static double averagePrecision(double[] risk, boolean[] event) {
        check(risk, event, "risk");
        return new Ranking(risk).averagePrecision(ones(risk.length), event);
    }

    /**
     * Returns DeLong's test of equal ROC AUCs for two risk scores of the same observations.
     *
     * @throws IllegalArgumentException as {@link #rocAuc}, for either score, or if there are fewer than two events or
     *                                  two non-events (a variance needs two)
     */
    public static DeLongTest deLong(double[] riskA, double[] riskB, boolean[] event) {
        check(riskA, event, "riskA");
        check(riskB, event, "riskB");
        return deLong(new Ranking(riskA), new Ranking(riskB), event);
    }

    static DeLongTest deLong(Ranking a, Ranking b, boolean[] event) {
        double[][] pa = a.placements(event);
        double[][] pb = b.placements(event);
        int m = pa[0].length;
        int n = pa[1].length;
        if (m < 2 || n < 2) {
            throw new IllegalArgumentException("event: DeLong's test needs at least two events and two non-events,"
                    + " not " + m + " and " + n);
        }
        double aucA = mean(pa[0]);
        double aucB = mean(pb[0]);
        double variance = (covariance(pa[0], pa[0]) + covariance(pb[0], pb[0]) - 2 * covariance(pa[0], pb[0])) / m
                + (covariance(pa[1], pa[1]) + covariance(pb[1], pb[1]) - 2 * covariance(pa[1], pb[1])) / n;
        double se = Math.sqrt(Math.max(0, variance));
        double difference = aucA - aucB;
        double z = se > 0 ? difference / se : (difference == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY,
                difference));
        return new DeLongTest(aucA, aucB, difference, se, z, twoSidedP(z));
    }

    /** Returns the two-sided p-value of a standard normal statistic. */
    static double twoSidedP(double z) {
        return Normal.twoSidedP(z);
    }

    private static double mean(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    /** The sample covariance, with {@code n - 1} in the denominator, as DeLong et al. use. */
    private static double covariance(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += (x[i] - mx) * (y[i] - my);
        }
        return sum / (x.length - 1);
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0);
        return w;
    }

    private static void check(double[] risk, boolean[] event, String field) {
        Objects.requireNonNull(risk, field);
        Objects.requireNonNull(event, "event");
        if (risk.length != event.length) {
            throw new IllegalArgumentException(field + ": " + risk.length + " risks for " + event.length + " events");
        }
        int events = 0;
        for (int i = 0; i < risk.length; i++) {
            if (!Double.isFinite(risk[i])) {
                throw new IllegalArgumentException(field + "[" + i + "]: " + risk[i] + " must be a finite number");
            }
            events += event[i] ? 1 : 0;
        }
        if (events == 0 || events == risk.length) {
            throw new IllegalArgumentException("event: " + events + " events among " + risk.length
                    + " observations; an AUC needs at least one event and one non-event");
        }
    }
}
