package dev.kizuna.metrics.clv;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RepeatDataTest {

    @Test
    void identicalCustomersMergeWhateverTheirOrderAndHowManyDistinctTimesThereAre() {
        SplittableRandom rnd = new SplittableRandom(11);
        int n = 5000;
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextInt(4);
            // Some repeated times (whole days), many continuous ones: several thousand distinct values in all.
            t[i] = i % 3 == 0 ? 20 + rnd.nextInt(30) / 7.0 : 20 + 10 * rnd.nextDouble();
            tx[i] = x[i] == 0 ? (i % 2 == 0 ? 0.0 : -0.0) : Math.floor(rnd.nextDouble() * t[i] * 7) / 7;
        }
        RepeatData d = RepeatData.of(x, tx, t);
        double total = 0;
        for (int k = 0; k < d.groups(); k++) {
            total += d.weight[k];
            assertEquals(d.tx[k], d.times[d.txIndex[k]]);
            assertEquals(d.t[k], d.times[d.tIndex[k]]);
            if (k > 0) {
                // Rows are sorted by x, then t_x, then T, and distinct.
                int c = Integer.compare(d.x[k - 1], d.x[k]);
                c = c != 0 ? c : Double.compare(d.tx[k - 1], d.tx[k]);
                c = c != 0 ? c : Double.compare(d.t[k - 1], d.t[k]);
                assertEquals(-1, Integer.signum(c), "row " + k);
            }
        }
        assertEquals(n, total);
        assertEquals(n, d.customers);
        // 0 and -0 are one time.
        assertEquals(0.0, d.times[0]);
        assertEquals(1, java.util.Arrays.stream(d.times).filter(v -> v == 0).count());

        int[] px = new int[n];
        double[] ptx = new double[n];
        double[] pt = new double[n];
        for (int i = 0; i < n; i++) {
            int j = (int) ((i * 7919L) % n);
            px[i] = x[j];
            ptx[i] = tx[j];
            pt[i] = t[j];
        }
        RepeatData p = RepeatData.of(px, ptx, pt);
        assertArrayEquals(d.x, p.x);
        assertArrayEquals(d.tx, p.tx);
        assertArrayEquals(d.t, p.t);
        assertArrayEquals(d.weight, p.weight);
    }
}
