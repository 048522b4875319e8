package dev.kizuna.health.scorecard;

import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.batch.BatchScorer;
import dev.kizuna.health.batch.RowFailures;
import dev.kizuna.health.batch.SignalFrame;
import dev.kizuna.health.internal.CompiledScorecard;
import dev.kizuna.health.internal.CompiledScorecard.Evaluation;
import dev.kizuna.health.internal.BandRanks;
import dev.kizuna.health.internal.Numbers;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/**
 * The batch path of a {@link ScorecardModel}: the same arithmetic as {@link CompiledScorecard#evaluate}, in the same
 * order, so that every value is bit for bit the object path's, run over columns.
 *
 * <p>Rows are taken in blocks. For each measure, one tight loop per normaliser kind computes the block's sub-scores,
 * and a second loop adds {@code effective weight · sub-score} into each row's sum, in measure order as the object
 * path does. The effective weights are those of the frame's pattern of columns (every present column with a value),
 * taken from one object-path evaluation per call, so they are the object path's own numbers. A row whose pattern
 * differs (a value missing under {@code REDISTRIBUTE} or {@code FAIL}, or an infinite value) is scored again alone
 * with the full algorithm on scratch arrays. Nothing is allocated per row. Immutable and thread-safe; the scratch
 * arrays belong to one call.
 */
final class ScorecardBatch {
    private static final int BLOCK = 256;
    private static final int LINEAR = 0;
    private static final int LOGARITHMIC = 1;
    private static final int OTHER = 2;
    /** The column of a signal the frame does not have. */
    private static final double[] ABSENT = new double[0];

    private final CompiledScorecard card;
    private final int[] kind;
    private final boolean[] inverted;
    /** The normaliser that computes each measure's sub-score (inside an inversion, if any). */
    private final Normaliser[] base;
    /** Linear: {@code from}; logarithmic: {@code ln(1 + from)}. */
    private final double[] offset;
    /** Linear: {@code to - from}; logarithmic: {@code ln(1 + to) - ln(1 + from)}. */
    private final double[] span;
    /** Logarithmic: the score of raw values at or below -1. */
    private final double[] floor;
    private final double[] capMax;
    /** Signal numbers in name order, the order in which an infinite value is reported. */
    private final int[] signalsByName;
    private final BandRanks ranks;

    ScorecardBatch(CompiledScorecard card, BandScheme bands) {
        this.card = card;
        int leaves = card.leaves;
        kind = new int[leaves];
        inverted = new boolean[leaves];
        base = new Normaliser[leaves];
        offset = new double[leaves];
        span = new double[leaves];
        floor = new double[leaves];
        for (int l = 0; l < leaves; l++) {
            Normaliser n = card.normaliser[l];
            if (n instanceof Normaliser.Inverted) {
                inverted[l] = true;
                n = ((Normaliser.Inverted) n).of();
            }
            base[l] = n;
            if (n instanceof Normaliser.Linear) {
                Normaliser.Linear linear = (Normaliser.Linear) n;
                kind[l] = LINEAR;
                offset[l] = linear.from();
                span[l] = linear.to() - linear.from();
            } else if (n instanceof Normaliser.Logarithmic) {
                Normaliser.Logarithmic log = (Normaliser.Logarithmic) n;
                double low = Math.log1p(log.from());
                double high = Math.log1p(log.to());
                kind[l] = LOGARITHMIC;
                offset[l] = low;
                span[l] = high - low;
                floor[l] = high > low ? 0 : 100;
            } else {
                kind[l] = OTHER;
            }
        }
        capMax = new double[card.caps.length];
        for (int c = 0; c < capMax.length; c++) {
            capMax[c] = card.caps[c].max();
        }
        Integer[] order = new Integer[card.signals.length];
        for (int s = 0; s < order.length; s++) {
            order[s] = s;
        }
        Arrays.sort(order, Comparator.comparing(s -> card.signals[s]));
        signalsByName = new int[order.length];
        for (int s = 0; s < order.length; s++) {
            signalsByName[s] = order[s];
        }
        ranks = new BandRanks(bands);
    }

    /** The scratch of one call. */
    private final class Scratch {
        final double[][] column;
        final double[] effective;
        final boolean[] counting;
        final boolean fastPath;
        final double[] sub = new double[BLOCK];
        final double[] sum = new double[BLOCK];
        final double[] completeness = new double[BLOCK];
        final boolean[] slow = new boolean[BLOCK];
        final double[] raw;
        final double[] rowSub;
        final boolean[] counts;
        final double[] mass;
        final double[] eff;

