package dev.kizuna.health.scorecard;

/**
 * The measure loops of {@link ScorecardBatch} in SIMD form, when the JVM offers them ({@link VectorSupport}). Each
 * method adds {@code w · (a + b · sub-score) + raw · 0} into {@code sum[0..m)} for the raw values
 * {@code col[start..start+m)}, where the sub-score is the normaliser's, computed with exactly the operations of
 * {@link Normaliser#score} in their order, so that every sum is bit for bit that of the plain loops. {@code (a, b)}
 * is (0, 1), or (100, -1) for a normaliser inside {@link Normaliser.Inverted}. Implementations are stateless and
 * thread-safe.
 */
interface SimdKernels {

    /** Returns how many doubles one vector holds. */
    int lanes();

    /** {@link Normaliser.Linear#score}: {@code (raw - from) / width · 100}, clamped to {@code [0, 100]}. */
    void linear(double[] col, int start, int m, double from, double width, double w, double a, double b,
                double[] sum);

    /**
     * {@link Normaliser.Steps#score}: {@code below}, replaced by the score of each step whose {@code from} the raw
     * value reaches; the steps' {@code from} values rise strictly.
     */
    void steps(double[] col, int start, int m, double below, double[] from, double[] score, double w, double a,
               double b, double[] sum);

    /**
     * {@link Normaliser.PiecewiseLinear#score}: {@code y[i-1] + (raw - x[i-1]) / width[i] · rise[i]}, clamped, in the
     * segment {@code x[i-1] < raw <= x[i]}; {@code y[0]} at or below the first point, the last {@code y} beyond the
     * last. {@code width[i]} and {@code rise[i]} are point {@code i}'s differences from point {@code i - 1}.
     */
    void piecewise(double[] col, int start, int m, double[] x, double[] y, double[] width, double[] rise, double w,
                   double a, double b, double[] sum);

    /** {@link #cap}'s comparison codes: {@code raw > threshold}, {@code >=}, {@code <}, {@code <=}. */
    int GREATER = 0;
    int AT_LEAST = 1;
    int LESS = 2;
    int AT_MOST = 3;

    /**
     * Applies a cap: where {@code col[start + k]} compares to {@code threshold} as {@code comparison} says and
     * {@code max < score[k]}, {@code score[k] = max}.
     */
    void cap(double[] col, int start, int m, double[] score, int comparison, double threshold, double max);

    /**
     * Finishes scores in {@code [0, 100]} or NaN: rounds each of {@code score[0..m)} to hundredths in place, exactly
     * as {@code Numbers.round2} does (the floor of {@code 100 x}, plus one when the remainder is at least one half),
     * leaving NaN as it is; writes the results to {@code values[start..start+m)} too; and writes into {@code rank[k]}
     * the number of band lower bounds {@code from[1..]} that admit the rounded score ({@code >=} where
     * {@code inclusive}, else {@code >}): its band's position.
     */
    void finish(double[] score, int m, double[] from, boolean[] inclusive, double[] values, int start, double[] rank);
}
