package dev.kizuna.health.internal;

/**
 * Comparisons as arithmetic, for loops over whole blocks of scores that the JIT vectorises: a comparison the CPU
 * cannot predict costs a pipeline flush per row when it is a branch, and nothing when it is a {@code min} and a
 * {@code max}. Each method gives exactly what the comparison it replaces decides, for every finite argument; callers
 * send rows with a non-finite value down the ordinary path first.
 *
 * <p>The trick: {@code (d * 2^1000) * 2^1000} sends every nonzero finite {@code d}, the smallest subnormal
 * ({@code 2^-1074}) included, beyond {@code ±2^926}, keeps its sign, and leaves zero at zero; clamping that to
 * {@code [0, 1]} (after adding 1, for the inclusive test) gives the comparison as 0 or 1, exactly.
 */
public final class Branchless {
    private static final double BIG = 0x1p1000;

    private Branchless() {
    }

    /** Returns 1 if {@code d >= 0}, else 0; {@code d} finite (signed zeros count as 0). */
    public static double atLeastZero(double d) {
        return Math.min(1.0, Math.max(0.0, (d * BIG) * BIG + 1.0));
    }

    /** Returns 1 if {@code d > 0}, else 0; {@code d} finite. */
    public static double aboveZero(double d) {
        return Math.min(1.0, Math.max(0.0, (d * BIG) * BIG));
    }

    /**
     * Rounds each of {@code values[0..m)} to hundredths in place, exactly as {@link Numbers#round2} does: the floor of
     * {@code 100 x}, plus one when the remainder is at least one half. Values must be finite and below {@code 2^40}.
     */
    public static void round2(double[] values, int m) {
        for (int k = 0; k < m; k++) {
            double x = values[k] * 100.0;
            double floor = Math.floor(x);
            values[k] = (floor + atLeastZero((x - floor) - 0.5)) / 100.0;
        }
    }
}
