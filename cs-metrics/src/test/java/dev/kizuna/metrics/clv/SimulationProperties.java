package dev.kizuna.metrics.clv;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.hipparchus.random.RandomDataGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Simulates each model with known parameters (jqwik draws the simulation seeds, from a fixed seed) and checks that the fit recovers them:
 * <ul>
 *   <li>the fitted log-likelihood is at least that of the true parameters (the optimiser found the maximum);</li>
 *   <li>the truth lies inside the 99.99% likelihood-ratio confidence region,
 *       {@code 2 (LL(fit) - LL(truth)) <= chi2(k, 0.9999)}, which holds whatever the parametrisation (the
 *       individual Wald intervals do not: the shape parameters are skewed and strongly correlated);</li>
 *   <li>the well-identified summaries (mean purchase rate, E[X(32)], share alive, mean spend) within a loose relative
 *       tolerance.</li>
 * </ul>
 */
class SimulationProperties {
    /**
     * The checks are statistical: with random seeds each try fails with probability about 1e-4 (a run of
     * {@code sbgRecoversItsParameters} once drew a statistic of 18.61 against 18.42), so CI would fail now and then
     * with nothing wrong. A fixed seed keeps the simulated portfolios the same from run to run; a broken fitter still
     * fails them.
     */
    private static final String FIXED_SEED = "20261207";

