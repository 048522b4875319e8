package dev.kizuna.metrics.clv;

import org.junit.jupiter.api.Test;

import static dev.kizuna.metrics.clv.RfmSummaryTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BgNbdModelTest {

    /** Published: Fader, Hardie and Lee (2005), "Counting Your Customers the Easy Way", Marketing Science 24(2), p. 280. */
    @Test
    void cdnowFitReproducesThePublishedEstimates() {
        BgNbdModel m = BgNbdModel.fit(Cdnow.rfm());
        assertSignificant(0.243, m.r(), "r");
        assertSignificant(4.414, m.alpha(), "alpha");
        assertSignificant(0.793, m.a(), "a");
        assertSignificant(2.426, m.b(), "b");
        // and to the three decimals the paper prints
        assertEquals(0.243, m.r(), 5e-4);
        assertEquals(4.414, m.alpha(), 5e-4);
        assertEquals(0.793, m.a(), 5e-4);
        assertEquals(2.426, m.b(), 5e-4);
        FitReport report = m.report().orElseThrow();
        assertEquals(-9582.4, report.logLikelihood(), 0.05);
        assertEquals(FitStatus.CONVERGED, report.status());
        assertEquals(3, report.startsAtOptimum());
        assertEquals(2357, report.customers());
        assertEquals(java.util.List.of("r", "alpha", "a", "b"), java.util.List.copyOf(report.standardErrors().keySet()));
        // An independent refit (scipy BFGS on the same likelihood) gives se(r) = 0.01256 and se(b) = 0.7053.
        assertEquals(0.01256, report.standardErrors().get("r"), 1e-4);
        assertEquals(0.7053, report.standardErrors().get("b"), 1e-3);
        assertEquals(report.logLikelihood(), m.logLikelihood(Cdnow.rfm()), 1e-9);
    }

    /**
     * lifetimes tests/test_estimation.py (CamDavidsonPilon/lifetimes), TestBetaGeoFitter: values from Hardie's Excel
     * sheet for the BG/NBD paper, for the model fitted on the CDNOW summary.
     */
    @Test
    void cdnowPredictionsMatchHardiesSpreadsheetAsPublishedByLifetimes() {
        BgNbdModel m = BgNbdModel.fit(Cdnow.rfm());
        // test_conditional_expectation_returns_same_value_as_Hardie_excel_sheet
        assertEquals(1.226, m.conditionalExpectedTransactions(39, 2, 30.43, 38.86), 0.001);
        // test_expectation_returns_same_value_Hardie_excel_sheet (decimal=3)
        double[] times = {0.1429, 1.0, 3.00, 31.8571, 32.00, 78.00};
        double[] expected = {0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576};
        for (int i = 0; i < times.length; i++) {
            assertEquals(expected[i], m.expectedTransactions(times[i]), 1.5e-3, "E[X(" + times[i] + ")]");
        }
        // test_conditional_probability_alive_returns_1_if_no_repeat_purchases
        assertEquals(1.0, m.probabilityAlive(0, 1, 1));
        // test_no_runtime_warnings_high_frequency
        assertEquals(0.0, m.probabilityAlive(1000, 10, 100));
    }

    /** lifetimes tests/test_estimation.py, test_probability_of_n_purchases_up_to_time_same_as_R_BTYD (BTYD manual). */
    @Test
    void probabilityOfTransactionsMatchesBtydAsPublishedByLifetimes() {
        BgNbdModel m = BgNbdModel.of(0.243, 4.414, 0.793, 2.426);
        assertEquals(1.07869e-07, m.probabilityOfTransactions(10, 2), 1e-11);
        assertEquals(0.5737864, m.probabilityOfTransactions(0, 39), 1e-6);
        double[] pmf = {0.0019995214, 0.0015170236, 0.0011633150, 0.0009003148, 0.0007023638,
            0.0005517902, 0.0004361913, 0.0003467171, 0.0002769613, 0.0002222260};
        for (int n = 11; n <= 20; n++) {
            assertEquals(pmf[n - 11], m.probabilityOfTransactions(n, 30), 1e-9, "P(X(30) = " + n + ")");
        }
    }

    @Test
    void probabilityAliveStaysInTheUnitIntervalOverTheLifetimesGrid() {
        BgNbdModel m = BgNbdModel.of(0.243, 4.414, 0.793, 2.426);
        for (int x = 0; x < 100; x += 10) {
            for (int tx = 0; tx < 100; tx += 10) {
                for (int t = tx; t < 100; t += 10) {
                    double p = m.probabilityAlive(x, x == 0 ? 0 : tx, t);
                    assertTrue(p >= 0 && p <= 1, "P(alive | " + x + ", " + tx + ", " + t + ") = " + p);
                }
            }
        }
    }

    @Test
    void expectationsAreFiniteWhereThePrintedFormulaDividesZeroByZero() {
        // a = 1 makes (a+b+x-1)/(a-1) infinite and the bracket zero; the limit is finite and continuous.
        // The mean of a = 1 +- 1e-5 equals the value at a = 1 up to O(1e-10).
        BgNbdModel atOne = BgNbdModel.of(0.5, 3, 1.0, 2);
        BgNbdModel above = BgNbdModel.of(0.5, 3, 1.0 + 1e-5, 2);
        BgNbdModel below = BgNbdModel.of(0.5, 3, 1.0 - 1e-5, 2);
        for (double t : new double[] {0.5, 10, 100, 1000}) {
            double e = atOne.expectedTransactions(t);
            assertTrue(Double.isFinite(e) && e > 0, "E[X(" + t + ")] = " + e);
            assertEquals(e, (above.expectedTransactions(t) + below.expectedTransactions(t)) / 2, 1e-8 * e);
            double c = atOne.conditionalExpectedTransactions(t, 3, 5, 10);
            assertEquals(c, (above.conditionalExpectedTransactions(t, 3, 5, 10)
                    + below.conditionalExpectedTransactions(t, 3, 5, 10)) / 2, 1e-8 * c);
        }
        // a + b < 1: the hypergeometric's c = a + b - 1 is negative for x = 0.
        BgNbdModel small = BgNbdModel.of(0.5, 3, 0.3, 0.4);
        double previous = 0;
        for (double t : new double[] {1, 10, 100, 1000}) {
            double e = small.expectedTransactions(t);
            assertTrue(Double.isFinite(e) && e > previous, "E[X(" + t + ")] = " + e);
            previous = e;
        }
    }

    @Test
    void theSeriesAndTheHypergeometricFormulaAgreeWhereTheyMeet() {
        // Below t/(alpha+T+t) = 1/2 the expectation is summed as a series, above it through 2F1.
        BgNbdModel m = BgNbdModel.of(0.243, 4.414, 0.793, 2.426);
        for (int x : new int[] {0, 1, 5, 30}) {
            double age = x == 0 ? 0 : 20;
            double t = m.alpha() + age;
            double below = m.conditionalExpectedTransactions(t * (1 - 1e-12), x, age / 2, age);
            double above = m.conditionalExpectedTransactions(t * (1 + 1e-12), x, age / 2, age);
            assertEquals(below, above, 1e-10 * below, "x = " + x);
        }
    }

    @Test
    void degenerateDataGivesAClearError() {
        assertMessage("summary: 1 customer(s); a BG/NBD fit needs at least 2",
                () -> BgNbdModel.fit(RfmSummary.of(RfmTimeUnit.WEEKS, new int[] {2}, new double[] {3}, new double[] {5})));
        assertMessage("summary: no customer made a repeat transaction",
                () -> BgNbdModel.fit(RfmSummary.of(RfmTimeUnit.WEEKS, new int[3], new double[3], new double[] {5, 6, 7})));
    }

    @Test
    void everyoneARecentRepeaterIsABoundaryResult() {
        RfmSummary s = everyoneRepeats();
        BgNbdModel m = BgNbdModel.fit(s);
        FitReport report = m.report().orElseThrow();
        assertEquals(FitStatus.BOUNDARY, report.status(), report::toString);
        assertTrue(report.standardErrors().isEmpty());
        assertTrue(Double.isFinite(m.r()) && Double.isFinite(m.alpha()) && Double.isFinite(m.a()) && Double.isFinite(m.b()));
        // The limiting model still predicts: everybody is very probably alive.
        assertTrue(m.probabilityAlive(3, 37, 38) > 0.9);
    }

    /** 200 customers who all bought again within the last week of their window. */
    static RfmSummary everyoneRepeats() {
        int n = 200;
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1 + i % 5;
            t[i] = 30 + i % 9;
            tx[i] = t[i] - (i % 7) / 7.0;
        }
        return RfmSummary.of(RfmTimeUnit.WEEKS, x, tx, t);
    }

    @Test
    void invalidParametersAndArgumentsAreRejected() {
        assertMessage("r: 0.0 must be a finite number > 0", () -> BgNbdModel.of(0, 1, 1, 1));
        assertMessage("b: NaN must be a finite number > 0", () -> BgNbdModel.of(1, 1, 1, Double.NaN));
        BgNbdModel m = BgNbdModel.of(0.243, 4.414, 0.793, 2.426);
        assertMessage("t: -1.0 must be a finite number >= 0", () -> m.expectedTransactions(-1));
        assertMessage("age: 2.0 must be a finite number >= recency 3.0", () -> m.probabilityAlive(1, 3, 2));
        assertMessage("k: -1 must be >= 0", () -> m.probabilityOfTransactions(-1, 3));
        assertMessage("customer [1]: x: -2 must be >= 0", () -> m.probabilityAlive(new int[] {1, -2},
                new double[] {1, 1}, new double[] {2, 2}, new double[2]));
        assertMessage("x, recency, age, out: lengths 2, 2, 2, 1 must be equal", () -> m.probabilityAlive(new int[2],
                new double[2], new double[2], new double[1]));
    }

    /** Asserts that both numbers agree to three significant digits. */
    static void assertSignificant(double published, double actual, String name) {
        assertEquals(roundSignificant(published), roundSignificant(actual), 1e-12 * Math.abs(published),
                () -> name + ": " + actual + " does not agree with the published " + published + " to 3 significant digits");
    }

    private static double roundSignificant(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).doubleValue();
    }
}
