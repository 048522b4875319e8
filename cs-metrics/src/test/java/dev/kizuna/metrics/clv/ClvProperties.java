package dev.kizuna.metrics.clv;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Identities and bounds that every parameter set and every customer history must satisfy. */
class ClvProperties {

    @Provide
    Arbitrary<TransactionModel> models() {
        Arbitrary<Double> shape = Arbitraries.doubles().between(0.05, 20);
        Arbitrary<Double> scale = Arbitraries.doubles().between(0.1, 100);
        Arbitrary<TransactionModel> bg = Combinators.combine(shape, scale, shape, shape).as(BgNbdModel::of);
        Arbitrary<TransactionModel> pareto = Combinators.combine(shape, scale, shape, scale).as(ParetoNbdModel::of);
        return Arbitraries.oneOf(bg, pareto);
    }

    @Property
    void probabilityAliveIsInTheUnitInterval(@ForAll("models") TransactionModel m, @ForAll @IntRange(max = 300) int x,
                                             @ForAll @DoubleRange(max = 1) double recencyShare,
                                             @ForAll @DoubleRange(min = 0.01, max = 500) double age) {
        double recency = x == 0 ? 0 : recencyShare * age;
        double p = m.probabilityAlive(x, recency, age);
        assertTrue(p >= 0 && p <= 1, m + ": P(alive) = " + p);
    }

    @Property
    void expectedTransactionsAreNonDecreasingInTime(@ForAll("models") TransactionModel m,
                                                     @ForAll @DoubleRange(max = 200) double t,
                                                     @ForAll @DoubleRange(min = 0.01, max = 200) double dt,
                                                     @ForAll @IntRange(max = 50) int x,
                                                     @ForAll @DoubleRange(min = 0.01, max = 100) double age) {
        assertEquals(0.0, m.expectedTransactions(0));
        double e1 = m.expectedTransactions(t);
        double e2 = m.expectedTransactions(t + dt);
        assertTrue(e1 >= 0 && Double.isFinite(e2) && e2 >= e1 * (1 - 1e-12), m + ": E[X(" + t + ")] = " + e1 + " > " + e2);
        double recency = x == 0 ? 0 : age / 2;
        double c1 = m.conditionalExpectedTransactions(t, x, recency, age);
        double c2 = m.conditionalExpectedTransactions(t + dt, x, recency, age);
        assertTrue(c1 >= 0 && Double.isFinite(c2) && c2 >= c1 * (1 - 1e-12), m + ": E[Y] " + c1 + " > " + c2);
    }

    @Property
    void aNewCustomerIsTheConditionalCaseWithNoHistory(@ForAll("models") TransactionModel m,
                                                       @ForAll @DoubleRange(min = 0.01, max = 300) double t) {
        // A customer observed for no time (x = 0, T = 0) is a new customer: E[Y(t) | 0, 0, 0] = E[X(t)].
        double e = m.expectedTransactions(t);
        assertEquals(e, m.conditionalExpectedTransactions(t, 0, 0, 0), 1e-9 * Math.max(e, 1e-300) + 1e-300);
    }

    @Property(tries = 50)
    void bgNbdProbabilitiesOfTransactionsSumToOneWithTheRightMean(
            @ForAll @DoubleRange(min = 0.2, max = 3) double r, @ForAll @DoubleRange(min = 1, max = 20) double alpha,
            @ForAll @DoubleRange(min = 0.5, max = 3) double a, @ForAll @DoubleRange(min = 0.5, max = 5) double b,
            @ForAll @DoubleRange(min = 0.1, max = 20) double t) {
        BgNbdModel m = BgNbdModel.of(r, alpha, a, b);
        double sum = 0;
        double mean = 0;
        for (int k = 0; k < 400; k++) {
            double p = m.probabilityOfTransactions(k, t);
            assertTrue(p >= 0 && p <= 1);
            sum += p;
            mean += k * p;
        }
        assertEquals(1.0, sum, 1e-6, m.toString());
        assertEquals(m.expectedTransactions(t), mean, 1e-4 * (1 + mean), m.toString());
    }

