package dev.kizuna.metrics.clv;

final class FitTiming {
    public static void main(String[] args) {
        RfmSummary s = Cdnow.rfm();
        long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
        for (int round = 0; round < 60; round++) {
            long t0 = System.nanoTime();
            for (int k = 0; k < 20; k++) BgNbdModel.fit(s);
            long t1 = System.nanoTime();
            ParetoNbdModel.fit(s);
            long t2 = System.nanoTime();
            GammaGammaModel.fit(s, GammaGammaModel.Ineligible.EXCLUDE);
            long t3 = System.nanoTime();
            SbgModel.fitSurvival(1000, 869, 743, 653, 593, 551, 517, 491);
            long t4 = System.nanoTime();
            best[0] = Math.min(best[0], (t1 - t0) / 20); best[1] = Math.min(best[1], t2 - t1);
            best[2] = Math.min(best[2], t3 - t2); best[3] = Math.min(best[3], t4 - t3);
            if (round % 20 == 19) System.out.printf("bg %.2f ms, pnbd %.1f ms, gg %.2f ms, sbg %.3f ms (best of %d)%n",
                    best[0] / 1e6, best[1] / 1e6, best[2] / 1e6, best[3] / 1e6, round + 1);
        }
        System.out.println(BgNbdModel.fit(s).report().orElseThrow());
        System.out.println(ParetoNbdModel.fit(s).report().orElseThrow());
    }
}
