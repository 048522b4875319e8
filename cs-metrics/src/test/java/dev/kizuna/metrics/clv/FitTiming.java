package dev.kizuna.metrics.clv;

/** Rough fit timings on the CDNOW sample; run with the test class path. */
final class FitTiming {
    public static void main(String[] args) {
        RfmSummary s = Cdnow.rfm();
        int starts = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        boolean pareto = args.length > 1;
        for (int round = 0; round < 300; round++) {
            long t0 = System.nanoTime();
            BgNbdModel bg = BgNbdModel.fit(s, FitOptions.withStarts(starts));
            long t1 = System.nanoTime();
            if (round % 100 == 99) System.out.printf("bg %.2f ms %s%n", (t1 - t0) / 1e6, bg);
            if (pareto && round % 100 == 99) {
                ParetoNbdModel pn = ParetoNbdModel.fit(s, FitOptions.withStarts(starts));
                System.out.printf("pn %.2f ms %s%n", (System.nanoTime() - t1) / 1e6, pn);
            }
        }
    }
}
