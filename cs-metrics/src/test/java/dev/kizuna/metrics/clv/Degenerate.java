package dev.kizuna.metrics.clv;

final class Degenerate {
    public static void main(String[] args) {
        // everyone a repeater
        int n = 200;
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        java.util.Random rnd = new java.util.Random(1);
        for (int i = 0; i < n; i++) {
            x[i] = 1 + rnd.nextInt(5);
            t[i] = 30 + rnd.nextInt(9);
            tx[i] = t[i] * (0.5 + 0.5 * rnd.nextDouble());
        }
        RfmSummary s = RfmSummary.of(RfmTimeUnit.WEEKS, x, tx, t);
        System.out.println(BgNbdModel.fit(s));
        System.out.println(ParetoNbdModel.fit(s));
        // everyone buys at the very end
        for (int i = 0; i < n; i++) {
            tx[i] = t[i];
        }
        s = RfmSummary.of(RfmTimeUnit.WEEKS, x, tx, t);
        System.out.println(BgNbdModel.fit(s));
        System.out.println(ParetoNbdModel.fit(s));
        // two customers
        s = RfmSummary.of(RfmTimeUnit.WEEKS, new int[] {0, 3}, new double[] {0, 5}, new double[] {10, 10});
        System.out.println(BgNbdModel.fit(s));
        System.out.println(ParetoNbdModel.fit(s));
    }
}
