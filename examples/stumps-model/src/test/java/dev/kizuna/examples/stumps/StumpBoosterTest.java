package dev.kizuna.examples.stumps;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Portfolio;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.backtest.BacktestReport;
import dev.kizuna.health.batch.SignalFrame;
import dev.kizuna.health.outcome.Outcome;
import dev.kizuna.sample.DemoPortfolio;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The booster lowers the training loss, is deterministic, routes missing values, and predicts unseen churn. */
class StumpBoosterTest {
    private static final SignalName X = SignalName.of("usage.logins_30d");
    private static final SignalName NOISE = SignalName.of("support.open_tickets");

    /** 2,000 rows: churn is likely below x = 0.3 and when x is missing, rare otherwise; the noise signal is noise. */
    private static SignalFrame frame(boolean[] event) {
        SplittableRandom random = new SplittableRandom(7);
        int n = event.length;
        double[] x = new double[n];
        double[] noise = new double[n];
        List<AccountId> accounts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean missing = i % 10 == 0;
            x[i] = missing ? Double.NaN : random.nextDouble();
            noise[i] = random.nextInt(8);
            boolean risky = missing || x[i] < 0.3;
            event[i] = random.nextDouble() < (risky ? 0.6 : 0.05);
            accounts.add(AccountId.of("a" + i));
        }
        return SignalFrame.builder(n, Instant.parse("2026-01-01T00:00:00Z")).column(X, x).column(NOISE, noise)
                .accounts(accounts).build();
    }

    @Test
    void trainingLossFallsEveryRoundAndTheSplitFindsTheRiskyRegionAndMissingValues() {
        boolean[] event = new boolean[2_000];
        SignalFrame frame = frame(event);
        StumpFit fit = StumpBooster.builder(ModelId.of("t", "1")).rounds(40).learningRate(0.3).build()
                .fit(frame, event);
        List<Double> loss = fit.trainingLoss();
        assertEquals(fit.rounds() + 1, loss.size());
        for (int r = 1; r < loss.size(); r++) {
            assertTrue(loss.get(r) < loss.get(r - 1), "round " + r + ": " + loss);
        }
        assertTrue(loss.get(loss.size() - 1) < loss.get(0) - 0.1, loss.toString());
        // The strongest stump on x splits near 0.3, riskier below, and sends missing values to the risky branch.
        Stump strongest = fit.definition().stumps().stream().filter(s -> s.signal().equals(X))
                .max((a, b) -> Double.compare(a.below() - a.atOrAbove(), b.below() - b.atOrAbove())).orElseThrow();
        assertEquals(0.3, strongest.threshold(), 0.05, strongest.toString());
        assertTrue(strongest.below() > strongest.atOrAbove(), strongest.toString());
        assertEquals(strongest.below(), strongest.missing(), strongest.toString());
        assertEquals(2_000, fit.rows());
    }

    @Test
    void fittingIsDeterministic() {
        boolean[] event = new boolean[2_000];
        SignalFrame frame = frame(event);
        StumpBooster booster = StumpBooster.builder(ModelId.of("t", "1")).rounds(30).build();
        assertEquals(booster.fit(frame, event), booster.fit(frame, event));
    }

    @Test
    void theFittedModelPredictsChurnOnAPortfolioItNeverSaw() {
        // Fit on one demo portfolio, judge on another generated from a different seed.
        Portfolio training = DemoPortfolio.builder().seed(1).accounts(600).build();
        Portfolio unseen = DemoPortfolio.builder().seed(2).accounts(600).build();
        StumpFit fit = StumpBooster.builder(ModelId.of("holdout", "1")).minimumLeafRows(50).build()
                .fit(DemoData.labels(training));
        assertTrue(fit.trainingLoss().get(fit.rounds()) < fit.trainingLoss().get(0), fit.trainingLoss().toString());
        BacktestReport report = DemoData.backtest(unseen).run(StumpsModel.of(fit.definition()), unseen.signals(),
                Outcome.churnsOf(unseen.subscriptionEvents()));
        System.out.println("stumps fitted on seed 1, judged on seed 2: ROC AUC " + report.rocAuc());
        assertTrue(report.rocAuc().lower() > 0.6, report.rocAuc().toString());
    }

    @Test
    void dataWithoutBothOutcomesOrWithMismatchedLabelsIsRejected() {
        boolean[] event = new boolean[2_000];
        SignalFrame frame = frame(event);
        StumpBooster booster = StumpBooster.builder(ModelId.of("t", "1")).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> booster.fit(frame, new boolean[2_000]));
        assertEquals("event: 0 events in 2000 rows; fitting needs both events and non-events", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> booster.fit(frame, new boolean[3]));
        assertEquals("event: 3 labels for 2000 rows", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StumpBooster.builder(ModelId.of("t", "1"))
                .signals(List.of(SignalName.of("sentiment.nps"))).build().fit(frame, event));
        assertEquals("signals: sentiment.nps is not a column of the frame", e.getMessage());
    }

    @Test
    void settingsAreValidated() {
        StumpBooster.Builder b = StumpBooster.builder(ModelId.of("t", "1"));
        assertEquals("rounds: 0 must be between 1 and 10000",
                assertThrows(IllegalArgumentException.class, () -> b.rounds(0)).getMessage());
        assertEquals("learningRate: 1.5 must be > 0 and <= 1",
                assertThrows(IllegalArgumentException.class, () -> b.learningRate(1.5)).getMessage());
        assertEquals("candidates: 1 must be between 2 and 1024",
                assertThrows(IllegalArgumentException.class, () -> b.candidates(1)).getMessage());
        assertEquals("l2: 0.0 must be a finite number > 0",
                assertThrows(IllegalArgumentException.class, () -> b.l2(0)).getMessage());
        assertEquals("minimumLeafRows: 0 must be >= 1",
                assertThrows(IllegalArgumentException.class, () -> b.minimumLeafRows(0)).getMessage());
        assertEquals("signals: usage.logins_30d is given twice",
                assertThrows(IllegalArgumentException.class, () -> b.signals(Collections.nCopies(2, X))).getMessage());
    }
}
