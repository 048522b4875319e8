package dev.kizuna.examples;

// README: health-explain BEGIN
import dev.kizuna.core.AccountId;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.Explanation;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthModels;

import java.nio.file.Path;
import java.time.Instant;
// README: health-explain END
// README: health-backtest BEGIN
import dev.kizuna.sample.DemoPortfolio;
import dev.kizuna.core.Portfolio;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.backtest.Backtest;
import dev.kizuna.health.backtest.BacktestReport;
import dev.kizuna.health.outcome.Outcome;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
// README: health-backtest END
// README: health-batch BEGIN
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.batch.BatchReport;
import dev.kizuna.health.batch.BatchScorer;
import dev.kizuna.health.batch.SignalFrame;

import java.nio.file.Path;
import java.time.Instant;
// README: health-batch END
import dev.kizuna.health.backtest.BandOutcome;
import dev.kizuna.health.backtest.Estimate;
import dev.kizuna.health.batch.RowFailure;
import dev.kizuna.health.definition.DefinitionFormat;
import dev.kizuna.health.scorecard.ScorecardDefinition;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * cs-health/README.md's snippets, run as written, and its scorecard, read as written. The snippets load
 * {@code scorecard.yaml} from the directory the tests run in: {@code examples/scorecard.yaml}, which is the README's
 * "Scorecards as data" YAML, character for character.
 */
class HealthReadmeTest {

