package dev.kizuna.metrics.clv;

import org.junit.jupiter.api.Test;

import static dev.kizuna.metrics.clv.BgNbdModelTest.assertSignificant;
import static dev.kizuna.metrics.clv.RfmSummaryTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SbgModelTest {
    /**
     * Fader and Hardie (2007), "How to Project Customer Retention", Journal of Interactive Marketing 21(1): customers
     * of a 1,000-customer cohort still active at the start of years 0..7 (percentages in the paper, see the datasets
     * README), the calibration data of their sBG fits.
     */
    private static final long[] REGULAR = {1000, 631, 468, 382, 326, 289, 262, 241};
    private static final long[] HIGH_END = {1000, 869, 743, 653, 593, 551, 517, 491};
    /** The same paper: High End actually active in years 8..12, the holdout. */
    private static final double[] HIGH_END_HOLDOUT = {46.8, 44.5, 42.7, 40.9, 39.4};

    @Test
    void regularSeriesReproducesThePublishedFit() {
        // Published: alpha = 0.704, beta = 1.182
        SbgModel m = SbgModel.fitSurvival(REGULAR);
        assertSignificant(0.704, m.alpha(), "alpha");
        assertSignificant(1.182, m.beta(), "beta");
        assertEquals(FitStatus.CONVERGED, m.report().orElseThrow().status());
        assertEquals(1000, m.report().orElseThrow().customers());
    }

    @Test
    void highEndSeriesReproducesThePublishedFit() {
        // Published: alpha = 0.668, beta = 3.806
        SbgModel m = SbgModel.fitSurvival(HIGH_END);
        assertSignificant(0.668, m.alpha(), "alpha");
        assertSignificant(3.806, m.beta(), "beta");
        assertEquals(m.report().orElseThrow().logLikelihood(), m.logLikelihood(HIGH_END), 1e-9);
    }

    @Test
    void highEndProjectionStaysWithinTwoPointsOfTheHoldoutYears() {
        double[] projected = SbgModel.fitSurvival(HIGH_END).projectSurvival(12);
        for (int year = 8; year <= 12; year++) {
            double actual = HIGH_END_HOLDOUT[year - 8];
            assertEquals(actual, 100 * projected[year], 2.0, "year " + year);
            assertTrue(100 * projected[year] < actual, "the sBG slightly underprojects this series, year " + year);
        }
    }

    @Test
    void perCustomerLifetimesGiveTheSameFitAsTheirSurvivalCurve() {
        int n = (int) REGULAR[0];
        int[] periods = new int[n];
        boolean[] churned = new boolean[n];
        int i = 0;
        for (int t = 1; t < REGULAR.length; t++) {
            for (long k = REGULAR[t]; k < REGULAR[t - 1]; k++) {
                periods[i] = t;
                churned[i++] = true;
            }
        }
        while (i < n) {
            periods[i++] = REGULAR.length - 1;
        }
        SbgModel fromLifetimes = SbgModel.fitLifetimes(periods, churned);
        SbgModel fromCurve = SbgModel.fitSurvival(REGULAR);
        assertEquals(fromCurve.alpha(), fromLifetimes.alpha(), 1e-7);
        assertEquals(fromCurve.beta(), fromLifetimes.beta(), 1e-7);
    }

    @Test
    void survivalRetentionAndChurnAreConsistent() {
        SbgModel m = SbgModel.of(0.704, 1.182);
        double[] s = m.projectSurvival(10);
        assertEquals(1.0, s[0]);
        double previousRetention = 0;
        for (int t = 1; t <= 10; t++) {
            assertEquals(s[t], m.survival(t), 1e-12);
            assertEquals(s[t - 1] - s[t], m.churnProbability(t), 1e-12);
            assertEquals(s[t] / s[t - 1], m.retentionRate(t), 1e-12);
            assertTrue(m.retentionRate(t) > previousRetention, "retention rises with tenure");
            previousRetention = m.retentionRate(t);
        }
        assertEquals(0.704 / (0.704 + 1.182), m.churnProbability(1), 1e-15);
    }

    @Test
    void derlEqualsTheDiscountedSumOfConditionalSurvival() {
        for (double[] ab : new double[][] {{0.704, 1.182}, {0.668, 3.806}, {1.0, 1.0}, {2.0, 0.5}}) {
            SbgModel m = SbgModel.of(ab[0], ab[1]);
            for (double d : new double[] {0.1, 0.05, 0.5}) {
                for (int renewals : new int[] {0, 1, 4, 20}) {
                    int n = renewals + 1;
                    double brute = 0;
                    double sPrev = m.survival(n - 1);
                    for (int t = n; t < n + 20_000; t++) {
                        brute += m.survival(t) / sPrev / Math.pow(1 + d, t - n);
                    }
                    double derl = m.discountedExpectedResidualLifetime(d, renewals);
                    assertEquals(brute, derl, 1e-9 * brute, "alpha=" + ab[0] + " beta=" + ab[1] + " d=" + d + " n-1=" + renewals);
                }
                // DEL = 1 + DERL(after no renewal) / (1 + d): the first payment, then the rest discounted one period.
                assertEquals(1 + m.discountedExpectedResidualLifetime(d, 0) / (1 + d), m.discountedExpectedLifetime(d), 1e-12);
            }
        }
    }

    @Test
    void derlGrowsWithTenureBecauseTheSurvivorsAreLoyal() {
        SbgModel m = SbgModel.of(0.668, 3.806);
        double previous = 0;
        for (int renewals = 0; renewals < 10; renewals++) {
            double derl = m.discountedExpectedResidualLifetime(0.1, renewals);
            assertTrue(derl > previous);
            previous = derl;
        }
    }

    @Test
    void invalidInputsAreRejected() {
        assertMessage("alive: 1 value(s)", () -> SbgModel.fitSurvival(1000));
        assertMessage("alive[2]: 700 must be between 0 and alive[1] = 600", () -> SbgModel.fitSurvival(1000, 600, 700));
        assertMessage("alive[0]: 0 (the cohort size) must be > 0", () -> SbgModel.fitSurvival(0, 0));
        assertMessage("no customer left", () -> SbgModel.fitSurvival(100, 100, 100));
        assertMessage("every customer left at the first renewal", () -> SbgModel.fitSurvival(100, 0, 0));
        assertMessage("periods[1]: 0 must be >= 1 for a customer who churned",
                () -> SbgModel.fitLifetimes(new int[] {3, 0}, new boolean[] {false, true}));
        assertMessage("periods, churned: lengths 2, 1 must be equal",
                () -> SbgModel.fitLifetimes(new int[] {3, 0}, new boolean[] {false}));
        assertMessage("discountRate: 0.0 must be a finite number > 0",
                () -> SbgModel.of(1, 1).discountedExpectedResidualLifetime(0, 1));
        assertMessage("renewals: -1 must be >= 0", () -> SbgModel.of(1, 1).discountedExpectedResidualLifetime(0.1, -1));
        assertMessage("alpha: 0.0 must be a finite number > 0", () -> SbgModel.of(0, 1));
        assertArrayEquals(new double[] {1.0}, SbgModel.of(1, 1).projectSurvival(0));
    }
}
