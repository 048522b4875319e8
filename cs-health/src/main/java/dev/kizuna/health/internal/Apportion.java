package dev.kizuna.health.internal;

import dev.kizuna.core.internal.Numbers;

/**
 * Rounds a score and its contributions to hundredths so that the rounded contributions add up <em>exactly</em> to
 * the rounded score.
 *
 * <p>The method is the largest-remainder (Hamilton) method on hundredths: the target is the score rounded half up
 * to hundredths; every contribution is first rounded down to hundredths, and the hundredths still missing
 * to reach the target go, one each, to the contributions with the largest remainders (ties to the earlier one). So
 * no contribution moves by a full hundredth or more, the result is deterministic, and the sum is exact in integer
 * hundredths.
 */
public final class Apportion {
    private Apportion() {
    }

    /**
     * Returns the contributions in whole hundredths, adding up to {@code Numbers.centi(total)}.
     *
     * @param points the unrounded contributions, which must add up to {@code total} within a small tolerance
     * @param total  the unrounded total
     * @throws IllegalArgumentException if the contributions do not add up to the total
     */
    public static long[] centi(double[] points, int count, double total) {
        return centi(points, count, total, new long[count], new double[count], new int[count]);
    }

    /**
     * Returns {@link #centi(double[], int, double)} written into {@code out}, with {@code remainder} and
     * {@code order} as work space: each at least {@code count} long, their first {@code count} elements
     * overwritten.
     */
    public static long[] centi(double[] points, int count, double total, long[] out, double[] remainder,
                               int[] order) {
        long target = Numbers.centi(total);
        double sum = 0;
        double magnitude = Math.abs(total);
        long floorSum = 0;
        for (int i = 0; i < count; i++) {
            double scaled = points[i] * 100.0;
            long floor = (long) Math.floor(scaled);
            out[i] = floor;
            floorSum += floor;
            sum += points[i];
            magnitude += Math.abs(points[i]);
        }
        if (Math.abs(sum - total) > 1e-6 * (1 + magnitude)) {
            throw new IllegalArgumentException("contributions: their sum " + sum + " does not match the score "
                    + total);
        }
        long missing = target - floorSum;
        if (count == 0) {
            if (missing != 0) {
                throw new IllegalArgumentException("contributions: none given for a score of " + total);
            }
            return out;
        }
        if (missing > 0 && missing <= count) {
            // The usual case: rank by remainder once, largest first and ties to the earlier (an insertion sort of
            // positions: a model has a dozen inputs), then hand out.
            for (int i = 0; i < count; i++) {
                double r = points[i] * 100.0 - out[i];
                remainder[i] = r;
                int j = i - 1;
                while (j >= 0 && remainder[order[j]] < r) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = i;
            }
            for (int k = 0; k < missing; k++) {
                out[order[k]]++;
            }
            return out;
        }
        // Rounding error can in rare cases leave the shortfall outside [0, count]: hand out (or take back) single
        // hundredths by remainder until it is met.
        while (missing != 0) {
            int best = -1;
            double bestRemainder = 0;
            for (int i = 0; i < count; i++) {
                double r = points[i] * 100.0 - out[i];
                if (best < 0 || (missing > 0 ? r > bestRemainder : r < bestRemainder)) {
                    best = i;
                    bestRemainder = r;
                }
            }
            out[best] += missing > 0 ? 1 : -1;
            missing += missing > 0 ? -1 : 1;
        }
        return out;
    }
}
