package dev.kizuna.health.scorecard;

import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.batch.BatchScorer;
import dev.kizuna.health.batch.RowFailure;
import dev.kizuna.health.batch.RowFailures;
import dev.kizuna.health.batch.SignalFrame;
import dev.kizuna.health.internal.BandRanks;
import dev.kizuna.health.internal.Branchless;
import dev.kizuna.core.internal.Numbers;
import dev.kizuna.health.scorecard.CompiledScorecard.Evaluation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The batch path of a {@link ScorecardModel}: the same arithmetic as {@link CompiledScorecard#evaluate}, in the same
 * order, so that every value is bit for bit the object path's, run over columns.
 *
 * <p>Rows are taken in blocks of 512. A block's rows of every column are first copied into scratch arrays, a stripe of
 * each column in turn ({@link #load}). For each measure, small loops per normaliser kind, without a branch per row so that the
 * JIT vectorises them, compute the block's sub-scores, and the last of them adds {@code effective weight · sub-score}
 * into each row's sum, in measure order as the object path does. A linear measure is one loop; steps and
 * piecewise-linear measures take one loop per step or segment, each choosing exactly between its value and the one
 * before ({@link Branchless}); only the logarithmic scale, which has no vector form, is a scalar loop (whole numbers
 * from a table). The effective weights are those of the frame's pattern of columns (every column present has a
 * value), taken from one object-path evaluation per call, so they are the object path's own numbers. The same loops
 * add {@code raw · 0}, which is 0 for finite values and NaN for a missing or infinite one: a row whose sum ends NaN
 * is scored again alone, with the full algorithm on scratch arrays. Nothing is allocated per row; the scratch belongs
 * to one call.
 *
 * <p>After the measures, the clamp, the caps, the rounding to hundredths and the band are computed for the whole
 * block in loops without a branch per row ({@link Branchless}): scores fall anywhere, so as branches these
 * comparisons would be mispredicted about every other row.
 *
 * <p>When the JVM has the Vector API ({@link VectorSupport}), the linear, steps and piecewise-linear loops and the
 * caps, rounding and bands run as {@link SimdKernels} instead, where a comparison is a mask and a choice a blend; the
 * results are the same bit for bit.
 *
 * <p>Where the object path clamps with {@code s <= 0 ? 0 : (s >= 100 ? 100 : s)}, this path uses
 * {@code Math.max(0.0, Math.min(100.0, s))}: the same result for every double, NaN and signed zeros included, and
 * without branches.
 *
 * <p>A row holding a value outside its input's domain is failed with the frame's reason
 * ({@link SignalFrame#impossibleRows}), which the object path would reject: the frame found the values outside the
 * signals' own domains when it was built, so this costs a few lookups per call unless there are such rows. Those rows
 * go through the loops with the others, and their results are replaced by the failure.
 */
final class ScorecardBatch {
    private static final int BLOCK = 512;
    /**
     * The rows copied from one column before moving to the next, when a block's columns are loaded: small enough that
     * every column's stream advances all the time, as in a plain loop over all columns, which is what the hardware
     * prefetcher follows; large enough that each copy is one fast bulk move.
     */
    private static final int STRIPE = 128;
    private static final int LINEAR = 0;
    private static final int LOGARITHMIC = 1;
    private static final int STEPS = 2;
    private static final int PIECEWISE = 3;
    private static final int OTHER = 4;
    /** The column of a signal the frame does not have. */
    private static final double[] ABSENT = new double[0];
    /** The lowest whole number whose sub-score a table holds. */
    private static final int WHOLE_LOW = -128;
    /** How many whole numbers, from {@link #WHOLE_LOW}, a table holds. */
    private static final int WHOLES = 1_152;

    private final CompiledScorecard card;
    /** The domain of every signal the scorecard reads. */
    private final SortedMap<SignalName, SignalDomain> domains;
    private final int[] kind;
    private final boolean[] inverted;
    /** The normaliser that computes each measure's sub-score (inside an inversion, if any). */
    private final Normaliser[] base;
    /** Linear: {@code from}; logarithmic: {@code ln(1 + from)}; steps: {@code below}. */
    private final double[] offset;
    /** Linear: {@code to - from}; logarithmic: {@code ln(1 + to) - ln(1 + from)}. */
    private final double[] span;
    /** Logarithmic: the score of raw values at or below -1. */
    private final double[] floor;
    /** Steps: each step's {@code from}; piecewise: each point's raw value. */
    private final double[][] knotRaw;
    /** Steps: each step's score; piecewise: each point's score. */
    private final double[][] knotScore;
    /** Piecewise: the raw and score differences from the previous point (index 0 unused). */
    private final double[][] knotRawStep;
    private final double[][] knotScoreStep;
    /**
     * For the normalisers that cannot run vectorised (logarithmic, and kinds this path does not know), the sub-score
     * of each whole number from {@link #WHOLE_LOW}, computed by the normaliser itself: counts (users, logins, NPS)
     * read it from the table instead of through a logarithm or a virtual call. Empty for the others.
     */
    private final double[][] atWhole;
    private final double[] capMax;
    /**
     * Each cap's comparison as a sign for {@link #cap}: +1 for {@code >, >=}, -1 for {@code <, <=}; 0 for the caps
     * applied row by row (equality tests, and signals no measure reads).
     */
    private final double[] capSign;
    /** Whether each cap's comparison is strict ({@code <, >}). */
    private final boolean[] capStrict;
    private final BandRanks ranks;
    /** Each cap's comparison as a {@link SimdKernels#cap} code, for the caps with a {@link #capSign}. */
    private final int[] capCode;
    /** The bands' lower bounds and whether each belongs to its band, worst first, for {@link SimdKernels#finish}. */
    private final double[] bandFrom;
    private final boolean[] bandInclusive;
    /** The SIMD form of the loops, when the JVM offers it. */
    private final Optional<SimdKernels> simd;

    ScorecardBatch(CompiledScorecard card, BandScheme bands, SortedMap<SignalName, SignalDomain> domains) {
        this(card, bands, domains, VectorSupport.kernels());
    }

    /** With the given SIMD kernels, or none: for tests that compare both forms of the loops. */
    ScorecardBatch(CompiledScorecard card, BandScheme bands, SortedMap<SignalName, SignalDomain> domains,
                   Optional<SimdKernels> simd) {
        this.card = card;
        this.domains = domains;
        this.simd = simd;
        int leaves = card.leaves;
        kind = new int[leaves];
        inverted = new boolean[leaves];
        base = new Normaliser[leaves];
        offset = new double[leaves];
        span = new double[leaves];
        floor = new double[leaves];
        knotRaw = new double[leaves][];
        knotScore = new double[leaves][];
        knotRawStep = new double[leaves][];
        knotScoreStep = new double[leaves][];
        atWhole = new double[leaves][];
        for (int l = 0; l < leaves; l++) {
            Normaliser n = card.normaliser[l];
            if (n instanceof Normaliser.Inverted) {
                inverted[l] = true;
                n = ((Normaliser.Inverted) n).of();
            }
            base[l] = n;
            knotRaw[l] = ABSENT;
            knotScore[l] = ABSENT;
            knotRawStep[l] = ABSENT;
            knotScoreStep[l] = ABSENT;
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
            } else if (n instanceof Normaliser.Steps) {
                Normaliser.Steps steps = (Normaliser.Steps) n;
                kind[l] = STEPS;
                offset[l] = steps.below();
                int count = steps.steps().size();
                knotRaw[l] = new double[count];
                knotScore[l] = new double[count];
                for (int i = 0; i < count; i++) {
                    knotRaw[l][i] = steps.steps().get(i).from();
                    knotScore[l][i] = steps.steps().get(i).score();
                }
            } else if (n instanceof Normaliser.PiecewiseLinear) {
                List<Normaliser.Point> points = ((Normaliser.PiecewiseLinear) n).points();
                kind[l] = PIECEWISE;
                int count = points.size();
                knotRaw[l] = new double[count];
                knotScore[l] = new double[count];
                knotRawStep[l] = new double[count];
                knotScoreStep[l] = new double[count];
                for (int i = 0; i < count; i++) {
                    knotRaw[l][i] = points.get(i).raw();
                    knotScore[l][i] = points.get(i).score();
                    if (i > 0) {
                        knotRawStep[l][i] = points.get(i).raw() - points.get(i - 1).raw();
                        knotScoreStep[l][i] = points.get(i).score() - points.get(i - 1).score();
                    }
                }
            } else {
                kind[l] = OTHER;
            }
            atWhole[l] = ABSENT;
            if (kind[l] == LOGARITHMIC || kind[l] == OTHER) {
                atWhole[l] = new double[WHOLES];
                for (int i = 0; i < WHOLES; i++) {
                    atWhole[l][i] = n.score(WHOLE_LOW + i);
                }
            }
        }
        capMax = new double[card.caps.length];
        capSign = new double[card.caps.length];
        capStrict = new boolean[card.caps.length];
        capCode = new int[card.caps.length];
        for (int c = 0; c < capMax.length; c++) {
            Cap cap = card.caps[c];
            capMax[c] = cap.max();
            boolean measured = false;
            for (int l = 0; l < leaves; l++) {
                measured |= card.leafSignal[l] == card.capSignal[c];
            }
            Comparison comparison = cap.comparison();
            capStrict[c] = comparison == Comparison.GREATER || comparison == Comparison.LESS;
            if (measured && (comparison == Comparison.GREATER || comparison == Comparison.AT_LEAST)) {
                capSign[c] = 1;
                capCode[c] = capStrict[c] ? SimdKernels.GREATER : SimdKernels.AT_LEAST;
            } else if (measured && (comparison == Comparison.LESS || comparison == Comparison.AT_MOST)) {
                capSign[c] = -1;
                capCode[c] = capStrict[c] ? SimdKernels.LESS : SimdKernels.AT_MOST;
            }
        }
        ranks = new BandRanks(bands);
        bandFrom = ranks.lowerBounds();
        bandInclusive = ranks.lowerBoundsInclusive();
    }

    /** The scratch of one call. */
    private final class Scratch {
        final double[][] column;
        /** Each measure's effective weight in the frame's pattern; 0 if it does not count. */
        final double[] effective;
        /** Whether the frame's pattern has a score at all; if not, every row takes the full algorithm. */
        final boolean fastPath;
        /** Whether the rows of the frame's pattern have less than the minimum completeness. */
        final boolean incomplete;
        /** The block's rows of each column the frame has, from 0; {@link #ABSENT} for the others. */
        final double[][] block;
        /** The signal numbers of the columns the frame has. */
        final int[] present;
        final double[] sub = new double[BLOCK];
        final double[] sum = new double[BLOCK];
        final double[] score = new double[BLOCK];
        final double[] rank = new double[BLOCK];
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
            block = new double[signals][];
            int count = 0;
            for (int s = 0; s < signals; s++) {
                block[s] = column[s] == ABSENT ? ABSENT : new double[BLOCK];
                count += column[s] == ABSENT ? 0 : 1;
            }
            present = new int[count];
            count = 0;
            for (int s = 0; s < signals; s++) {
                if (column[s] != ABSENT) {
                    present[count++] = s;
                }
            }
            Evaluation pattern = card.evaluate(raw.clone());
            fastPath = pattern.hasScore();
            incomplete = pattern.completeness + 1e-12 < card.minimumCompleteness;
            effective = new double[card.leaves];
            for (int l = 0; l < card.leaves; l++) {
                int node = card.leafNode[l];
                boolean counting = fastPath && pattern.counts[node] && column[card.leafSignal[l]] != ABSENT;
                effective[l] = counting ? pattern.effective[node] : 0;
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
        // Every row holding an infinite value is among these, which the loops above marked failed without a reason.
        for (RowFailure impossible : frame.impossibleRows(domains, from, to)) {
            failures.fail(impossible.row(), impossible.reason(), values, bands);
        }
    }

    private void block(Scratch x, int start, int end, double[] values, byte[] bands, RowFailures failures) {
        int m = end - start;
        double[] sum = x.sum;
        double[] sub = x.sub;
        Arrays.fill(sum, 0, m, 0.0);
        load(x, start, m);
        for (int l = 0; l < card.leaves; l++) {
            double[] col = x.block[card.leafSignal[l]];
            if (col == ABSENT) {
                // Missing in every row: left out (REDISTRIBUTE, in the pattern's weights) or 0 points (ZERO).
                continue;
            }
            if (simd.isPresent() && kind[l] != LOGARITHMIC && kind[l] != OTHER) {
                simdMeasure(simd.get(), l, col, 0, m, x.effective[l], sum);
            } else {
                measure(l, col, m, sub, x.effective[l], sum);
            }
        }
        Optional<SimdKernels> kernels = x.incomplete ? Optional.empty() : simd;
        clampAndCap(kernels, x, m);
        if (kernels.isPresent()) {
            simdFinish(kernels.get(), x, start, m, values, bands, failures);
            return;
        }
        // The rounding and the bands, a block at a time without a branch per row.
        double[] score = x.score;
        Branchless.round2(score, m);
        double[] rank = x.rank;
        ranks.rankAll(score, m, rank);
        boolean incomplete = x.incomplete;
        for (int k = 0; k < m; k++) {
            int row = start + k;
            if (score[k] != score[k]) {
                slowRow(x, row, values, bands, failures);
            } else if (incomplete) {
                insufficient(row, values, bands);
            } else {
                values[row] = score[k];
                bands[row] = (byte) rank[k];
            }
        }
    }

    /**
     * Copies the block's rows of every column the frame has into the scratch, {@link #STRIPE} rows of one column at a
     * time, round the columns: all the columns' streams advance together, as in a plain loop that reads them all,
     * which the hardware prefetcher keeps ahead of; a column at a time, each column's block would start a stream anew
     * and wait on memory. Loops over the copies, indexed from 0, also vectorise, where loops over
     * {@code column[start + k]} do not.
     */
    private static void load(Scratch x, int start, int m) {
        int[] present = x.present;
        for (int k = 0; k < m; k += STRIPE) {
            int length = Math.min(STRIPE, m - k);
            for (int s : present) {
                System.arraycopy(x.column[s], start + k, x.block[s], k, length);
            }
        }
    }

    /**
     * Clamps the block's sums into {@code x.score} and applies the caps, those on a measure's signal through the SIMD
     * kernels if given. Such a signal is a measure's too, so a row with no value or a non-finite one has a NaN sum and
     * is scored again later: every value those caps read is finite. The others go row by row ({@link #capRows}).
     */
    private void clampAndCap(Optional<SimdKernels> kernels, Scratch x, int m) {
        double[] sum = x.sum;
        double[] score = x.score;
        for (int k = 0; k < m; k++) {
            score[k] = Math.max(0.0, Math.min(100.0, sum[k]));
        }
        for (int c = 0; c < capMax.length; c++) {
            double[] col = x.block[card.capSignal[c]];
            if (col == ABSENT) {
                continue;
            }
            if (capSign[c] == 0) {
                capRows(c, col, 0, m, score);
            } else if (kernels.isPresent()) {
                kernels.get().cap(col, 0, m, score, capCode[c], card.caps[c].threshold(), capMax[c]);
            } else {
                cap(col, m, score, capSign[c], card.caps[c].threshold(), capStrict[c], capMax[c]);
            }
        }
    }

    /**
     * The rest of {@link #block} through the SIMD kernels, after {@link #clampAndCap}: the rounding and the bands,
     * the scores written to {@code values} as they are rounded; then each row's band, or its second scoring if its
     * score is NaN.
     */
    private void simdFinish(SimdKernels kernels, Scratch x, int start, int m, double[] values, byte[] bands,
                            RowFailures failures) {
        double[] score = x.score;
        double[] rank = x.rank;
        kernels.finish(score, m, bandFrom, bandInclusive, values, start, rank);
        for (int k = 0; k < m; k++) {
            if (score[k] != score[k]) {
                slowRow(x, start + k, values, bands, failures);
            } else {
                bands[start + k] = (byte) rank[k];
            }
        }
    }

    /**
     * Lowers each score to {@code max} where the cap's condition holds: {@code sign · (raw - threshold)} is at least
     * 0 (or above 0 when strict), so that {@code <, <=, >, >=} are one loop. A score is lowered by taking the minimum
     * with {@code max}, or with {@code max + 1000} (above any score) where the condition does not hold.
     */
    private static void cap(double[] raw, int m, double[] score, double sign, double threshold, boolean strict,
                            double max) {
        if (strict) {
            for (int k = 0; k < m; k++) {
                double holds = Branchless.aboveZero(sign * (raw[k] - threshold));
                score[k] = Math.min(score[k], max + (1.0 - holds) * 1000.0);
            }
        } else {
            for (int k = 0; k < m; k++) {
                double holds = Branchless.atLeastZero(sign * (raw[k] - threshold));
                score[k] = Math.min(score[k], max + (1.0 - holds) * 1000.0);
            }
        }
    }

    /**
     * Applies cap {@code c} row by row: for equality tests, and for a signal no measure reads (whose missing values
     * are no reason to score a row again). A non-finite value sends its row down the full algorithm.
     */
    private void capRows(int c, double[] col, int start, int m, double[] score) {
        Cap cap = card.caps[c];
        for (int k = 0; k < m; k++) {
            double r = col[start + k];
            if (r != r) {
                continue;
            }
            if (Double.isInfinite(r)) {
                score[k] = Double.NaN;
            } else if (cap.holds(r) && capMax[c] < score[k]) {
                score[k] = capMax[c];
            }
        }
    }

    /**
     * Adds measure {@code l}'s {@code w · sub-score + raw · 0} to each of the first {@code m} rows' sums: exactly
     * {@code w · sub-score} for a finite raw value, and NaN, marking the row, for a missing or infinite one. Each kind
     * of normaliser has loops of its own, and the last of them adds into the sums, so that no pass over the block is
     * spent on the addition alone. An inverted normaliser's sub-score is {@code 100 - inner}; the loops compute
     * {@code a + b · inner} with {@code (a, b)} = (100, -1) when inverted and (0, 1) otherwise, both exact.
     */
    private void measure(int l, double[] raw, int m, double[] sub, double w, double[] sum) {
        double a = inverted[l] ? 100.0 : 0.0;
        double b = inverted[l] ? -1.0 : 1.0;
        switch (kind[l]) {
            case LINEAR:
                if (inverted[l]) {
                    invertedLinear(raw, m, offset[l], span[l], w, sum);
                } else {
                    linear(raw, m, offset[l], span[l], w, sum);
                }
                break;
            case LOGARITHMIC:
                logarithmic(l, raw, m, w, a, b, sum);
                break;
            case STEPS:
                steps(l, raw, m, sub, w, a, b, sum);
                break;
            case PIECEWISE:
                piecewise(l, raw, m, sub, w, a, b, sum);
                break;
            default: {
                Normaliser n = base[l];
                double[] table = atWhole[l];
                for (int k = 0; k < m; k++) {
                    double r = raw[k];
                    int whole = (int) r;
                    double inner = whole == r && whole >= WHOLE_LOW && whole < WHOLE_LOW + WHOLES
                            ? table[whole - WHOLE_LOW] : n.score(r);
                    sum[k] += w * (a + b * inner) + r * 0.0;
                }
                break;
            }
        }
    }

    /** {@link #measure} through the SIMD kernels, straight from the column: linear, steps and piecewise only. */
    private void simdMeasure(SimdKernels kernels, int l, double[] col, int start, int m, double w, double[] sum) {
        double a = inverted[l] ? 100.0 : 0.0;
        double b = inverted[l] ? -1.0 : 1.0;
        switch (kind[l]) {
            case LINEAR:
                kernels.linear(col, start, m, offset[l], span[l], w, a, b, sum);
                break;
            case STEPS:
                kernels.steps(col, start, m, offset[l], knotRaw[l], knotScore[l], w, a, b, sum);
                break;
            default:
                kernels.piecewise(col, start, m, knotRaw[l], knotScore[l], knotRawStep[l], knotScoreStep[l], w, a, b,
                        sum);
                break;
        }
    }

    /**
     * {@link Normaliser.Linear#score}, clamped without branches, added into the sums: one small loop, which the JIT
     * vectorises.
     */
    private static void linear(double[] raw, int m, double from, double width, double w, double[] sum) {
        for (int k = 0; k < m; k++) {
            double r = raw[k];
            sum[k] += w * Math.max(0.0, Math.min(100.0, (r - from) / width * 100.0)) + r * 0.0;
        }
    }

    /** {@link Normaliser.Inverted} over {@link Normaliser.Linear}: 100 minus the linear sub-score, added in. */
    private static void invertedLinear(double[] raw, int m, double from, double width, double w, double[] sum) {
        for (int k = 0; k < m; k++) {
            double r = raw[k];
            sum[k] += w * (100.0 - Math.max(0.0, Math.min(100.0, (r - from) / width * 100.0))) + r * 0.0;
        }
    }

    /**
     * {@link Normaliser.Logarithmic#score}: whole numbers from the table, others through {@link Math#log1p} with the
     * bounds' logarithms taken once, as {@link CompiledNormaliser} does.
     */
    private void logarithmic(int l, double[] raw, int m, double w, double a, double b, double[] sum) {
        double low = offset[l];
        double width = span[l];
        double atFloor = floor[l];
        double[] table = atWhole[l];
        for (int k = 0; k < m; k++) {
            double r = raw[k];
            int whole = (int) r;
            double inner;
            if (whole == r && whole >= WHOLE_LOW && whole < WHOLE_LOW + WHOLES) {
                inner = table[whole - WHOLE_LOW];
            } else {
                inner = r <= -1 ? atFloor : Math.max(0.0, Math.min(100.0, (Math.log1p(r) - low) / width * 100.0));
            }
            sum[k] += w * (a + b * inner) + r * 0.0;
        }
    }

    /**
     * {@link Normaliser.Steps#score} over arrays without a branch: starting from {@code below}, each step in turn
     * replaces the sub-score where the raw value reaches it ({@code >=}). The choice is
     * {@code h · step + (1 - h) · current} with {@code h} exactly 0 or 1 ({@link Branchless}), which is exactly one of
     * the two. The first step chooses against {@code below} itself, and the last adds into the sums.
     */
    private void steps(int l, double[] raw, int m, double[] sub, double w, double a, double b, double[] sum) {
        double[] from = knotRaw[l];
        double[] score = knotScore[l];
        int last = from.length - 1;
        if (last == 0) {
            onlyStep(raw, m, from[0], score[0], offset[l], w, a, b, sum);
            return;
        }
        firstStep(raw, m, sub, from[0], score[0], offset[l]);
        for (int i = 1; i < last; i++) {
            step(raw, m, sub, from[i], score[i]);
        }
        lastStep(raw, m, sub, from[last], score[last], w, a, b, sum);
    }

    private static void onlyStep(double[] raw, int m, double bound, double value, double below, double w, double a,
                                 double b, double[] sum) {
        for (int k = 0; k < m; k++) {
            double r = raw[k];
            double h = Branchless.atLeastZero(r - bound);
            sum[k] += w * (a + b * (h * value + (1.0 - h) * below)) + r * 0.0;
        }
    }

    private static void firstStep(double[] raw, int m, double[] out, double bound, double value, double below) {
        for (int k = 0; k < m; k++) {
            double h = Branchless.atLeastZero(raw[k] - bound);
            out[k] = h * value + (1.0 - h) * below;
        }
    }

    private static void step(double[] raw, int m, double[] out, double bound, double value) {
        for (int k = 0; k < m; k++) {
            double h = Branchless.atLeastZero(raw[k] - bound);
            out[k] = h * value + (1.0 - h) * out[k];
        }
    }

    private static void lastStep(double[] raw, int m, double[] out, double bound, double value, double w, double a,
                                 double b, double[] sum) {
        for (int k = 0; k < m; k++) {
            double r = raw[k];
            double h = Branchless.atLeastZero(r - bound);
            sum[k] += w * (a + b * (h * value + (1.0 - h) * out[k])) + r * 0.0;
        }
    }

    /**
     * {@link Normaliser.PiecewiseLinear#score} over arrays without a branch: starting from the first point's score,
     * each segment in turn replaces the sub-score where the raw value lies beyond its start, with its interpolation
     * {@code a.score + (raw - a.raw) / (b.raw - a.raw) · (b.score - a.score)}, clamped: the object path's operations
     * in its order. Beyond the last point, the last point's score; that last choice adds into the sums. The segment
     * that wins is the last one whose start the value passes, the one the object path's search stops at. A candidate
     * that overflows in a segment the value does not lie in is NaN, and sends its row down the full algorithm.
     */
    private void piecewise(int l, double[] raw, int m, double[] sub, double w, double a, double b, double[] sum) {
        double[] x = knotRaw[l];
        double[] y = knotScore[l];
        double[] width = knotRawStep[l];
        double[] rise = knotScoreStep[l];
        int last = x.length - 1;
        firstSegment(raw, m, sub, x[0], y[0], width[1], rise[1]);
        for (int i = 2; i <= last; i++) {
            segment(raw, m, sub, x[i - 1], y[i - 1], width[i], rise[i]);
        }
        beyond(raw, m, sub, x[last], y[last], w, a, b, sum);
    }

    /** The first segment: its interpolation where {@code raw[k] > from}, else the first point's score. */
    private static void firstSegment(double[] raw, int m, double[] out, double from, double base, double width,
                                     double rise) {
        for (int k = 0; k < m; k++) {
            double r = raw[k];
            double h = Branchless.aboveZero(r - from);
            double s = Math.max(0.0, Math.min(100.0, base + (r - from) / width * rise));
            out[k] = h * s + (1.0 - h) * base;
        }
    }

    /** Where {@code raw[k] > from}, sets {@code out[k]} to the segment's clamped interpolation. */
    private static void segment(double[] raw, int m, double[] out, double from, double base, double width,
                                double rise) {
        for (int k = 0; k < m; k++) {
            double r = raw[k];
            double h = Branchless.aboveZero(r - from);
            double s = Math.max(0.0, Math.min(100.0, base + (r - from) / width * rise));
            out[k] = h * s + (1.0 - h) * out[k];
        }
    }

    /** Where {@code raw[k] > bound}, the last point's {@code value}; the result added into the sums. */
    private static void beyond(double[] raw, int m, double[] out, double bound, double value, double w, double a,
                               double b, double[] sum) {
        for (int k = 0; k < m; k++) {
            double r = raw[k];
            double h = Branchless.aboveZero(r - bound);
            sum[k] += w * (a + b * (h * value + (1.0 - h) * out[k])) + r * 0.0;
        }
    }

    /** Scores one row with the full algorithm of {@link CompiledScorecard#evaluate}, on the call's scratch arrays. */
    private void slowRow(Scratch x, int row, double[] values, byte[] bands, RowFailures failures) {
        double[] raw = x.raw;
        for (int s = 0; s < raw.length; s++) {
            raw[s] = x.column[s] == ABSENT ? Double.NaN : x.column[s][row];
        }
        for (double r : raw) {
            if (Double.isInfinite(r)) {
                // No snapshot can hold the row: it is reported, with the frame's reason, by scoreRows.
                values[row] = Double.NaN;
                bands[row] = BatchScorer.FAILED;
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

}
