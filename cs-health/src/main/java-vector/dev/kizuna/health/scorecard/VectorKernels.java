package dev.kizuna.health.scorecard;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The batch path's measure loops written with the JDK's Vector API ({@code jdk.incubator.vector}), for
 * {@link ScorecardBatch}: a comparison is a mask and a choice is a blend, one instruction each, where the plain loops
 * spend a dozen on {@link Math#min}/{@link Math#max} and exact 0/1 arithmetic. Every lane computes the object path's operations in its order ({@link Normaliser#score}), so the
 * results are bit for bit those of the plain loops and of the object path; rows past the last whole vector are
 * computed one at a time with the same operations.
 *
 * <p>The Vector API is still incubating in Java 17, so this class is compiled apart from the rest of the module and is
 * loaded only when {@link VectorSupport} finds {@code jdk.incubator.vector} in the boot layer: a JVM started with
 * {@code --add-modules jdk.incubator.vector}. Nothing names it but that one reflective call; the batch path sees it as
 * {@link SimdKernels}.
 */
final class VectorKernels implements SimdKernels {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final double TWO_52 = 0x1p52;

    /** Made by {@link VectorSupport}, reflectively: nothing else may name this class. */
    VectorKernels() {
    }

    @Override
    public int lanes() {
        return LANES;
    }

    @Override
    public void linear(double[] col, int start, int m, double from, double width, double w, double a, double b,
                       double[] sum) {
        int k = 0;
        for (int end = SPECIES.loopBound(m); k < end; k += LANES) {
            DoubleVector r = DoubleVector.fromArray(SPECIES, col, start + k);
            add(sum, k, r, clamp(r.sub(from).div(width).mul(100.0)), w, a, b);
        }
        for (; k < m; k++) {
            double r = col[start + k];
            double s = (r - from) / width * 100.0;
            add(sum, k, r, s <= 0 ? 0 : (s >= 100 ? 100 : s), w, a, b);
        }
    }

    @Override
    public void steps(double[] col, int start, int m, double below, double[] from, double[] score, double w, double a,
                      double b, double[] sum) {
        int k = 0;
        for (int end = SPECIES.loopBound(m); k < end; k += LANES) {
            DoubleVector r = DoubleVector.fromArray(SPECIES, col, start + k);
            DoubleVector s = DoubleVector.broadcast(SPECIES, below);
            for (int i = 0; i < from.length; i++) {
                s = s.blend(score[i], r.compare(VectorOperators.GE, from[i]));
            }
            add(sum, k, r, s, w, a, b);
        }
        for (; k < m; k++) {
            double r = col[start + k];
            double s = below;
            for (int i = 0; i < from.length && r >= from[i]; i++) {
                s = score[i];
            }
            add(sum, k, r, s, w, a, b);
        }
    }

    /**
     * Each lane's segment is chosen first, as blends of the segments' start, score, width and rise where the value
     * lies beyond the segment's start, and then interpolated once, so one division serves every segment.
     */
    @Override
    public void piecewise(double[] col, int start, int m, double[] x, double[] y, double[] width, double[] rise,
                          double w, double a, double b, double[] sum) {
        int last = x.length - 1;
        int k = 0;
        for (int end = SPECIES.loopBound(m); k < end; k += LANES) {
            DoubleVector r = DoubleVector.fromArray(SPECIES, col, start + k);
            DoubleVector from = DoubleVector.broadcast(SPECIES, x[0]);
            DoubleVector base = DoubleVector.broadcast(SPECIES, y[0]);
            DoubleVector span = DoubleVector.broadcast(SPECIES, width[1]);
            DoubleVector up = DoubleVector.broadcast(SPECIES, rise[1]);
            for (int i = 2; i <= last; i++) {
                VectorMask<Double> past = r.compare(VectorOperators.GT, x[i - 1]);
                from = from.blend(x[i - 1], past);
                base = base.blend(y[i - 1], past);
                span = span.blend(width[i], past);
                up = up.blend(rise[i], past);
            }
            DoubleVector s = clamp(r.sub(from).div(span).mul(up).add(base))
                    .blend(y[0], r.compare(VectorOperators.LE, x[0]))
                    .blend(y[last], r.compare(VectorOperators.GT, x[last]));
            add(sum, k, r, s, w, a, b);
        }
        for (; k < m; k++) {
            double r = col[start + k];
            double s;
            if (r <= x[0]) {
                s = y[0];
            } else if (r > x[last]) {
                s = y[last];
            } else {
                int i = 1;
                while (r > x[i]) {
                    i++;
                }
                s = y[i - 1] + (r - x[i - 1]) / width[i] * rise[i];
                s = s <= 0 ? 0 : (s >= 100 ? 100 : s);
            }
            add(sum, k, r, s, w, a, b);
        }
    }

    @Override
    public void cap(double[] col, int start, int m, double[] score, int comparison, double threshold, double max) {
        VectorOperators.Comparison test = comparison == GREATER ? VectorOperators.GT
                : comparison == AT_LEAST ? VectorOperators.GE
                : comparison == LESS ? VectorOperators.LT : VectorOperators.LE;
        int k = 0;
        for (int end = SPECIES.loopBound(m); k < end; k += LANES) {
            DoubleVector r = DoubleVector.fromArray(SPECIES, col, start + k);
            DoubleVector s = DoubleVector.fromArray(SPECIES, score, k);
            s.blend(max, r.compare(test, threshold).and(s.compare(VectorOperators.GT, max))).intoArray(score, k);
        }
        for (; k < m; k++) {
            double r = col[start + k];
            boolean holds = comparison == GREATER ? r > threshold
                    : comparison == AT_LEAST ? r >= threshold
                    : comparison == LESS ? r < threshold : r <= threshold;
            if (holds && max < score[k]) {
                score[k] = max;
            }
        }
    }

    /**
     * The floor of {@code x = 100 · score} is {@code x} rounded to a whole number by adding and taking away
     * {@code 2^52} (exact for {@code 0 <= x < 2^52}), less one where that rounded up.
     */
    @Override
    public void finish(double[] score, int m, double[] from, boolean[] inclusive, double[] values, int start,
                       double[] rank) {
        int k = 0;
        for (int end = SPECIES.loopBound(m); k < end; k += LANES) {
            DoubleVector s = DoubleVector.fromArray(SPECIES, score, k);
            DoubleVector x = s.mul(100.0);
            DoubleVector whole = x.add(TWO_52).sub(TWO_52);
            DoubleVector floor = whole.sub(1.0, whole.compare(VectorOperators.GT, x));
            DoubleVector rounded = floor.add(1.0, x.sub(floor).sub(0.5).compare(VectorOperators.GE, 0.0)).div(100.0)
                    .blend(s, s.compare(VectorOperators.NE, s));
            rounded.intoArray(score, k);
            rounded.intoArray(values, start + k);
            DoubleVector band = DoubleVector.zero(SPECIES);
            for (int b = 1; b < from.length; b++) {
                band = band.add(1.0, rounded.compare(inclusive[b] ? VectorOperators.GE : VectorOperators.GT, from[b]));
            }
            band.intoArray(rank, k);
        }
        for (; k < m; k++) {
            double s = score[k];
            double x = s * 100.0;
            double floor = Math.floor(x);
            double rounded = s != s ? s : (floor + (x - floor - 0.5 >= 0 ? 1 : 0)) / 100.0;
            score[k] = rounded;
            values[start + k] = rounded;
            int band = 0;
            for (int b = 1; b < from.length; b++) {
                band += (inclusive[b] ? rounded >= from[b] : rounded > from[b]) ? 1 : 0;
            }
            rank[k] = band;
        }
    }

    /** {@code s <= 0 ? 0 : (s >= 100 ? 100 : s)}, lane by lane. */
    private static DoubleVector clamp(DoubleVector s) {
        return s.blend(0.0, s.compare(VectorOperators.LE, 0.0)).blend(100.0, s.compare(VectorOperators.GE, 100.0));
    }

    /** {@code sum[k..] += w · (a + b · inner) + raw · 0}. */
    private static void add(double[] sum, int k, DoubleVector raw, DoubleVector inner, double w, double a, double b) {
        DoubleVector term = inner.mul(b).add(a).mul(w).add(raw.mul(0.0));
        DoubleVector.fromArray(SPECIES, sum, k).add(term).intoArray(sum, k);
    }

    private static void add(double[] sum, int k, double raw, double inner, double w, double a, double b) {
        sum[k] += w * (a + b * inner) + raw * 0.0;
    }
}