        Scratch(SignalFrame frame) {
            int signals = card.signals.length;
            column = new double[signals][];
            raw = new double[signals];
            for (int s = 0; s < signals; s++) {
                Optional<double[]> c = frame.column(card.signals[s]);
                column[s] = c.isPresent() ? c.get() : ABSENT;
                // The frame's pattern: every present column with a value, absent columns missing.
                raw[s] = column[s] == ABSENT ? Double.NaN : 0;
            }
            Evaluation pattern = card.evaluate(raw.clone());
            fastPath = pattern.hasScore();
            effective = new double[card.leaves];
            counting = new boolean[card.leaves];
            for (int l = 0; l < card.leaves; l++) {
                int node = card.leafNode[l];
                counting[l] = fastPath && pattern.counts[node] && column[card.leafSignal[l]] != ABSENT;
                effective[l] = counting[l] ? pattern.effective[node] : 0;
            }
            rowSub = new double[card.leaves];
            counts = new boolean[card.nodes];
            mass = new double[card.nodes];
            eff = new double[card.nodes];
        }
    }

    void scoreRows(SignalFrame frame, int from, int to, double[] values, byte[] bands, RowFailures failures) {
        Scratch x = new Scratch(frame);
        for (int start = from; start < to; start += BLOCK) {
            int end = Math.min(to, start + BLOCK);
            if (x.fastPath) {
                block(x, start, end, values, bands, failures);
            } else {
                for (int row = start; row < end; row++) {
                    slowRow(x, row, values, bands, failures);
                }
            }
        }
    }

    private void block(Scratch x, int start, int end, double[] values, byte[] bands, RowFailures failures) {
        int m = end - start;
        double[] sum = x.sum;
        double[] completeness = x.completeness;
        boolean[] slow = x.slow;
        double[] sub = x.sub;
        Arrays.fill(sum, 0, m, 0.0);
        Arrays.fill(completeness, 0, m, 0.0);
        Arrays.fill(slow, 0, m, false);
        boolean needCompleteness = card.minimumCompleteness > 0;
        for (int l = 0; l < card.leaves; l++) {
            double[] col = x.column[card.leafSignal[l]];
            if (col == ABSENT) {
                // Missing in every row: left out (REDISTRIBUTE, in the pattern's weights) or 0 points (ZERO).
                continue;
            }
            subScores(l, col, start, m, sub);
            double w = x.effective[l];
            double dw = card.designWeight[l];
            boolean zero = card.policy[l] == MissingDataPolicy.ZERO;
            if (needCompleteness) {
                for (int k = 0; k < m; k++) {
                    double r = col[start + k];
                    if (Math.abs(r) <= Double.MAX_VALUE) {
                        sum[k] += w * sub[k];
                        completeness[k] += dw;
                    } else if (!(r != r && zero)) {
                        slow[k] = true;
                    }
                }
            } else {
                for (int k = 0; k < m; k++) {
                    double r = col[start + k];
                    if (Math.abs(r) <= Double.MAX_VALUE) {
                        sum[k] += w * sub[k];
                    } else if (!(r != r && zero)) {
                        slow[k] = true;
                    }
                }
            }
        }
        double minimum = card.minimumCompleteness;
        Cap[] caps = card.caps;
        rows:
        for (int k = 0; k < m; k++) {
            int row = start + k;
            if (slow[k]) {
                slowRow(x, row, values, bands, failures);
                continue;
            }
            double score = sum[k];
            score = score < 0 ? 0 : (score > 100 ? 100 : score);
            double capped = score;
            for (int c = 0; c < caps.length; c++) {
                double[] col = x.column[card.capSignal[c]];
                if (col == ABSENT) {
                    continue;
                }
                double r = col[row];
                if (!(Math.abs(r) <= Double.MAX_VALUE)) {
                    if (r != r) {
                        continue;
                    }
                    slowRow(x, row, values, bands, failures);
                    continue rows;
                }
                if (caps[c].holds(r) && capMax[c] < capped) {
                    capped = capMax[c];
                }
            }
            if (needCompleteness && Math.min(1, completeness[k]) + 1e-12 < minimum) {
                values[row] = Double.NaN;
                bands[row] = BatchScorer.INSUFFICIENT_DATA;
                continue;
            }
            double value = Numbers.round2(capped);
            values[row] = value;
            bands[row] = ranks.rank(value);
        }
    }

    /** Computes measure {@code l}'s sub-scores of rows {@code start..start+m-1}; non-finite raw values give junk. */
    private void subScores(int l, double[] col, int start, int m, double[] sub) {
        switch (kind[l]) {
            case LINEAR: {
                double from = offset[l];
                double width = span[l];
                for (int k = 0; k < m; k++) {
                    double s = (col[start + k] - from) / width * 100.0;
                    sub[k] = s <= 0 ? 0 : (s >= 100 ? 100 : s);
                }
                break;
            }
            case LOGARITHMIC: {
                double low = offset[l];
                double width = span[l];
                double atFloor = floor[l];
                for (int k = 0; k < m; k++) {
                    double r = col[start + k];
                    if (r <= -1) {
                        sub[k] = atFloor;
                    } else {
                        double s = (Math.log1p(r) - low) / width * 100.0;
                        sub[k] = s <= 0 ? 0 : (s >= 100 ? 100 : s);
                    }
                }
                break;
            }
            default:
                otherSubScores(base[l], col, start, m, sub);
                break;
        }
        if (inverted[l]) {
            for (int k = 0; k < m; k++) {
                sub[k] = 100.0 - sub[k];
            }
        }
    }

