package dev.kizuna.metrics.clv;

/**
 * A direct-mapped cache of a function of a customer's x and one of their times (t_x or T), for the batch
 * predictions. The expensive parts of the predictions (the hypergeometric functions of E[Y(t)] and of the
 * Pareto/NBD P(alive), the discounted sums of CLV) depend on a customer only through such a pair, and a cohort
 * summarised from a transaction log has few distinct pairs: times are whole days, x is small. So a million
 * customers need a few thousand evaluations; with times that never repeat, the cache only costs a hash and a
 * comparison per customer. A hit returns the value stored for exactly the same x and the same bits of the time, so
 * results are identical to evaluating every customer.
 *
 * <p>One instance per batch call: not thread-safe. It allocates its arrays once, nothing per customer.
 */
final class HistoryCache {
    private static final int MIN_BITS = 4;
    private static final int MAX_BITS = 14;

    private final int mask;
    private final int[] xs;
    private final long[] times;
    private final double[] values;
    private final boolean[] used;

    private HistoryCache(int bits) {
        int size = 1 << bits;
        this.mask = size - 1;
        this.xs = new int[size];
        this.times = new long[size];
        this.values = new double[size];
        this.used = new boolean[size];
    }

    /** A cache sized for a batch of {@code customers}: 16 to 16,384 entries. */
    static HistoryCache forBatch(int customers) {
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(customers, 1) - 1);
        return new HistoryCache(Math.max(MIN_BITS, Math.min(MAX_BITS, bits)));
    }

    /** The entry that (x, time) maps to. */
    int slot(int x, double time) {
        long h = Double.doubleToRawLongBits(time) * 0xBF58476D1CE4E5B9L + x * 0x9E3779B97F4A7C15L;
        h ^= h >>> 31;
        h *= 0x94D049BB133111EBL;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /** Whether the entry holds the value of exactly (x, time). */
    boolean holds(int slot, int x, double time) {
        return used[slot] && xs[slot] == x && times[slot] == Double.doubleToRawLongBits(time);
    }

    /** The value the entry holds. */
    double value(int slot) {
        return values[slot];
    }

    /** Stores the value of (x, time) in its entry, replacing what was there, and returns it. */
    double put(int slot, int x, double time, double value) {
        used[slot] = true;
        xs[slot] = x;
        times[slot] = Double.doubleToRawLongBits(time);
        values[slot] = value;
        return value;
    }
}