    @Property
    void batchPredictionsEqualOneByOne(@ForAll("models") TransactionModel m, @ForAll @IntRange(max = 40) int x,
                                       @ForAll @DoubleRange(min = 0.1, max = 60) double age,
                                       @ForAll @DoubleRange(max = 100) double t) {
        int[] xs = {x, 0, x + 1};
        double[] tx = {x == 0 ? 0 : age / 3, 0, age};
        double[] ages = {age, age, age};
        double[] alive = new double[3];
        double[] expected = new double[3];
        m.probabilityAlive(xs, tx, ages, alive);
        m.conditionalExpectedTransactions(t, xs, tx, ages, expected);
        for (int i = 0; i < 3; i++) {
            assertEquals(m.probabilityAlive(xs[i], tx[i], ages[i]), alive[i], 0.0);
            assertEquals(m.conditionalExpectedTransactions(t, xs[i], tx[i], ages[i]), expected[i], 0.0);
        }
    }

    /**
     * Batches of a few thousand customers whose histories repeat (times in whole days, as from a transaction log)
     * or not, so that the batch methods' caches both hit and collide: every result equals the one-by-one value.
     */
    @Property(tries = 12)
    void largeBatchesWithRepeatedHistoriesEqualOneByOne(@ForAll("models") TransactionModel m, @ForAll long seed,
                                                        @ForAll boolean wholeDays) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        int n = 3000;
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        double[] spend = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextInt(12);
            t[i] = wholeDays ? (190 + rnd.nextInt(90)) / 7.0 : 27 + 12 * rnd.nextDouble();
            tx[i] = x[i] == 0 ? 0 : wholeDays ? Math.floor(rnd.nextDouble() * t[i] * 7) / 7 : rnd.nextDouble() * t[i];
            spend[i] = x[i] == 0 ? 0 : 5 + 50 * rnd.nextDouble();
        }
        double[] alive = new double[n];
        double[] expected = new double[n];
        double[] clv = new double[n];
        m.probabilityAlive(x, tx, t, alive);
        m.conditionalExpectedTransactions(39, x, tx, t, expected);
        GammaGammaModel gg = GammaGammaModel.of(6.25, 3.74, 15.44);
        ClvHorizon horizon = ClvHorizon.months(3, RfmTimeUnit.WEEKS, 0.01);
        CustomerLifetimeValue.of(m, gg, horizon, x, tx, t, spend, clv);
        for (int i = 0; i < n; i += 7) {
            assertEquals(m.probabilityAlive(x[i], tx[i], t[i]), alive[i], 0.0);
            assertEquals(m.conditionalExpectedTransactions(39, x[i], tx[i], t[i]), expected[i], 0.0);
            assertEquals(CustomerLifetimeValue.of(m, gg, horizon, x[i], tx[i], t[i], spend[i]), clv[i], 0.0);
        }
    }

    @Property
    void expectedSpendLiesBetweenThePopulationMeanAndTheCustomersMean(
            @ForAll @DoubleRange(min = 0.1, max = 20) double p, @ForAll @DoubleRange(min = 1.01, max = 20) double q,
            @ForAll @DoubleRange(min = 0.1, max = 100) double gamma, @ForAll @IntRange(min = 1, max = 100) int x,
            @ForAll @DoubleRange(min = 0.01, max = 1000) double mean) {
        GammaGammaModel m = GammaGammaModel.of(p, q, gamma);
        double e = m.conditionalExpectedSpend(x, mean);
        double lo = Math.min(mean, m.populationMeanSpend());
        double hi = Math.max(mean, m.populationMeanSpend());
        assertTrue(e >= lo * (1 - 1e-12) && e <= hi * (1 + 1e-12), e + " outside [" + lo + ", " + hi + "]");
    }

    @Property
    void sbgSurvivalFallsAndRetentionRises(@ForAll @DoubleRange(min = 0.05, max = 20) double alpha,
                                           @ForAll @DoubleRange(min = 0.05, max = 20) double beta,
                                           @ForAll @IntRange(min = 1, max = 200) int t,
                                           @ForAll @DoubleRange(min = 0.01, max = 1) double d) {
        SbgModel m = SbgModel.of(alpha, beta);
        assertTrue(m.survival(t) <= m.survival(t - 1));
        assertTrue(t == 1 || m.retentionRate(t) >= m.retentionRate(t - 1));
        double derl = m.discountedExpectedResidualLifetime(d, t - 1);
        // Between the next payment's probability alone and an undiscounted, never-churning customer's 1 + 1/d.
        assertTrue(derl >= m.retentionRate(t) * (1 - 1e-12) && derl <= (1 + d) / d, "DERL " + derl);
    }
}
