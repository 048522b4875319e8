package dev.kizuna.metrics.clv;

import org.junit.jupiter.api.Test;

import static dev.kizuna.metrics.clv.BgNbdModelTest.assertSignificant;
import static dev.kizuna.metrics.clv.RfmSummaryTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParetoNbdModelTest {
    /** The parameters of the BTYD walkthrough (BTYD vignette "BTYD-walkthrough", p. 8) for the CDNOW data. */
    private static final ParetoNbdModel BTYD_WALKTHROUGH = ParetoNbdModel.of(0.5534, 10.5802, 0.6061, 11.6562);

    /**
     * Published: Fader, Hardie and Lee (2005), "Counting Your Customers the Easy Way", table 1 (Pareto/NBD on the
     * CDNOW sample): r = 0.553, alpha = 10.578, s = 0.606, beta = 11.669, log-likelihood -9595.0.
     */
    @Test
    void cdnowFitReproducesThePublishedEstimates() {
        ParetoNbdModel m = ParetoNbdModel.fit(Cdnow.rfm());
        FitReport report = m.report().orElseThrow();
        assertEquals(-9595.0, report.logLikelihood(), 0.05);
        assertSignificant(0.553, m.r(), "r");
        assertSignificant(10.578, m.alpha(), "alpha");
        assertSignificant(0.606, m.s(), "s");
        assertSignificant(11.669, m.beta(), "beta");
        assertEquals(FitStatus.CONVERGED, report.status());
        assertEquals(report.logLikelihood(), m.logLikelihood(Cdnow.rfm()), 1e-9);
    }

    /**
     * lifetimes tests/test_estimation.py, TestParetoNBDFitter: test_conditional_expectation_returns_same_value_as_R_BTYD
     * (BTYD walkthrough: 25.46 for x = 26, t_x = 30.86, T = 31, t = 52, abs 0.01) and
     * test_conditional_probability_alive (0.9979 with the walkthrough's parameters, abs 0.001).
     */
    @Test
    void btydWalkthroughValuesAsPublishedByLifetimes() {
        assertEquals(0.9979, BTYD_WALKTHROUGH.probabilityAlive(26, 30.86, 31), 0.001);
        assertEquals(25.46, BTYD_WALKTHROUGH.conditionalExpectedTransactions(52, 26, 30.86, 31), 0.01);
    }

    /**
     * lifetimes tests/test_estimation.py, test_expectation_returns_same_value_as_R_BTYD ("From
     * https://cran.r-project.org/web/packages/BTYD/BTYD.pdf"): E[X(t)] for t = 0..9. The listed values are those of
     * the parameters (0.55, 10.56, 0.61, 11.64), which they match to eight digits.
     */
    @Test
    void expectationMatchesTheBtydManual() {
        ParetoNbdModel m = ParetoNbdModel.of(0.55, 10.56, 0.61, 11.64);
        double[] expected = {0.00000000, 0.05077821, 0.09916088, 0.14542507, 0.18979930, 0.23247466, 0.27361274,
            0.31335159, 0.35181024, 0.38909211};
        for (int t = 0; t < expected.length; t++) {
            assertEquals(expected[t], m.expectedTransactions(t), 1e-8, "E[X(" + t + ")]");
        }
    }

    /**
     * lifetimes tests/test_estimation.py, test_conditional_expectation_underflow: alpha = 10.58, beta = 11.67,
     * r = 0.55, s = 0.61; the comments give 6.2060517889632418 and 6.2528722475748113.
     */
    @Test
    void conditionalExpectationDoesNotUnderflowForHeavyBuyers() {
        ParetoNbdModel m = ParetoNbdModel.of(0.55, 10.58, 0.61, 11.67);
        assertEquals(6.2060517889632418, m.conditionalExpectedTransactions(10, 132, 200, 200), 1e-9);
        assertEquals(6.2528722475748113, m.conditionalExpectedTransactions(10, 133, 200, 200), 1e-9);
    }

    /** lifetimes tests/test_estimation.py, test_overflow_error and test_conditional_probability_alive_overflow_error. */
    @Test
    void extremeParametersStayFinite() {
        double r = 10.465;
        double alpha = 7.98565181e-03;
        double s = 3.0516;
        double beta = 2.820;
        int[] x = {400, 500, 500};
        double[] tx = {5, 1, 4};
        double[] t = {6, 37, 37};
        for (int i = 0; i < 3; i++) {
            double logA0 = ParetoNbdModel.logA0(r, alpha, s, beta, x[i], tx[i], t[i]);
            assertTrue(logA0 < 0 && Double.isFinite(logA0), "ln A0 = " + logA0);
        }
        ParetoNbdModel m = ParetoNbdModel.of(r, alpha, s, beta);
        double[] out = new double[3];
        m.probabilityAlive(new int[] {40, 50, 50}, tx, t, out);
        for (double p : out) {
            assertTrue(p >= 0 && p <= 1, "P(alive) = " + p);
        }
    }

    @Test
    void probabilityOfTransactionsIsADistributionWithTheRightMean() {
        for (double t : new double[] {1, 30, 78}) {
            double sum = 0;
            double mean = 0;
            for (int k = 0; k < 150; k++) {
                double p = BTYD_WALKTHROUGH.probabilityOfTransactions(k, t);
                assertTrue(p >= 0 && p <= 1);
                sum += p;
                mean += k * p;
            }
            // The tail beyond k = 149 holds about 3e-10 of the mass at t = 78.
            assertEquals(1.0, sum, 1e-9, "sum at t = " + t);
            assertEquals(BTYD_WALKTHROUGH.expectedTransactions(t), mean, 1e-6, "mean at t = " + t);
        }
        // scipy.integrate.quad on the same integral (epsrel 1e-13): P(X(30) = 0, 1, 5).
        assertEquals(0.6153313155590853, BTYD_WALKTHROUGH.probabilityOfTransactions(0, 30), 1e-10);
        assertEquals(0.16960855631769634, BTYD_WALKTHROUGH.probabilityOfTransactions(1, 30), 1e-10);
        assertEquals(0.01849415555498698, BTYD_WALKTHROUGH.probabilityOfTransactions(5, 30), 1e-10);
        assertEquals(1.0, BTYD_WALKTHROUGH.probabilityOfTransactions(0, 0));
    }

    @Test
    void expectationIsContinuousAtSEqualOne() {
        ParetoNbdModel below = ParetoNbdModel.of(0.5, 10, 1 - 1e-9, 12);
        ParetoNbdModel at = ParetoNbdModel.of(0.5, 10, 1, 12);
        assertEquals(below.expectedTransactions(50), at.expectedTransactions(50), 1e-8);
        assertEquals(0.5 * 12 / 10 * Math.log1p(50 / 12.0), at.expectedTransactions(50), 1e-12);
    }

    @Test
    void probabilityAliveStaysInTheUnitIntervalOverTheLifetimesGrid() {
        for (int x = 0; x < 100; x += 10) {
            for (int tx = 0; tx < 100; tx += 10) {
                for (int t = tx; t < 100; t += 10) {
                    double p = BTYD_WALKTHROUGH.probabilityAlive(x, x == 0 ? 0 : tx, t);
                    assertTrue(p >= 0 && p <= 1, "P(alive | " + x + ", " + tx + ", " + t + ") = " + p);
                }
            }
        }
    }

    @Test
    void everyoneARecentRepeaterIsABoundaryResult() {
        ParetoNbdModel m = ParetoNbdModel.fit(BgNbdModelTest.everyoneRepeats());
        FitReport report = m.report().orElseThrow();
        assertEquals(FitStatus.BOUNDARY, report.status(), report::toString);
        assertTrue(report.standardErrors().isEmpty());
        assertTrue(m.probabilityAlive(3, 37, 38) > 0.9);
    }

    @Test
    void degenerateDataGivesAClearError() {
        assertMessage("summary: 1 customer(s); a Pareto/NBD fit needs at least 2", () -> ParetoNbdModel.fit(
                RfmSummary.of(RfmTimeUnit.WEEKS, new int[] {2}, new double[] {3}, new double[] {5})));
        assertMessage("summary: no customer made a repeat transaction", () -> ParetoNbdModel.fit(
                RfmSummary.of(RfmTimeUnit.WEEKS, new int[2], new double[2], new double[] {5, 6})));
        assertMessage("s: Infinity must be a finite number > 0", () -> ParetoNbdModel.of(1, 1, Double.POSITIVE_INFINITY, 1));
    }
}
