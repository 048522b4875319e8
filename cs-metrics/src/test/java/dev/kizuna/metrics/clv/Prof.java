package dev.kizuna.metrics.clv;

final class Prof {
    public static void main(String[] args) {
        RfmSummary s = Cdnow.rfm();
        for (int round = 0; round < 2000; round++) {
            long t0 = System.nanoTime();
            RepeatData d = RepeatData.of(s);
            long t1 = System.nanoTime();
            BgNbdModel.Likelihood l = new BgNbdModel.Likelihood(d);
            double[] phi = {Math.log(0.24), Math.log(4.4), Math.log(0.79), Math.log(2.4)};
            double[] g = new double[4];
            double[][] h = new double[4][4];
            long t2 = System.nanoTime();
            for (int i = 0; i < 10; i++) l.valueGradientHessian(phi, g, h);
            long t3 = System.nanoTime();
            for (int i = 0; i < 10; i++) l.value(phi);
            long t4 = System.nanoTime();
            if (round % 500 == 499) System.out.printf("repeatData %.3f ms, vgh %.1f us, v %.1f us groups %d times %d%n", (t1 - t0) / 1e6, (t3 - t2) / 1e4, (t4 - t3) / 1e4, d.groups(), d.times.length);
        }
    }
}
