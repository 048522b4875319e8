package dev.kizuna.examples.cli;

import dev.kizuna.core.Portfolio;
import dev.kizuna.core.event.SurveyResponse;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.Explanation;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.HealthScore;
import dev.kizuna.health.backtest.Backtest;
import dev.kizuna.health.backtest.BacktestReport;
import dev.kizuna.health.backtest.ModelComparison;
import dev.kizuna.health.backtest.Outcome;
import dev.kizuna.health.batch.BatchReport;
import dev.kizuna.health.batch.BatchScorer;
import dev.kizuna.health.batch.SignalFrame;
import dev.kizuna.metrics.DateRange;
import dev.kizuna.metrics.ReportingPeriod;
import dev.kizuna.metrics.revenue.MovementType;
import dev.kizuna.metrics.revenue.MrrLedger;
import dev.kizuna.metrics.revenue.PeriodSummary;
import dev.kizuna.metrics.retention.LogoChurn;
import dev.kizuna.metrics.retention.LogoChurnConvention;
import dev.kizuna.metrics.retention.RevenueRetention;
import dev.kizuna.metrics.voc.Nps;
import dev.kizuna.sample.DemoPortfolio;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main README's "In your code" snippets, run as written on the demo portfolio, so that the front door never shows
 * code that does not compile or does not do what its comments say.
 */
class FrontDoorSnippetsTest {
    private static Portfolio portfolio;

    @BeforeAll
    static void demo() {
        portfolio = DemoPortfolio.builder().accounts(300).build();
    }

    @Test
    void theEmbeddersSnippetScoresOneAccountAndTheWholeBase(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("scorecard.yaml"), DemoScorecard.yaml());
        List<SignalSnapshot> latest = portfolio.latestSignals();
        SignalSnapshot snapshot = latest.get(0);
        int accounts = latest.size();
        Instant asOf = latest.stream().map(SignalSnapshot::at).max(Instant::compareTo).orElseThrow();
        double[] logins = column(latest, SignalName.USAGE_LOGINS_30D);
        double[] nps = column(latest, SignalName.SENTIMENT_NPS);

        // The snippet, with the scorecard's path made absolute.
        HealthModel model = HealthModels.load().create(dir.resolve("scorecard.yaml"));
        Explanation why = model.explain(snapshot, Instant.now());
        why.score().summary();
        why.reason();
        why.levers();
        SignalFrame frame = SignalFrame.builder(accounts, asOf)
                .column(SignalName.USAGE_LOGINS_30D, logins)
                .column(SignalName.SENTIMENT_NPS, nps)
                .build();
        double[] values = new double[accounts];
        byte[] bands = new byte[accounts];
        BatchReport report = BatchScorer.of(model).parallel().scoreInto(frame, values, bands);
        report.failures();

        String[] summary = why.score().summary().split(" ");   // "48.52 red"
        assertTrue(why.reason().startsWith(summary[1] + " " + summary[0] + ":"), why.reason());
        assertEquals(accounts, report.rows());
        List<SignalName> columns = List.of(SignalName.USAGE_LOGINS_30D, SignalName.SENTIMENT_NPS);
        for (int row = 0; row < accounts; row++) {
            HealthScore one = model.score(frame.snapshot(row, columns), asOf);
            assertEquals(one.isScored() ? one.value().getAsDouble() : Double.NaN, values[row], 0.0, "row " + row);
        }
    }

    @Test
    void theMetricsSnippetGivesTheBridgeRetentionChurnAndNps() {
        List<dev.kizuna.core.event.SubscriptionEvent> events = portfolio.subscriptionEvents();
        List<SurveyResponse> npsAnswers = portfolio.surveys().stream()
                .filter(s -> s.kind() == SurveyResponse.Kind.NPS).collect(Collectors.toList());

        MrrLedger ledger = MrrLedger.build(events);
        List<PeriodSummary> months = ledger.summaries(ReportingPeriod.MONTH,
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        months.get(5).newMrr();
        RevenueRetention year = RevenueRetention.trailingTwelveMonths(ledger, LocalDate.of(2026, 1, 1));
        year.grr();
        LogoChurn.of(ledger, DateRange.trailing(LocalDate.of(2026, 1, 1), 30),
                LogoChurnConvention.ALL_LOST_OVER_START).rate();
        Nps.of(npsAnswers).marginOfError();

        PeriodSummary june = months.get(5);
        assertEquals(LocalDate.of(2025, 6, 1), june.period().start(), "months.get(5) is June");
        assertEquals(june.total(MovementType.NEW), june.newMrr());
        assertEquals(0, june.startMrr().amount().add(june.newMrr().amount()).add(june.expansionMrr().amount())
                .add(june.reactivationMrr().amount()).subtract(june.contractionMrr().amount())
                .subtract(june.churnedMrr().amount()).compareTo(june.endMrr().amount()), "the bridge adds up");
        assertTrue(year.grr().isPresent() && year.grr().get().doubleValue() <= 1.0);
        assertTrue(Nps.of(npsAnswers).marginOfError().isPresent());
    }

    @Test
    void theResearchersSnippetBacktestsAndComparesModels() {
        HealthModel scorecard = DemoScorecard.model();
        HealthModels models = HealthModels.load();
        HealthModel myModel = models.create(models.read("{\"type\": \"logistic\", \"id\": \"mine\", \"version\": \"1\","
                + " \"intercept\": -2.5, \"missingInputs\": \"REFERENCE\", \"terms\": [{\"term\": \"licences\","
                + " \"signal\": \"engagement.licence_utilisation\", \"coefficient\": -2.0}]}",
                dev.kizuna.health.definition.DefinitionFormat.JSON));
        List<SignalSnapshot> history = portfolio.signals();
        List<dev.kizuna.core.event.SubscriptionEvent> subscriptionEvents = portfolio.subscriptionEvents();

        List<Outcome> outcomes = Outcome.churnsOf(subscriptionEvents);

        Backtest backtest = Backtest.builder(Period.ofMonths(3)).observedUntil(LocalDate.of(2026, 1, 1)).build();
        BacktestReport mine = backtest.run(myModel, history, outcomes);
        ModelComparison duel = backtest.compare(List.of(scorecard, myModel), history, outcomes);
        duel.pairs().get(0).deLong();

        assertTrue(mine.rocAuc().value() > 0.5, "licence use alone predicts some churn: " + mine.rocAuc());
        assertEquals(2, duel.reports().size());
        assertFalse(duel.pairs().isEmpty());
    }

    private static double[] column(List<SignalSnapshot> snapshots, SignalName name) {
        double[] out = new double[snapshots.size()];
        Arrays.fill(out, Double.NaN);
        for (int i = 0; i < out.length; i++) {
            out[i] = snapshots.get(i).value(name).orElse(Double.NaN);
        }
        return out;
    }
}