    @Property(tries = 4, seed = FIXED_SEED)
    void bgNbdRecoversItsParameters(@ForAll long seed) {
        RandomDataGenerator rnd = new RandomDataGenerator(seed);
        double[] truth = {0.6, 4.0, 0.8, 2.5};
        int n = 4000;
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 26 + rnd.nextInt(0, 13);
            double lambda = rnd.nextGamma(truth[0], 1 / truth[1]);
            double p = rnd.nextBeta(truth[2], truth[3]);
            double now = 0;
            while (true) {
                now += rnd.nextExponential(1 / lambda);
                if (now > t[i]) {
                    break;
                }
                x[i]++;
                tx[i] = now;
                if (rnd.nextDouble() < p) {
                    break;
                }
            }
        }
        RfmSummary summary = RfmSummary.of(RfmTimeUnit.WEEKS, x, tx, t);
        BgNbdModel m = BgNbdModel.fit(summary);
        double truthLl = BgNbdModel.of(truth[0], truth[1], truth[2], truth[3]).logLikelihood(summary);
        assertRecovered(m.report().orElseThrow(), truthLl, CHI2_4);
        assertEquals(truth[0] / truth[1], m.r() / m.alpha(), 0.15 * truth[0] / truth[1], "mean purchase rate");
        double expected = BgNbdModel.of(truth[0], truth[1], truth[2], truth[3]).expectedTransactions(32);
        assertEquals(expected, m.expectedTransactions(32), 0.1 * expected, "E[X(32)]");
    }

    @Property(tries = 2, seed = FIXED_SEED)
    void paretoNbdRecoversItsParameters(@ForAll long seed) {
        RandomDataGenerator rnd = new RandomDataGenerator(seed);
        double[] truth = {0.8, 8.0, 0.7, 10.0};
        int n = 3000;
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 26 + rnd.nextInt(0, 13);
            double lambda = rnd.nextGamma(truth[0], 1 / truth[1]);
            double mu = rnd.nextGamma(truth[2], 1 / truth[3]);
            double end = Math.min(t[i], rnd.nextExponential(1 / mu));
            double now = 0;
            while (true) {
                now += rnd.nextExponential(1 / lambda);
                if (now > end) {
                    break;
                }
                x[i]++;
                tx[i] = now;
            }
        }
        RfmSummary summary = RfmSummary.of(RfmTimeUnit.WEEKS, x, tx, t);
        ParetoNbdModel m = ParetoNbdModel.fit(summary);
        double truthLl = ParetoNbdModel.of(truth[0], truth[1], truth[2], truth[3]).logLikelihood(summary);
        assertRecovered(m.report().orElseThrow(), truthLl, CHI2_4);
        assertEquals(truth[0] / truth[1], m.r() / m.alpha(), 0.15 * truth[0] / truth[1], "mean purchase rate");
        // The share alive after 32 weeks, (beta / (beta + 32))^s, is identified where s and beta alone are not.
        double alive = Math.pow(truth[3] / (truth[3] + 32), truth[2]);
        assertEquals(alive, Math.pow(m.beta() / (m.beta() + 32), m.s()), 0.2 * alive, "share alive after 32 weeks");
        double expected = ParetoNbdModel.of(truth[0], truth[1], truth[2], truth[3]).expectedTransactions(32);
        assertEquals(expected, m.expectedTransactions(32), 0.1 * expected, "E[X(32)]");
    }

    @Property(tries = 5, seed = FIXED_SEED)
    void gammaGammaRecoversItsParameters(@ForAll long seed) {
        RandomDataGenerator rnd = new RandomDataGenerator(seed);
        double[] truth = {6.0, 4.0, 15.0};
        int n = 2000;
        int[] x = new int[n];
        double[] m = new double[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1 + rnd.nextPoisson(2);
            double nu = rnd.nextGamma(truth[1], 1 / truth[2]);
            double sum = 0;
            for (int j = 0; j < x[i]; j++) {
                sum += rnd.nextGamma(truth[0], 1 / nu);
            }
            m[i] = sum / x[i];
            tx[i] = 1;
            t[i] = 2;
        }
        RfmSummary summary = RfmSummary.of(RfmTimeUnit.WEEKS, x, tx, t, m);
        GammaGammaModel model = GammaGammaModel.fit(summary);
        double truthLl = GammaGammaModel.of(truth[0], truth[1], truth[2]).logLikelihood(summary);
        assertRecovered(model.report().orElseThrow(), truthLl, CHI2_3);
        double mean = truth[0] * truth[2] / (truth[1] - 1);
        assertEquals(mean, model.populationMeanSpend(), 0.1 * mean, "population mean spend");
    }

    @Property(tries = 10, seed = FIXED_SEED)
    void sbgRecoversItsParameters(@ForAll long seed) {
        RandomDataGenerator rnd = new RandomDataGenerator(seed);
        double[] truth = {0.7, 2.0};
        int n = 3000;
        int horizon = 8;
        long[] alive = new long[horizon + 1];
        for (int i = 0; i < n; i++) {
            double theta = rnd.nextBeta(truth[0], truth[1]);
            alive[0]++;
            for (int period = 1; period <= horizon && rnd.nextDouble() >= theta; period++) {
                alive[period]++;
            }
        }
        SbgModel m = SbgModel.fitSurvival(alive);
        assertRecovered(m.report().orElseThrow(), SbgModel.of(truth[0], truth[1]).logLikelihood(alive), CHI2_2);
        double churn = truth[0] / (truth[0] + truth[1]);
        assertEquals(churn, m.churnProbability(1), 0.1 * churn, "first-period churn");
    }

    /** The 0.9999 quantiles of the chi-squared distribution with 2, 3 and 4 degrees of freedom. */
    private static final double CHI2_2 = 18.42;
    private static final double CHI2_3 = 21.11;
    private static final double CHI2_4 = 23.51;

    private static void assertRecovered(FitReport report, double truthLogLikelihood, double chi2) {
        assertEquals(FitStatus.CONVERGED, report.status(), report::toString);
        double gain = report.logLikelihood() - truthLogLikelihood;
        assertTrue(gain >= -1e-6, "the fit " + report.logLikelihood() + " is below the truth " + truthLogLikelihood);
        assertTrue(2 * gain <= chi2, "likelihood-ratio statistic " + 2 * gain + " > " + chi2);
        report.standardErrors().values().forEach(se -> assertTrue(se > 0));
    }
}
