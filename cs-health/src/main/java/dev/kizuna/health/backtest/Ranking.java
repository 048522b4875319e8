package dev.kizuna.health.backtest;

import java.util.Arrays;

/**
 * Observations sorted by risk once, with their groups of tied risks, so that the weighted ROC AUC, the average
 * precision and DeLong's placement values each take one pass: a bootstrap resample only changes the weights.
 * Immutable after construction.
 */
final class Ranking {
    /** The observations by ascending risk; ties keep their input order. */
    final int[] order;
    /** The end (exclusive, in {@link #order}) of each group of tied risks, ascending. */
    final int[] groupEnd;

    Ranking(double[] risk) {
        int n = risk.length;
        order = sortedIndices(risk);
        int[] ends = new int[n];
        int groups = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || Double.compare(risk[order[i]], risk[order[i - 1]]) != 0) {
                ends[groups++] = i;
            }
        }
        groupEnd = Arrays.copyOf(ends, groups);
    }

    private static int[] sortedIndices(double[] risk) {
        int n = risk.length;
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> Double.compare(risk[a], risk[b]));
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = boxed[i];
        }
        return out;
    }

    /** Returns the number of groups of tied risks. */
    int groups() {
        return groupEnd.length;
    }

    /**
     * Sums the weights of events and non-events in each group of tied risks, from weights and labels given in
     * ranked order (position k belongs to observation {@code order[k]}), into {@code eventWeight} and
     * {@code otherWeight} (one slot per group).
     */
    void groupWeights(double[] rankedWeight, boolean[] rankedEvent, double[] eventWeight, double[] otherWeight) {
        int start = 0;
        for (int g = 0; g < groupEnd.length; g++) {
            double pw = 0;
            double nw = 0;
            for (int k = start; k < groupEnd[g]; k++) {
                if (rankedEvent[k]) {
                    pw += rankedWeight[k];
                } else {
                    nw += rankedWeight[k];
                }
            }
            eventWeight[g] = pw;
            otherWeight[g] = nw;
            start = groupEnd[g];
        }
    }

    /**
     * Returns the weighted ROC AUC from the group weights: the weighted share of (event, non-event) pairs in which
     * the event has the higher risk, ties counting one half; NaN when either class has no weight.
     */
    double rocAuc(double[] eventWeight, double[] otherWeight) {
        double below = 0;
        double positive = 0;
        double numerator = 0;
        for (int g = 0; g < eventWeight.length; g++) {
            numerator += eventWeight[g] * (below + 0.5 * otherWeight[g]);
            below += otherWeight[g];
            positive += eventWeight[g];
        }
        return positive > 0 && below > 0 ? numerator / (positive * below) : Double.NaN;
    }

    /**
     * Returns the weighted average precision from the group weights: {@code Σ (Rₖ - Rₖ₋₁) · Pₖ} over the distinct
     * risks from the highest down, where {@code Pₖ} and {@code Rₖ} are the precision and recall of flagging every
     * observation at or above the k-th risk (scikit-learn's {@code average_precision_score}); NaN when no event has
     * weight.
     */
    double averagePrecision(double[] eventWeight, double[] otherWeight) {
        double positives = 0;
        for (double pw : eventWeight) {
            positives += pw;
        }
        if (positives <= 0) {
            return Double.NaN;
        }
        double tp = 0;
        double fp = 0;
        double ap = 0;
        for (int g = eventWeight.length - 1; g >= 0; g--) {
            double pw = eventWeight[g];
            tp += pw;
            fp += otherWeight[g];
            if (pw > 0) {
                ap += pw / positives * (tp / (tp + fp));
            }
        }
        return ap;
    }

    /** Returns the weighted ROC AUC of observations with the given weights and labels, by observation. */
    double rocAuc(double[] weight, boolean[] event) {
        double[][] sums = groupWeights(weight, event);
        return rocAuc(sums[0], sums[1]);
    }

    /** Returns the weighted average precision of observations with the given weights and labels, by observation. */
    double averagePrecision(double[] weight, boolean[] event) {
        double[][] sums = groupWeights(weight, event);
        return averagePrecision(sums[0], sums[1]);
    }

    /** Returns the weights of events and of non-events per group of tied risks ({@code [events, others]}). */
    double[][] groupWeights(double[] weight, boolean[] event) {
        double[] rankedWeight = new double[order.length];
        boolean[] rankedEvent = new boolean[order.length];
        for (int k = 0; k < order.length; k++) {
            rankedWeight[k] = weight[order[k]];
            rankedEvent[k] = event[order[k]];
        }
        double[] eventWeight = new double[groupEnd.length];
        double[] otherWeight = new double[groupEnd.length];
        groupWeights(rankedWeight, rankedEvent, eventWeight, otherWeight);
        return new double[][] {eventWeight, otherWeight};
    }

    /**
     * Returns DeLong's placement values, unweighted: for each event (in index order), the share of non-events with a
     * lower risk, ties counting one half; then for each non-event, the share of events with a higher risk.
     *
     * @return {@code [eventPlacements, nonEventPlacements]}
     */
    double[][] placements(boolean[] event) {
        int positives = 0;
        for (boolean e : event) {
            positives += e ? 1 : 0;
        }
        int negatives = event.length - positives;
        double[] byIndex = new double[event.length];
        int negBelow = 0;
        int posBelow = 0;
        int start = 0;
        for (int end : groupEnd) {
            int pw = 0;
            int nw = 0;
            for (int k = start; k < end; k++) {
                if (event[order[k]]) {
                    pw++;
                } else {
                    nw++;
                }
            }
            double eventPlacement = (negBelow + 0.5 * nw) / negatives;
            double nonEventPlacement = (positives - posBelow - pw + 0.5 * pw) / positives;
            for (int k = start; k < end; k++) {
                byIndex[order[k]] = event[order[k]] ? eventPlacement : nonEventPlacement;
            }
            negBelow += nw;
            posBelow += pw;
            start = end;
        }
        double[] v10 = new double[positives];
        double[] v01 = new double[negatives];
        int p = 0;
        int q = 0;
        for (int i = 0; i < event.length; i++) {
            if (event[i]) {
                v10[p++] = byIndex[i];
            } else {
                v01[q++] = byIndex[i];
            }
        }
        return new double[][] {v10, v01};
    }
}