    /** Returns the first YAML block of cs-health/README.md's "Health scores" section. */
    private static String readmeScorecard() throws Exception {
        String readme = Files.readString(Path.of("..", "cs-health", "README.md"));
        int section = readme.indexOf("**Scorecards as data.**");
        assertTrue(section >= 0, "cs-health/README.md has a 'Scorecards as data' paragraph");
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    @Test
    void theReadmeScorecardReadsAsWrittenAndIsTheFileTheSnippetsLoad() throws Exception {
        HealthModels models = HealthModels.load();
        ScorecardDefinition card = (ScorecardDefinition) models.read(readmeScorecard(), DefinitionFormat.YAML);
        assertEquals("smb-health@3", card.id().toString());
        assertEquals(5, card.allMeasures().size());
        assertEquals(1, card.caps().size());
        assertEquals(0.6, card.minimumCompleteness());
        assertEquals(readmeScorecard(), Files.readString(Path.of("scorecard.yaml")),
                "examples/scorecard.yaml is the README's scorecard");
    }

    @Test
    void theExplainSnippetRunsAsWritten() {
        // README: health-explain BEGIN
        HealthModels models = HealthModels.load();
        HealthModel model = models.create(Path.of("scorecard.yaml"));   // the scorecard shown below
        SignalSnapshot snapshot = SignalSnapshot.builder(AccountId.of("acme"), Instant.parse("2026-01-01T00:00:00Z"))
                .put(SignalName.ENGAGEMENT_LICENCE_UTILISATION, 0.9).put(SignalName.ENGAGEMENT_DAU_MAU, 0.4)
                .put(SignalName.SENTIMENT_NPS, 20).put(SignalName.SUPPORT_OPEN_TICKETS, 1)
                .put(SignalName.SUPPORT_ESCALATED_TICKETS, 1)
                .build();
        Explanation why = model.explain(snapshot, snapshot.at());
        why.score().summary(); // "40.00 red": the open escalation caps the score at 40
        why.pullingDown();     // the inputs that pulled the score down, strongest first; why.lifting() the others
        why.levers();          // for each input, the change that reaches the next band, the others held fixed
        why.reason();          // "red 40.00: pulled down by cap 'open escalation' (-32.31), NPS (-3.79); lifted by ..."
        // README: health-explain END

        // By hand: engagement (2·95 + 75)/3, sentiment 60, support (2·60 + 50)/3 (the escalated ticket is one of the
        // open ones), weighted 30:20:15, is 4700/65 = 72.31; the open escalation caps it at 40, a contribution of
        // 40 - 72.31 = -32.31.
        assertEquals("40.00 red", why.score().summary());
        assertEquals(-32.31, why.score().contribution("escalation").orElseThrow().points());
        assertEquals("escalation", why.pullingDown().get(0).id(), "a binding cap pulls down first");
        assertEquals("red 40.00: pulled down by cap 'open escalation' (-32.31), NPS (-3.79); lifted by licence use"
                + " (+6.98), DAU/MAU (+0.41)", why.reason());
        for (var lever : why.levers()) {
            // Only clearing the escalation lifts the cap; every other input is held at 40 by it.
            assertEquals(lever.input().equals("escalations"), lever.isReachable(), lever.describe());
        }
    }

    @Test
    void theBacktestSnippetRunsAsWritten() {
        // README: health-backtest BEGIN
        HealthModel model = HealthModels.load().create(Path.of("scorecard.yaml"));
        Portfolio demo = DemoPortfolio.builder().accounts(500).build();   // synthetic; yours come from your history
        List<SignalSnapshot> monthlySnapshots = demo.signals();            // each account's signals, month by month
        List<Outcome> outcomes = Outcome.churnsOf(demo.subscriptionEvents());   // when each account's last
                                                                                 // subscription ended
        Backtest backtest = Backtest.builder(Period.ofDays(90)).observedUntil(LocalDate.of(2026, 1, 1)).build();
        BacktestReport report = backtest.run(model, monthlySnapshots, outcomes);
        report.rocAuc();     // Estimate[value=0.664, lower=0.620, upper=0.705], to more digits
        report.bands();      // the churn rate of red (12.3%), yellow (7.7%) and green (3.6%)
        // README: health-backtest END

        Estimate auc = report.rocAuc();
        assertEquals(0.664, auc.value(), 5e-4);
        assertEquals(0.620, auc.lower(), 5e-4);
        assertEquals(0.705, auc.upper(), 5e-4);
        List<BandOutcome> bands = report.bands();
        assertEquals(List.of("red", "yellow", "green"), bands.subList(0, 3).stream().map(BandOutcome::band).toList());
        assertEquals(0.123, bands.get(0).eventRate(), 5e-4);
        assertEquals(0.077, bands.get(1).eventRate(), 5e-4);
        assertEquals(0.036, bands.get(2).eventRate(), 5e-4);
    }

    @Test
    void theBatchSnippetRunsAsWritten() {
        // README: health-batch BEGIN
        HealthModel model = HealthModels.load().create(Path.of("scorecard.yaml"));
        int n = 2;
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        SignalFrame frame = SignalFrame.builder(n, now)
                .column(SignalName.ENGAGEMENT_LICENCE_UTILISATION, new double[] {0.9, 0.3})
                .column(SignalName.ENGAGEMENT_DAU_MAU, new double[] {0.4, Double.NaN})   // NaN: no value
                .column(SignalName.SENTIMENT_NPS, new double[] {20, 500})               // 500: off the NPS scale
                .column(SignalName.SUPPORT_OPEN_TICKETS, new double[] {1, 0})
                .column(SignalName.SUPPORT_ESCALATED_TICKETS, new double[] {1, 0})
                .build();
        double[] values = new double[n];
        byte[] bands = new byte[n];
        BatchReport report = BatchScorer.of(model).parallel().scoreInto(frame, values, bands);
        // values {40.0, NaN}, bands {0 (red), BatchScorer.FAILED}; the other rows are scored whatever one row holds
        report.failures();   // row 1: "500 is outside the domain of sentiment.nps: a number from -100 to 100"
        // README: health-batch END

        assertArrayEquals(new double[] {40.0, Double.NaN}, values);
        assertArrayEquals(new byte[] {0, BatchScorer.FAILED}, bands);
        assertEquals(List.of(new RowFailure(1, "500 is outside the domain of sentiment.nps: a number from -100 to"
                + " 100")), report.failures());
        assertEquals(1, report.scored());
    }
}
