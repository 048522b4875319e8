package dev.kizuna.health.backtest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthScore;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.json.BacktestJson;
import dev.kizuna.health.outcome.Labels;
import dev.kizuna.health.outcome.Outcome;
import dev.kizuna.health.scorecard.Measure;
import dev.kizuna.health.scorecard.Normaliser;
import dev.kizuna.health.scorecard.ScorecardDefinition;
import dev.kizuna.health.scorecard.ScorecardModel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BacktestTest {
    static final SignalName HEALTH = SignalName.of("custom.health");
    static final SignalName OTHER = SignalName.of("custom.other");
    static final Instant JAN_1 = Instant.parse("2025-01-01T00:00:00Z");

    /** A model whose health is the signal {@code custom.health} itself: scores are written straight into snapshots. */
    static ScorecardModel identity(String id) {
        return ScorecardModel.of(ScorecardDefinition.builder(ModelId.of(id, "1"))
                .add(Measure.of("health", HEALTH, 1, Normaliser.linear(0, 100))).build());
    }

    static ScorecardModel other(String id) {
        return ScorecardModel.of(ScorecardDefinition.builder(ModelId.of(id, "1"))
                .add(Measure.of("other", OTHER, 1, Normaliser.linear(0, 100))).build());
    }

    static SignalSnapshot snapshot(String account, Instant at, double health) {
        return SignalSnapshot.builder(AccountId.of(account), at).put(HEALTH, health).build();
    }

    static Outcome churned(String account, String date) {
        return Outcome.churned(AccountId.of(account), LocalDate.parse(date));
    }

    /**
     * Five accounts scored on 1 January 2025 with health 20, 40, 60, 80 and 90; a1 and a3 churn within 30 days, a4
     * after them, a5 expands. a6 is scored too late to be judged (censored), a7 cannot be scored and churns.
     */
    static List<SignalSnapshot> history() {
        return List.of(snapshot("a1", JAN_1, 20), snapshot("a2", JAN_1, 40), snapshot("a3", JAN_1, 60),
                snapshot("a4", JAN_1, 80), snapshot("a5", JAN_1, 90),
                snapshot("a6", Instant.parse("2025-02-15T00:00:00Z"), 10),
                SignalSnapshot.empty(AccountId.of("a7"), JAN_1));
    }

    static List<Outcome> outcomes() {
        return List.of(churned("a1", "2025-01-15"), churned("a3", "2025-01-20"), churned("a4", "2025-03-15"),
                Outcome.expanded(AccountId.of("a5"), LocalDate.parse("2025-01-10")), churned("a7", "2025-01-05"));
    }

    static Backtest backtest() {
        return Backtest.builder(Period.ofDays(30)).observedUntil(LocalDate.parse("2025-03-01")).resamples(200)
                .build();
    }

    @Test
    void everyFigureMatchesTheHandComputedCase() {
        BacktestReport r = backtest().run(identity("m"), history(), outcomes());
        assertEquals(7, r.snapshots());
        assertEquals(1, r.censored(), "a6's 30 days end after 1 March");
        assertEquals(1, r.insufficient(), "a7 has no value");
        assertEquals(5, r.observations());
        assertEquals(2, r.events(), "a1 and a3; a4 churns after its horizon, a5's expansion is not churn");
        // Pairs (churner, stayer): a1 beats a2, a4, a5; a3 beats a4, a5 but not a2: 5 of 6.
        assertEquals(5.0 / 6, r.rocAuc().value(), 1e-12);
        // From the riskiest: a1 (event) precision 1 at recall 1/2, a2, a3 (event) precision 2/3 at recall 1.
        assertEquals(0.5 * 1 + 0.5 * 2.0 / 3, r.prAuc().value(), 1e-12);
        // (0.8-1)² + (0.6-0)² + (0.4-1)² + (0.2-0)² + (0.1-0)² = 0.81, over 5.
        assertEquals(0.162, r.brier(), 1e-12);
        // Deciles of half an observation each: a1 fills deciles 1 and 2.
        Decile first = r.calibration().get(0);
        assertEquals(0.5, first.observations(), 1e-12);
        assertEquals(0.5, first.events(), 1e-12);
        assertEquals(0.8, first.meanPredictedRisk(), 1e-12);
        assertEquals(20, first.lowestScore());
        assertEquals(0.0, r.calibration().get(9).events(), 1e-12);
        assertEquals(90, r.calibration().get(9).highestScore());
        assertEquals(1.0 / 0.4, r.topDecileLift(), 1e-12);
        assertEquals(0.25, r.topDecileCapture(), 1e-12);
        assertEquals(List.of(new BandOutcome("red", 0, 2, 1, 0.5), new BandOutcome("yellow", 1, 1, 1, 1.0),
                        new BandOutcome("green", 2, 2, 0, 0.0), new BandOutcome("insufficient data", -1, 1, 1, 1.0)),
                r.bands());
        // a1 left red and a3 yellow; a4's last score is older than 30 days; a7's had no value.
        BandsAtEvent at = r.atEvent();
        assertEquals(4, at.events());
        assertEquals(2, at.withScore());
        assertEquals(List.of(new BandsAtEvent.BandCount("red", 1), new BandsAtEvent.BandCount("yellow", 1),
                new BandsAtEvent.BandCount("green", 0)), at.perBand());
        assertEquals("green", at.bestBand());
        assertEquals(0.0, at.shareInBestBand());
        assertTrue(r.rocAuc().lower() <= r.rocAuc().value() && r.rocAuc().value() <= r.rocAuc().upper());
    }

    @Test
    void theRocCurveIsTheHandComputedOneAndItsAreaIsTheReportedAuc() {
        List<RocPoint> curve = backtest().rocCurve(identity("m"), history(), outcomes());
        // The observations of the case above, riskiest (lowest health) first: a1 event, a2, a3 event, a4, a5.
        assertEquals(List.of(new RocPoint(Double.POSITIVE_INFINITY, 0, 0), new RocPoint(-20, 0, 0.5),
                new RocPoint(-40, 1.0 / 3, 0.5), new RocPoint(-60, 1.0 / 3, 1), new RocPoint(-80, 2.0 / 3, 1),
                new RocPoint(-90, 1, 1)), curve);
        assertEquals(backtest().run(identity("m"), history(), outcomes()).rocAuc().value(),
                DiscriminationProperties.trapezoidArea(curve), 1e-12);
    }

    @Test
    void theRocCurveIsEmptyWithoutEvents() {
        assertEquals(List.of(), backtest().rocCurve(identity("m"), history(), List.of()));
    }

    @Test
    void scoresGivenDirectlyGiveTheSameReport() {
        ScorecardModel model = identity("m");
        List<HealthScore> scores = new ArrayList<>();
        for (SignalSnapshot s : history()) {
            scores.add(model.score(s, s.at()));
        }
        assertEquals(backtest().run(model, history(), outcomes()), backtest().run(model.bands(), scores, outcomes()));
    }

    @Test
    void onlyOutcomesWithinTheHorizonAfterTheSnapshotCount() {
        // Horizon 30 days from 1 January: (1 Jan 00:00, 31 Jan 00:00].
        Backtest b = Backtest.builder(Period.ofDays(30)).observedUntil(LocalDate.parse("2025-06-01")).resamples(0)
                .build();
        List<SignalSnapshot> snapshots = List.of(snapshot("same-day", JAN_1, 50), snapshot("last-day", JAN_1, 50),
                snapshot("day-after", JAN_1, 50), snapshot("before", JAN_1, 50), snapshot("none", JAN_1, 50));
        List<Outcome> outcomes = List.of(churned("same-day", "2025-01-01"), churned("last-day", "2025-01-31"),
                churned("day-after", "2025-02-01"), churned("before", "2024-12-31"));
        Labels labels = b.labelling().label(dev.kizuna.health.batch.SignalFrame.of(snapshots), outcomes);
        assertFalse(labels.isEvent(0), "an outcome at t itself is not in the future of t");
        assertTrue(labels.isEvent(1), "an outcome at t + horizon counts");
        assertFalse(labels.isEvent(2), "an outcome after t + horizon does not");
        assertFalse(labels.isEvent(3), "an outcome before t does not");
        assertFalse(labels.isEvent(4));
        assertEquals(1, labels.events());
    }

    @Test
    void nothingAfterTheHorizonChangesAnObservation() {
        // Adding later snapshots (censored) and later outcomes of every kind leaves the judged observations alone.
        BacktestReport before = backtest().run(identity("m"), history(), outcomes());
        List<SignalSnapshot> more = new ArrayList<>(history());
        List<Outcome> later = new ArrayList<>(outcomes());
        for (String a : List.of("a1", "a2", "a3", "a4", "a5")) {
            more.add(snapshot(a, Instant.parse("2025-02-20T00:00:00Z"), a.equals("a2") ? 0 : 100));
            later.add(churned(a, "2025-02-25"));
            later.add(Outcome.contracted(AccountId.of(a), LocalDate.parse("2025-01-02")));
        }
        BacktestReport after = backtest().run(identity("m"), more, later);
        assertEquals(before.observations(), after.observations());
        assertEquals(before.censored() + 5, after.censored());
        assertEquals(before.events(), after.events());
        assertEquals(before.rocAuc().value(), after.rocAuc().value());
        assertEquals(before.prAuc().value(), after.prAuc().value());
        assertEquals(before.brier(), after.brier());
        assertEquals(before.calibration(), after.calibration());
        assertEquals(before.bands(), after.bands());
    }

    @Test
    void theLastScoreBeforeLeavingIsNeverOneTakenAfter() {
        // a1 is scored green after it left: its band when leaving is still the red of 1 January.
        List<SignalSnapshot> snapshots = new ArrayList<>(history());
        snapshots.add(snapshot("a1", Instant.parse("2025-01-16T00:00:00Z"), 99));
        BacktestReport r = backtest().run(identity("m"), snapshots, outcomes());
        assertEquals(1, r.atEvent().perBand().get(0).count());
        assertEquals(0, r.atEvent().perBand().get(2).count());
    }

    @Test
    void otherTargetsCanBeTheEvent() {
        Backtest b = Backtest.builder(Period.ofDays(30)).observedUntil(LocalDate.parse("2025-03-01")).resamples(0)
                .targets(EnumSet.of(Outcome.Type.EXPANDED)).build();
        BacktestReport r = b.run(identity("m"), history(), outcomes());
        assertEquals(1, r.events(), "a5 expanded");
        assertEquals(0.0, r.rocAuc().value(), "the healthiest account expanded: a risk score ranks it last");
        assertFalse(r.rocAuc().hasInterval());
    }

    @Test
    void theIntervalsAreReproducibleAndHoldTheEstimate() {
        List<SignalSnapshot> snapshots = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int a = 0; a < 300; a++) {
            double health = random.nextDouble() * 100;
            for (int month = 0; month < 3; month++) {
                snapshots.add(snapshot("acct-" + a, JAN_1.plusSeconds(86_400L * 30 * month), health));
            }
            if (random.nextDouble() * 130 > health + 40) {
                outcomes.add(churned("acct-" + a, "2025-03-10"));
            }
        }
        Backtest b = Backtest.builder(Period.ofDays(90)).observedUntil(LocalDate.parse("2025-09-01")).build();
        BacktestReport r = b.run(identity("m"), snapshots, outcomes);
        assertEquals(r, b.run(identity("m"), snapshots, outcomes));
        assertTrue(r.rocAuc().lower() < r.rocAuc().value() && r.rocAuc().value() < r.rocAuc().upper(), r.toString());
        assertTrue(r.prAuc().lower() < r.prAuc().value() && r.prAuc().value() < r.prAuc().upper());
        assertTrue(r.rocAuc().value() > 0.7, "health drives churn in this data");
        double width = r.rocAuc().upper() - r.rocAuc().lower();
        assertTrue(width > 0.02 && width < 0.3, "interval width " + width);
    }

    @Test
    void modelsAreComparedOnTheSameObservationsWithDeLongsTest() {
        List<SignalSnapshot> snapshots = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        for (int a = 0; a < 400; a++) {
            double health = random.nextDouble() * 100;
            double noisy = Math.max(0, Math.min(100, health + 60 * (random.nextDouble() - 0.5)));
            SignalSnapshot.Builder s = SignalSnapshot.builder(AccountId.of("acct-" + a), JAN_1).put(HEALTH, health);
            if (a % 10 != 0) {
                s.put(OTHER, noisy);
            }
            snapshots.add(s.build());
            if (random.nextDouble() * 100 > health) {
                outcomes.add(churned("acct-" + a, "2025-01-20"));
            }
        }
        ModelComparison c = backtest().compare(List.<HealthModel>of(identity("sharp"), other("noisy")), snapshots,
                outcomes);
        assertEquals(2, c.reports().size());
        assertEquals(360, c.reports().get(0).observations(), "only the snapshots both models scored");
        assertEquals(c.reports().get(0).observations(), c.reports().get(1).observations());
        PairedComparison pair = c.pairs().get(0);
        assertEquals(ModelId.of("sharp", "1"), pair.first());
        assertEquals(c.reports().get(0).rocAuc().value(), pair.deLong().aucA(), 1e-12);
        assertEquals(c.reports().get(1).rocAuc().value(), pair.deLong().aucB(), 1e-12);
        assertTrue(pair.deLong().difference() > 0, "the noise-free score is better");
        assertTrue(pair.deLong().pValue() < 0.01, pair.toString());
        assertTrue(pair.difference().lower() > 0, "the paired interval excludes no difference: " + pair);
    }

    @Test
    void theJsonFormHasEveryFigureAndNullForUndefinedOnes() {
        BacktestReport r = Backtest.builder(Period.ofDays(30)).observedUntil(LocalDate.parse("2025-03-01"))
                .resamples(0).build().run(identity("m"), history(), outcomes());
        ObjectNode json = BacktestJson.report(r);
        assertEquals(5.0 / 6, json.get("rocAuc").get("value").asDouble(), 1e-12);
        assertTrue(json.get("rocAuc").get("lower").isNull());
        assertEquals(10, json.get("calibration").size());
        assertEquals("insufficient data", json.get("bands").get(3).get("band").asText());
        assertEquals(1, json.get("atEvent").get("perBand").get("red").asInt());
        assertEquals("P30D", json.get("horizon").asText());
    }

    @Test
    void invalidSettingsAreRejectedNamingTheProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Backtest.builder(Period.ZERO));
        assertEquals("horizon: P0D must be positive", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Backtest.builder(Period.ofDays(-3)));
        assertEquals("horizon: P-3D must be positive", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Backtest.builder(Period.ofDays(3)).targets(EnumSet.noneOf(Outcome.Type.class)));
        assertEquals("targets: at least one outcome type must count as an event", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Backtest.builder(Period.ofDays(3)).resamples(-1));
        assertEquals("resamples: -1 must be from 0 to 100000", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Backtest.builder(Period.ofDays(3)).confidence(1));
        assertEquals("confidence: 1.0 must be between 0 and 1, exclusive", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> backtest().compare(List.of(identity("m")), history(),
                outcomes()));
        assertEquals("models: 1 given; a comparison needs at least two", e.getMessage());
        HealthScore foreign = other("x").score(snapshot("a1", JAN_1, 5), JAN_1);
        HealthScore mine = identity("m").score(snapshot("a1", JAN_1, 5), JAN_1);
        e = assertThrows(IllegalArgumentException.class, () -> backtest().run(identity("m").bands(),
                List.of(mine, foreign), outcomes()));
        assertEquals("scores[1]: computed by x@1, not by m@1; backtest one model at a time", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> backtest().run(identity("m").bands(), List.of(),
                outcomes()));
        assertEquals("scores: there is nothing to backtest", e.getMessage());
    }

    @Test
    void aBacktestOfOnlyCensoredSnapshotsSaysSoInsteadOfReportingNaN() {
        Backtest b = Backtest.builder(Period.ofDays(90)).observedUntil(LocalDate.parse("2025-02-01")).build();
        NothingToJudgeException e = assertThrows(NothingToJudgeException.class,
                () -> b.run(identity("m"), history(), outcomes()));
        assertEquals(NothingToJudgeException.Reason.ALL_CENSORED, e.reason());
        assertEquals(7, e.snapshots());
        assertEquals(7, e.censored());
        assertEquals(Instant.parse("2025-02-01T00:00:00Z"), e.endOfObservation());
        assertEquals("every one of the 7 snapshots is censored: their horizon of P90D ends after the end of"
                + " observation, 2025-02-01T00:00:00Z, so what followed them is not known yet; observe until a later"
                + " date, or shorten the horizon", e.getMessage());
        e = assertThrows(NothingToJudgeException.class, () -> b.compare(List.<HealthModel>of(identity("a"),
                identity("b")), history(), outcomes()));
        assertEquals(NothingToJudgeException.Reason.ALL_CENSORED, e.reason());
    }

    @Test
    void aBacktestWithoutAScoreOrWithoutAnEventSaysWhy() {
        NothingToJudgeException e = assertThrows(NothingToJudgeException.class,
                () -> backtest().run(other("o"), history(), outcomes()));
        assertEquals(NothingToJudgeException.Reason.NONE_SCORED, e.reason());
        assertEquals("none of the 6 uncensored snapshots has a score by o@1: the model has insufficient data for each"
                + " (1 more are censored)", e.getMessage());
        e = assertThrows(NothingToJudgeException.class, () -> backtest().run(identity("m"), history(), List.of()));
        assertEquals(NothingToJudgeException.Reason.NO_EVENTS, e.reason());
        assertEquals("none of the 5 judged snapshots was followed by churn within P30D, so there is nothing to tell"
                + " apart: a backtest needs snapshots followed by the event and snapshots not followed by it",
                e.getMessage());
        List<Outcome> everyone = new ArrayList<>();
        for (String a : List.of("a1", "a2", "a3", "a4", "a5")) {
            everyone.add(churned(a, "2025-01-10"));
        }
        e = assertThrows(NothingToJudgeException.class, () -> backtest().run(identity("m"), history(), everyone));
        assertEquals(NothingToJudgeException.Reason.ONLY_EVENTS, e.reason());
        e = assertThrows(NothingToJudgeException.class, () -> backtest().run(identity("m"), List.of(), outcomes()));
        assertEquals(NothingToJudgeException.Reason.NO_SNAPSHOTS, e.reason());
        assertEquals("there are no snapshots to judge", e.getMessage());
    }

    @Test
    void anOutcomeNeedsEveryPart() {
        assertThrows(NullPointerException.class, () -> new Outcome(null, Outcome.Type.CHURNED, LocalDate.EPOCH));
        assertEquals(Instant.parse("2025-01-15T00:00:00Z"), churned("a", "2025-01-15").instant());
    }
}
