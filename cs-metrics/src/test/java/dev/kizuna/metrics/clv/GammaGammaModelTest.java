package dev.kizuna.metrics.clv;

import org.junit.jupiter.api.Test;

import static dev.kizuna.metrics.clv.BgNbdModelTest.assertSignificant;
import static dev.kizuna.metrics.clv.RfmSummaryTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GammaGammaModelTest {

    /**
     * Published: Fader, Hardie and Lee (2005), "RFM and CLV: Using Iso-Value Curves for Customer Base Analysis",
     * JMR 42(4), and Fader and Hardie's note "The Gamma-Gamma Model of Monetary Value" (2013): p = 6.25, q = 3.74,
     * gamma = 15.44 on the 946 CDNOW customers with repeat transactions, log-likelihood -4055.92 (see the cdnow README).
     */
    @Test
    void cdnowFitReproducesThePublishedEstimates() {
        GammaGammaModel m = GammaGammaModel.fit(Cdnow.rfm(), GammaGammaModel.Ineligible.EXCLUDE, FitOptions.DEFAULT);
        assertSignificant(6.25, m.p(), "p");
        assertSignificant(3.74, m.q(), "q");
        assertSignificant(15.44, m.gamma(), "gamma");
        FitReport report = m.report().orElseThrow();
        assertEquals(-4055.92, report.logLikelihood(), 0.005);
        assertEquals(FitStatus.CONVERGED, report.status());
        assertEquals(946, report.customers());
        assertEquals(1411, report.excludedCustomers());
        assertEquals(report.logLikelihood(), m.logLikelihood(Cdnow.rfm()), 1e-9);
    }

    @Test
    void customersWithoutRepeatSpendAreRejectedUnlessExcluded() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GammaGammaModel.fit(Cdnow.rfm()));
        assertTrue(e.getMessage().startsWith("customer [2] '3': x = 0, mean repeat spend = 0.0"), e.getMessage());
        RfmSummary negative = RfmSummary.of(RfmTimeUnit.WEEKS, new int[] {1, 2, 3}, new double[] {1, 2, 3},
                new double[] {4, 4, 4}, new double[] {10, -5, 12});
        assertMessage("customer [1] '2': x = 2, mean repeat spend = -5.0", () -> GammaGammaModel.fit(negative));
        assertMessage("summary: 0 customer(s) with x >= 1 and spend > 0; a Gamma-Gamma fit needs at least 2",
                () -> GammaGammaModel.fit(RfmSummary.of(RfmTimeUnit.WEEKS, new int[] {1, 0}, new double[] {1, 0},
                        new double[] {4, 4}, new double[] {0, 0}), GammaGammaModel.Ineligible.EXCLUDE, FitOptions.DEFAULT)
                        .p());
        assertMessage("summary: it carries no spend", () -> GammaGammaModel.fit(
                RfmSummary.of(RfmTimeUnit.WEEKS, new int[] {1, 2}, new double[] {1, 1}, new double[] {4, 4})));
    }

    /**
     * lifetimes tests/test_estimation.py, TestGammaGammaFitter.test_conditional_expected_average_profit: the first
     * ten CDNOW customers with p = 6.25, q = 3.74, v = 15.44, "from Hardie spreadsheet http://brucehardie.com/notes/025/"
     * (atol 0.1).
     */
    @Test
    void conditionalExpectedSpendMatchesHardiesSpreadsheetAsPublishedByLifetimes() {
        GammaGammaModel m = GammaGammaModel.of(6.25, 3.74, 15.44);
        double[] expected = {24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17};
        double[] actual = m.conditionalExpectedSpend(Cdnow.rfm());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 0.1, "customer " + (i + 1));
        }
    }

    /**
     * lifetimes README.md (Quickstart, "Estimating customer lifetime value using the Gamma-Gamma model"): the
     * conditional expected average profit of the first ten CDNOW customers under the model lifetimes fitted.
     */
    @Test
    void conditionalExpectedSpendOfTheFittedModelMatchesTheLifetimesQuickstart() {
        RfmSummary summary = Cdnow.rfm();
        GammaGammaModel m = GammaGammaModel.fit(summary, GammaGammaModel.Ineligible.EXCLUDE, FitOptions.DEFAULT);
        double[] expected = {24.658616, 18.911480, 35.171003, 35.171003, 35.171003, 71.462851, 18.911480, 35.171003,
            27.282408, 35.171003};
        double[] actual = m.conditionalExpectedSpend(summary);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 2e-3, "customer " + (i + 1));
        }
    }

    @Test
    void expectedSpendIsAWeightedAverageOfPopulationAndCustomerMeans() {
        GammaGammaModel m = GammaGammaModel.of(6.25, 3.74, 15.44);
        double population = m.populationMeanSpend();
        assertEquals(6.25 * 15.44 / 2.74, population, 1e-12);
        assertEquals(population, m.conditionalExpectedSpend(0, 0), 1e-12);
        double own = 80;
        double w = 6.25 * 5 / (6.25 * 5 + 3.74 - 1);
        assertEquals((1 - w) * population + w * own, m.conditionalExpectedSpend(5, own), 1e-12);
    }

    @Test
    void infiniteMeanSpendIsAnError() {
        GammaGammaModel m = GammaGammaModel.of(2, 0.9, 10);
        IllegalStateException e = assertThrows(IllegalStateException.class, m::populationMeanSpend);
        assertTrue(e.getMessage().startsWith("q: 0.9 <= 1"), e.getMessage());
        assertMessage("p: -1.0 must be a finite number > 0", () -> GammaGammaModel.of(-1, 2, 3));
        assertMessage("meanRepeatSpend: -2.0 must be a finite number >= 0",
                () -> GammaGammaModel.of(2, 3, 4).conditionalExpectedSpend(1, -2));
    }
}
