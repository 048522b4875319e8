package dev.kizuna.health.internal;

import dev.kizuna.health.BandScheme;
import dev.kizuna.health.HealthBand;

/**
 * A band scheme flattened into arrays, for finding a value's band on a batch path without touching a list: the
 * same comparisons as {@link HealthBand#contains}, so the same answer as {@link BandScheme#rankOf}. Immutable and
 * thread-safe.
 */
public final class BandRanks {
    private final double[] from;
    private final double[] to;
    private final boolean[] fromInclusive;
    private final boolean[] toInclusive;

    /** Flattens {@code bands}. */
    public BandRanks(BandScheme bands) {
        int count = bands.bands().size();
        from = new double[count];
        to = new double[count];
        fromInclusive = new boolean[count];
        toInclusive = new boolean[count];
        for (int b = 0; b < count; b++) {
            HealthBand band = bands.bands().get(b);
            from[b] = band.from();
            to[b] = band.to();
            fromInclusive[b] = band.fromInclusive();
            toInclusive[b] = band.toInclusive();
        }
    }

    /**
     * Returns the position of the band that contains {@code value}, 0 for the worst, as a byte.
     *
     * @throws IllegalArgumentException if no band contains it (outside {@code [0, 100]} or NaN)
     */
    public byte rank(double value) {
        for (int b = 0; b < from.length; b++) {
            boolean aboveFrom = fromInclusive[b] ? value >= from[b] : value > from[b];
            boolean belowTo = toInclusive[b] ? value <= to[b] : value < to[b];
            if (aboveFrom && belowTo) {
                return (byte) b;
            }
        }
        throw new IllegalArgumentException("value: " + value + " must be between 0 and 100");
    }
}
