package dev.kizuna.metrics.clv;

import java.util.Random;

final class BatchTiming {
    public static void main(String[] args) {
        int n = 1_000_000;
        Random rnd = new Random(1);
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        double[] m = new double[n];
        RfmSummary s = Cdnow.rfm();
        for (int i = 0; i < n; i++) {
            int j = rnd.nextInt(s.size());
            x[i] = s.x()[j];
            tx[i] = s.tx()[j];
            t[i] = s.t()[j];
            m[i] = s.spend()[j];
        }
        BgNbdModel bg = BgNbdModel.of(0.243, 4.414, 0.793, 2.426);
        ParetoNbdModel pn = ParetoNbdModel.of(0.553, 10.578, 0.606, 11.669);
        GammaGammaModel gg = GammaGammaModel.of(6.25, 3.74, 15.44);
        double[] out = new double[n];
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            bg.probabilityAlive(x, tx, t, out);
            long t1 = System.nanoTime();
            bg.conditionalExpectedTransactions(39, x, tx, t, out);
            long t2 = System.nanoTime();
            bg.conditionalExpectedTransactions(52 * 3, x, tx, t, out);
            long t3 = System.nanoTime();
            pn.probabilityAlive(x, tx, t, out);
            long t4 = System.nanoTime();
            pn.conditionalExpectedTransactions(39, x, tx, t, out);
            long t5 = System.nanoTime();
            gg.conditionalExpectedSpend(x, m, out);
            long t6 = System.nanoTime();
            CustomerLifetimeValue.of(bg, gg, ClvHorizon.months(12, RfmTimeUnit.WEEKS, 0.01), x, tx, t, m, out);
            long t7 = System.nanoTime();
            System.out.printf("1M: bg alive %.0f ms, bg E[Y(39)] %.0f ms, bg E[Y(156)] %.0f ms, pnbd alive %.0f ms, pnbd E[Y(39)] %.0f ms, gg %.0f ms, clv12 bg %.0f ms%n",
                    (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6, (t5 - t4) / 1e6, (t6 - t5) / 1e6, (t7 - t6) / 1e6);
        }
    }
}
