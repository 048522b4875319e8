package dev.kizuna.health.internal;

import dev.kizuna.health.BandScheme;
import dev.kizuna.health.HealthBand;

import java.util.Arrays;

/**
 * A band scheme's lower bounds in arrays, for finding a value's band on a batch path without touching a list. A
 * scheme's bands are sorted and cover {@code [0, 100]} exactly once, so the band that contains a value is the last
 * one whose lower bound admits it ({@link HealthBand#contains}): the same answer as {@link BandScheme#rankOf}.
 * Immutable and thread-safe.
 */
public final class BandRanks {
    private final double[] from;
    private final boolean[] fromInclusive;

    /** Flattens {@code bands}. */
    public BandRanks(BandScheme bands) {
        int count = bands.bands().size();
        from = new double[count];
        fromInclusive = new boolean[count];
        for (int b = 0; b < count; b++) {
            HealthBand band = bands.bands().get(b);
            from[b] = band.from();
            fromInclusive[b] = band.fromInclusive();
        }
    }

    /** Returns each band's lower bound, worst band first (a copy). */
    public double[] lowerBounds() {
        return from.clone();
    }

    /** Returns whether each band's lower bound belongs to it, worst band first (a copy). */
    public boolean[] lowerBoundsInclusive() {
        return fromInclusive.clone();
    }

    /**
     * Returns the position of the band that contains {@code value}, 0 for the worst, as a byte.
     *
     * @throws IllegalArgumentException if no band contains it (outside {@code [0, 100]} or NaN)
     */
    public byte rank(double value) {
        if (!(value >= 0 && value <= 100)) {
            throw new IllegalArgumentException("value: " + value + " must be between 0 and 100");
        }
        // The bands are sorted and cover [0, 100] once, so the value's band is the last whose lower bound admits it.
        int rank = 0;
        for (int b = 1; b < from.length && (fromInclusive[b] ? value >= from[b] : value > from[b]); b++) {
            rank = b;
        }
        return (byte) rank;
    }

    /**
     * Writes into {@code ranks[0..m)} the band position of each of {@code values[0..m)}, exactly as {@link #rank}
     * gives it, without a branch per value: the count of bands above the first whose lower bound admits the value.
     * Values must lie in {@code [0, 100]}.
     */
    public void rankAll(double[] values, int m, double[] ranks) {
        Arrays.fill(ranks, 0, m, 0.0);
        for (int b = 1; b < from.length; b++) {
            double bound = from[b];
            if (fromInclusive[b]) {
                for (int k = 0; k < m; k++) {
                    ranks[k] += Branchless.atLeastZero(values[k] - bound);
                }
            } else {
                for (int k = 0; k < m; k++) {
                    ranks[k] += Branchless.aboveZero(values[k] - bound);
                }
            }
        }
    }
}
