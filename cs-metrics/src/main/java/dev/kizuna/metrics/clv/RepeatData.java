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

    private RepeatData(int[] x, double[] tx, double[] t, double[] weight, long customers, long repeaters, double[] times) {
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
        this.txIndex = new int[x.length];
        this.tIndex = new int[x.length];
        for (int k = 0; k < x.length; k++) {
            txIndex[k] = Arrays.binarySearch(times, tx[k]);
            tIndex[k] = Arrays.binarySearch(times, t[k]);
        }
    }

    static RepeatData of(RfmSummary summary) {
        return of(summary.x(), summary.tx(), summary.t());
    }

    static RepeatData of(int[] x, double[] tx, double[] t) {
        int n = x.length;
        double[] times = distinctTimes(tx, t);
        int maxX = 0;
        for (int v : x) {
            maxX = Math.max(maxX, v);
        }
        // Each customer as one sortable long: x, then the rank of t_x, then the rank of T, 21 bits each.
        if (maxX >= 1 << 21 || times.length >= 1 << 21) {
            throw new IllegalArgumentException("summary: more than 2,097,151 repeat transactions or distinct times");
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) x[i] << 42) | ((long) Arrays.binarySearch(times, tx[i]) << 21)
                    | Arrays.binarySearch(times, t[i]);
        }
        Arrays.sort(keys);
        int[] gx = new int[n];
        double[] gtx = new double[n];
        double[] gt = new double[n];
        double[] gw = new double[n];
        int groups = 0;
        long repeaters = 0;
        for (int k = 0; k < n; k++) {
            if (k > 0 && keys[k] == keys[k - 1]) {
                gw[groups - 1]++;
            } else {
                gx[groups] = (int) (keys[k] >>> 42);
                gtx[groups] = times[(int) ((keys[k] >>> 21) & 0x1FFFFF)];
                gt[groups] = times[(int) (keys[k] & 0x1FFFFF)];
                gw[groups] = 1;
                groups++;
            }
            repeaters += (keys[k] >>> 42) > 0 ? 1 : 0;
        }
        return new RepeatData(Arrays.copyOf(gx, groups), Arrays.copyOf(gtx, groups), Arrays.copyOf(gt, groups),
                Arrays.copyOf(gw, groups), n, repeaters, times);
    }

    /** The distinct values of t_x and T together, sorted. */
    private static double[] distinctTimes(double[] tx, double[] t) {
        double[] all = new double[tx.length + t.length];
        System.arraycopy(tx, 0, all, 0, tx.length);
        System.arraycopy(t, 0, all, tx.length, t.length);
        Arrays.sort(all);
        int distinct = 0;
        for (int i = 0; i < all.length; i++) {
            if (distinct == 0 || all[i] != all[distinct - 1]) {
                all[distinct++] = all[i];
            }
        }
        return Arrays.copyOf(all, distinct);
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
