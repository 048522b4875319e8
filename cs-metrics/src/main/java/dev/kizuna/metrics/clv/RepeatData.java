package dev.kizuna.metrics.clv;

import java.util.Arrays;

/**
 * The (x, t_x, T) triples of a summary with identical customers merged into one weighted row. The likelihoods of
 * BG/NBD and Pareto/NBD depend on a customer only through the triple, and real cohorts repeat triples often (the
 * 2,357 CDNOW customers have 1,016 distinct ones: every non-repeater who started on the same day is one row), so a
 * fit evaluates each distinct triple once.
 */
final class RepeatData {
    final int[] x;
    final double[] tx;
    final double[] t;
    final double[] weight;
    final int maxX;
    final long customers;
    final long repeaters;
    /**
     * The distinct values of t_x and T together, with each row's index into them: a likelihood needs
     * {@code ln(alpha + v)} for each, and data measured in days has at most one distinct value per day.
     */
    final double[] times;
    final int[] txIndex;
    final int[] tIndex;

    private RepeatData(int[] x, double[] tx, double[] t, double[] weight, long customers, long repeaters, double[] times,
                       int[] txIndex, int[] tIndex) {
        this.x = x;
        this.tx = tx;
        this.t = t;
        this.weight = weight;
        this.customers = customers;
        this.repeaters = repeaters;
        int max = 0;
        for (int v : x) {
            max = Math.max(max, v);
        }
        this.maxX = max;
        this.times = times;
        this.txIndex = txIndex;
        this.tIndex = tIndex;
    }

    static RepeatData of(RfmSummary summary) {
        return of(summary.x(), summary.tx(), summary.t());
    }

