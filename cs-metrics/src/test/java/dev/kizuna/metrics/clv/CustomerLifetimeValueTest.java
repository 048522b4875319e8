package dev.kizuna.metrics.clv;

import org.junit.jupiter.api.Test;

import static dev.kizuna.metrics.clv.RfmSummaryTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CustomerLifetimeValueTest {
    private static final BgNbdModel BG = BgNbdModel.of(0.243, 4.414, 0.793, 2.426);
    private static final ParetoNbdModel PARETO = ParetoNbdModel.of(0.553, 10.578, 0.606, 11.669);
    private static final GammaGammaModel GG = GammaGammaModel.of(6.25, 3.74, 15.44);

    /**
     * lifetimes README.md (Quickstart, "computing the total CLV using the DCF method"): BG/NBD and Gamma-Gamma fitted
     * on the CDNOW summary, {@code customer_lifetime_value(..., time=12, discount_rate=0.01)} for the first ten
     * customers. lifetimes' default {@code freq='D'} counts 30 time units per month, and the CDNOW summary is in
     * weeks, so the periods are 30 weeks long.
     */
    @Test
    void cdnowValuesMatchTheLifetimesQuickstart() {
        RfmSummary summary = Cdnow.rfm();
        BgNbdModel bg = BgNbdModel.fit(summary);
        GammaGammaModel gg = GammaGammaModel.fit(summary, GammaGammaModel.Ineligible.EXCLUDE, FitOptions.DEFAULT);
        double[] clv = CustomerLifetimeValue.of(bg, gg, ClvHorizon.of(12, 30, 0.01), summary);
        double[] expected = {140.096211, 18.943467, 38.180574, 38.180574, 38.180574, 1003.868107, 28.109683, 38.180574,
            167.418216, 38.180574};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], clv[i], 1e-5 * expected[i], "customer " + (i + 1));
        }
    }

    @Test
    void oneUndiscountedPeriodIsExpectedSpendTimesExpectedTransactions() {
        for (TransactionModel model : new TransactionModel[] {BG, PARETO}) {
            double clv = CustomerLifetimeValue.of(model, GG, ClvHorizon.of(1, 52, 0), 3, 20, 35, 40);
            double expected = GG.conditionalExpectedSpend(3, 40) * model.conditionalExpectedTransactions(52, 3, 20, 35);
            assertEquals(expected, clv, 1e-12 * expected);
            // Without discounting the periods add up to the whole horizon.
            double split = CustomerLifetimeValue.of(model, GG, ClvHorizon.of(13, 4, 0), 3, 20, 35, 40);
            assertEquals(expected, split, 1e-9 * expected);
        }
    }

    @Test
    void discountingLowersTheValue() {
        double undiscounted = CustomerLifetimeValue.of(BG, GG, ClvHorizon.months(24, RfmTimeUnit.WEEKS, 0), 2, 30, 38, 25);
        double discounted = CustomerLifetimeValue.of(BG, GG, ClvHorizon.months(24, RfmTimeUnit.WEEKS, 0.01), 2, 30, 38, 25);
        assertTrue(discounted < undiscounted && discounted > 0.75 * undiscounted, discounted + " vs " + undiscounted);
        assertEquals(365.25 / 12 / 7, ClvHorizon.months(1, RfmTimeUnit.WEEKS, 0).periodLength(), 1e-15);
    }

    @Test
    void batchEqualsOneByOne() {
        int[] x = {0, 1, 5, 12};
        double[] tx = {0, 3, 20, 37};
        double[] t = {10, 30, 38, 38};
        double[] m = {0, 12, 30, 45};
        double[] out = new double[4];
        ClvHorizon h = ClvHorizon.months(12, RfmTimeUnit.WEEKS, 0.01);
        CustomerLifetimeValue.of(PARETO, GG, h, x, tx, t, m, out);
        for (int i = 0; i < 4; i++) {
            assertEquals(CustomerLifetimeValue.of(PARETO, GG, h, x[i], tx[i], t[i], m[i]), out[i], 0.0);
        }
    }

    @Test
    void invalidInputsAreRejected() {
        assertMessage("periods: 0 must be between 1 and 100000", () -> ClvHorizon.of(0, 1, 0));
        assertMessage("periodLength: -1.0 must be a finite number > 0", () -> ClvHorizon.of(1, -1, 0));
        assertMessage("discountRate: -0.1 must be a finite number >= 0", () -> ClvHorizon.of(1, 1, -0.1));
        assertMessage("customer [1]: age: 1.0 must be a finite number >= recency 2.0", () -> CustomerLifetimeValue.of(
                BG, GG, ClvHorizon.of(1, 1, 0), new int[] {1, 1}, new double[] {1, 2}, new double[] {2, 1},
                new double[] {5, 5}, new double[2]));
    }
}