    /** Steps and piecewise normalisers through their own (final) classes, so each loop has one call target. */
    private static void otherSubScores(Normaliser n, double[] col, int start, int m, double[] sub) {
        if (n instanceof Normaliser.Steps) {
            Normaliser.Steps steps = (Normaliser.Steps) n;
            for (int k = 0; k < m; k++) {
                double r = col[start + k];
                sub[k] = r == r ? steps.score(r) : 0;
            }
        } else if (n instanceof Normaliser.PiecewiseLinear) {
            Normaliser.PiecewiseLinear piecewise = (Normaliser.PiecewiseLinear) n;
            for (int k = 0; k < m; k++) {
                double r = col[start + k];
                sub[k] = r == r ? piecewise.score(r) : 0;
            }
        } else {
            for (int k = 0; k < m; k++) {
                double r = col[start + k];
                sub[k] = r == r ? n.score(r) : 0;
            }
        }
    }

    /** Scores one row with the full algorithm of {@link CompiledScorecard#evaluate}, on the call's scratch arrays. */
    private void slowRow(Scratch x, int row, double[] values, byte[] bands, RowFailures failures) {
        double[] raw = x.raw;
        for (int s = 0; s < raw.length; s++) {
            raw[s] = x.column[s] == ABSENT ? Double.NaN : x.column[s][row];
        }
        for (int s : signalsByName) {
            if (Double.isInfinite(raw[s])) {
                failures.fail(row, "signal " + card.signals[s].value() + ": " + raw[s] + " is not a finite number",
                        values, bands);
                return;
            }
        }
        double[] sub = x.rowSub;
        boolean[] counts = x.counts;
        double[] mass = x.mass;
        double[] eff = x.eff;
        Arrays.fill(counts, false);
        Arrays.fill(mass, 0.0);
        Arrays.fill(eff, 0.0);
        boolean fail = false;
        double completeness = 0;
        for (int l = 0; l < card.leaves; l++) {
            double r = raw[card.leafSignal[l]];
            int node = card.leafNode[l];
            if (r == r) {
                sub[l] = card.normaliser[l].score(r);
                counts[node] = true;
                completeness += card.designWeight[l];
            } else {
                switch (card.policy[l]) {
                    case ZERO:
                        sub[l] = 0;
                        counts[node] = true;
                        break;
                    case FAIL:
                        fail = true;
                        sub[l] = Double.NaN;
                        break;
                    default:
                        sub[l] = Double.NaN;
                        break;
                }
            }
        }
        completeness = Math.min(1, completeness);
        if (fail) {
            insufficient(row, values, bands);
            return;
        }
        int[] parent = card.parent;
        double[] localWeight = card.localWeight;
        double rootMass = 0;
        for (int n = card.nodes - 1; n >= 0; n--) {
            if (card.leafOfNode[n] < 0) {
                counts[n] = mass[n] > 0;
            }
            if (counts[n]) {
                if (parent[n] < 0) {
                    rootMass += localWeight[n];
                } else {
                    mass[parent[n]] += localWeight[n];
                }
            }
        }
        if (rootMass <= 0) {
            insufficient(row, values, bands);
            return;
        }
        double score = 0;
        for (int n = 0; n < card.nodes; n++) {
            int p = parent[n];
            if (p >= 0 && !counts[p]) {
                counts[n] = false;
            }
            if (!counts[n]) {
                continue;
            }
            eff[n] = p < 0 ? localWeight[n] / rootMass : eff[p] * localWeight[n] / mass[p];
            int l = card.leafOfNode[n];
            if (l >= 0) {
                score += eff[n] * sub[l];
            }
        }
        score = score < 0 ? 0 : (score > 100 ? 100 : score);
        double capped = score;
        for (int c = 0; c < card.caps.length; c++) {
            double r = raw[card.capSignal[c]];
            if (r == r && card.caps[c].holds(r) && capMax[c] < capped) {
                capped = capMax[c];
            }
        }
        if (completeness + 1e-12 < card.minimumCompleteness) {
            insufficient(row, values, bands);
            return;
        }
        double value = Numbers.round2(capped);
        values[row] = value;
        bands[row] = ranks.rank(value);
    }

    private static void insufficient(int row, double[] values, byte[] bands) {
        values[row] = Double.NaN;
        bands[row] = BatchScorer.INSUFFICIENT_DATA;
    }


    /** The signals the scorecard reads, in the compiled order. */
    SignalName[] signals() {
        return card.signals;
    }
}