    /**
     * Merges identical customers in linear time: the distinct times are found by hashing (a cohort in days or weeks
     * has a few hundred) and ranked by sorting them alone; each customer becomes one long of x and the ranks of t_x
     * and T, and the longs are radix-sorted.
     */
    static RepeatData of(int[] x, double[] tx, double[] t) {
        int n = x.length;
        TimeIndex index = new TimeIndex();
        int[] txId = new int[n];
        int[] tId = new int[n];
        int maxX = 0;
        for (int i = 0; i < n; i++) {
            txId[i] = index.id(tx[i]);
            tId[i] = index.id(t[i]);
            maxX = Math.max(maxX, x[i]);
        }
        double[] times = index.sorted();
        int[] rank = index.ranks(times);
        // Each customer as one sortable long: x, then the rank of t_x, then the rank of T, as few bits as the ranks
        // need; then a radix sort, so that the rows (and the order in which a likelihood sums them) do not depend on
        // the order of the customers.
        if (maxX >= 1 << 21 || times.length >= 1 << 21) {
            throw new IllegalArgumentException("summary: more than 2,097,151 repeat transactions or distinct times");
        }
        int b = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(times.length, 1) - 1));
        int rankMask = (1 << b) - 1;
        long[] keys = new long[n];
        long repeaters = 0;
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) x[i] << (2 * b)) | ((long) rank[txId[i]] << b) | rank[tId[i]];
            repeaters += x[i] > 0 ? 1 : 0;
        }
        radixSort(keys, 64 - Long.numberOfLeadingZeros((long) maxX << (2 * b) | ((1L << (2 * b)) - 1)));
        int[] gx = new int[n];
        int[] gtxIndex = new int[n];
        int[] gtIndex = new int[n];
        double[] gw = new double[n];
        int groups = 0;
        for (int k = 0; k < n; k++) {
            if (k > 0 && keys[k] == keys[k - 1]) {
                gw[groups - 1]++;
            } else {
                gx[groups] = (int) (keys[k] >>> (2 * b));
                gtxIndex[groups] = (int) (keys[k] >>> b) & rankMask;
                gtIndex[groups] = (int) keys[k] & rankMask;
                gw[groups] = 1;
                groups++;
            }
        }
        double[] gtx = new double[groups];
        double[] gt = new double[groups];
        for (int k = 0; k < groups; k++) {
            gtx[k] = times[gtxIndex[k]];
            gt[k] = times[gtIndex[k]];
        }
        return new RepeatData(Arrays.copyOf(gx, groups), gtx, gt, Arrays.copyOf(gw, groups), n, repeaters, times,
                Arrays.copyOf(gtxIndex, groups), Arrays.copyOf(gtIndex, groups));
    }

    /**
     * The distinct times of a summary, found by open-addressing hashing on their bits (0 and -0 are one time). The
     * table doubles when half full, so it stays small for the usual few hundred distinct times.
     */
    private static final class TimeIndex {
        private long[] keys = new long[1024];
        private int[] ids = new int[1024];
        private double[] values = new double[512];
        private int size;

        TimeIndex() {
            Arrays.fill(ids, -1);
        }

        /** The id of the time, numbered in order of first appearance. */
        int id(double time) {
            double v = time == 0 ? 0.0 : time;
            long bits = Double.doubleToRawLongBits(v);
            int mask = keys.length - 1;
            int slot = slot(bits, mask);
            while (ids[slot] >= 0) {
                if (keys[slot] == bits) {
                    return ids[slot];
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = bits;
            ids[slot] = size;
            values[size] = v;
            size++;
            if (2 * size >= keys.length) {
                grow();
            }
            return size - 1;
        }

        private static int slot(long bits, int mask) {
            return mix(bits) & mask;
        }

        private void grow() {
            int slots = keys.length * 2;
            keys = new long[slots];
            ids = new int[slots];
            Arrays.fill(ids, -1);
            values = Arrays.copyOf(values, slots / 2);
            for (int id = 0; id < size; id++) {
                long bits = Double.doubleToRawLongBits(values[id]);
                int slot = slot(bits, slots - 1);
                while (ids[slot] >= 0) {
                    slot = (slot + 1) & (slots - 1);
                }
                keys[slot] = bits;
                ids[slot] = id;
            }
        }

        /** The distinct times, ascending. */
        double[] sorted() {
            double[] out = Arrays.copyOf(values, size);
            Arrays.sort(out);
            return out;
        }

        /** The rank of each id's time in {@code sorted}. */
        int[] ranks(double[] sorted) {
            int[] rank = new int[size];
            for (int id = 0; id < size; id++) {
                rank[id] = Arrays.binarySearch(sorted, values[id]);
            }
            return rank;
        }
    }

    /** Sorts non-negative keys of at most {@code bits} bits: least significant digit first, 11 bits a pass. */
    private static void radixSort(long[] keys, int bits) {
        long[] src = keys;
        long[] dst = new long[keys.length];
        int[] count = new int[1 << 11];
        for (int shift = 0; shift < bits; shift += 11) {
            Arrays.fill(count, 0);
            for (long v : src) {
                count[(int) (v >>> shift) & 0x7FF]++;
            }
            int sum = 0;
            for (int d = 0; d < count.length; d++) {
                int c = count[d];
                count[d] = sum;
                sum += c;
            }
            for (long v : src) {
                dst[count[(int) (v >>> shift) & 0x7FF]++] = v;
            }
            long[] swap = src;
            src = dst;
            dst = swap;
        }
        if (src != keys) {
            System.arraycopy(src, 0, keys, 0, keys.length);
        }
    }

    /**
     * MurmurHash3's 64-bit finaliser: every input bit affects the low bits, which times such as k/7 weeks (whose
     * low mantissa bits repeat) need.
     */
    private static int mix(long key) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return (int) h;
    }

    /** Rejects data a repeat-purchase model cannot be fitted to, naming the model. */
    void requireFittable(String model) {
        if (customers < 2) {
            throw new IllegalArgumentException("summary: " + customers + " customer(s); a " + model
                    + " fit needs at least 2");
        }
        if (repeaters == 0) {
            throw new IllegalArgumentException("summary: no customer made a repeat transaction, so the purchase rate "
                    + "cannot be estimated (the " + model + " likelihood keeps rising as r/alpha goes to 0)");
        }
    }

    int groups() {
        return x.length;
    }
}
