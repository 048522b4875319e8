package dev.kizuna.examples.cli;

// README: in-your-code-embedding BEGIN
import dev.kizuna.core.AccountId;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.Explanation;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.batch.BatchReport;
import dev.kizuna.health.batch.BatchScorer;
import dev.kizuna.health.batch.SignalFrame;

import java.nio.file.Path;
import java.time.Instant;
// README: in-your-code-embedding END
// README: in-your-code-metrics BEGIN
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.core.event.SurveyResponse;
import dev.kizuna.sample.DemoPortfolio;
import dev.kizuna.core.Portfolio;
import dev.kizuna.metrics.DateRange;
import dev.kizuna.metrics.ReportingPeriod;
import dev.kizuna.metrics.retention.LogoChurn;
import dev.kizuna.metrics.retention.LogoChurnConvention;
import dev.kizuna.metrics.retention.RevenueRetention;
import dev.kizuna.metrics.revenue.MrrLedger;
import dev.kizuna.metrics.revenue.PeriodSummary;
import dev.kizuna.metrics.voc.Nps;

import java.time.LocalDate;
import java.util.List;
// README: in-your-code-metrics END
import dev.kizuna.metrics.revenue.MovementType;
import dev.kizuna.health.BandLever;
import dev.kizuna.health.HealthScore;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main README's "In your code" snippets for embedders and internal tools teams, run as written (the researchers'
 * snippets are in the stumps-model example, which has the compatibility kit). The scorecard is
 * {@code examples/scorecard.yaml}, cs-health's README example, in the directory the tests run in.
 */
class FrontDoorSnippetsTest {

    @Test
    void theEmbeddersSnippetScoresOneAccountAndTheWholeBase() {
        // README: in-your-code-embedding BEGIN
        // Once, at startup. A scorecard is data (YAML or JSON), never code: this one is cs-health's README example
        // (examples/scorecard.yaml). The model is immutable and thread-safe: share it.
        HealthModel model = HealthModels.load().create(Path.of("scorecard.yaml"));

        // Per request: one account's signals, explained.
        Instant asOf = Instant.parse("2026-01-01T00:00:00Z");
        SignalSnapshot snapshot = SignalSnapshot.builder(AccountId.of("acme"), asOf)
                .put(SignalName.ENGAGEMENT_LICENCE_UTILISATION, 0.45)
                .put(SignalName.ENGAGEMENT_DAU_MAU, 0.2)
                .put(SignalName.SENTIMENT_NPS, -30)
                .put(SignalName.SUPPORT_OPEN_TICKETS, 3)
                .put(SignalName.SUPPORT_ESCALATED_TICKETS, 0)
                .build();
        Explanation why = model.explain(snapshot, asOf);
        why.score().summary(); // "39.23 red"
        why.reason();          // "red 39.23: pulled down by open tickets (-2.96), DAU/MAU (-2.19); lifted by ..."
        why.levers();          // for each input, the change that reaches the next band, the others held fixed

        // Nightly: the whole base, one primitive column per signal (NaN = no value), nothing allocated per account.
        int accounts = 3;
        SignalFrame frame = SignalFrame.builder(accounts, asOf)
                .column(SignalName.ENGAGEMENT_LICENCE_UTILISATION, new double[] {0.45, 0.9, Double.NaN})
                .column(SignalName.ENGAGEMENT_DAU_MAU, new double[] {0.2, 0.45, Double.NaN})
                .column(SignalName.SENTIMENT_NPS, new double[] {-30, 60, 10})
                .column(SignalName.SUPPORT_OPEN_TICKETS, new double[] {3, 0, Double.NaN})
                .column(SignalName.SUPPORT_ESCALATED_TICKETS, new double[] {0, 0, Double.NaN})
                .build();
        double[] values = new double[accounts];
        byte[] bands = new byte[accounts];
        BatchReport report = BatchScorer.of(model).parallel().scoreInto(frame, values, bands);
        // values {39.23, 90.38, NaN}, bands {0, 2, BatchScorer.INSUFFICIENT_DATA}: red, green, and a third account
        // with only its NPS, too little data to score (below the scorecard's minimumCompleteness)
        report.insufficient(); // 1
        report.failures();     // the rows that could not be scored, each with its reason; every other row is scored
        // README: in-your-code-embedding END

        assertEquals("39.23 red", why.score().summary());
        assertEquals("red 39.23: pulled down by open tickets (-2.96), DAU/MAU (-2.19); lifted by escalations (+4.67),"
                + " licence use (+1.78)", why.reason());
        BandLever licences = why.levers().get(0);
        assertEquals(SignalName.ENGAGEMENT_LICENCE_UTILISATION, licences.signal());
        assertEquals("yellow", licences.band().name());
        assertEquals(0.725, licences.target().orElseThrow().value(), 1e-9, "licence use of 72.5% reaches yellow");

        assertArrayEquals(new double[] {39.23, 90.38, Double.NaN}, values);
        assertArrayEquals(new byte[] {0, 2, BatchScorer.INSUFFICIENT_DATA}, bands);
        assertEquals(3, report.rows());
        assertEquals(2, report.scored());
        assertEquals(1, report.insufficient());
        assertTrue(report.failures().isEmpty());
        for (int row = 0; row < accounts; row++) {
            HealthScore one = model.score(frame.snapshot(row), asOf);
            assertEquals(one.isScored() ? one.value().getAsDouble() : Double.NaN, values[row], 0.0, "row " + row);
        }
        assertEquals(why.score().value().getAsDouble(), values[0], 0.0, "the batch's first row is the snapshot explained");
    }

    @Test
    void theMetricsSnippetGivesTheBridgeRetentionChurnAndNps() {
        // README: in-your-code-metrics BEGIN
        // The demo's synthetic events and answers; yours come from your billing system and your surveys.
        Portfolio demo = DemoPortfolio.builder().accounts(300).build();
        List<SubscriptionEvent> events = demo.subscriptionEvents();
        List<SurveyResponse> npsAnswers = demo.surveys().stream()
                .filter(s -> s.kind() == SurveyResponse.Kind.NPS).toList();

        MrrLedger ledger = MrrLedger.build(events);   // subscription events, in any order; exact money
        List<PeriodSummary> months = ledger.summaries(ReportingPeriod.MONTH,
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        months.get(5).newMrr();                       // June's new business; start + movements = end, exactly

        RevenueRetention year = RevenueRetention.trailingTwelveMonths(ledger, LocalDate.of(2026, 1, 1));
        year.grr();                                   // Optional<Ratio>: empty, never NaN, when nobody paid at the start
        LogoChurn.of(ledger, DateRange.trailing(LocalDate.of(2026, 1, 1), 30),
                LogoChurnConvention.ALL_LOST_OVER_START).rate();  // Baremetrics' user churn
        Nps.of(npsAnswers).marginOfError();           // NPS with its 95% margin
        // README: in-your-code-metrics END

        PeriodSummary june = months.get(5);
        assertEquals(LocalDate.of(2025, 6, 1), june.period().start(), "months.get(5) is June");
        assertEquals(june.total(MovementType.NEW), june.newMrr());
        assertEquals(0, june.startMrr().amount().add(june.newMrr().amount()).add(june.expansionMrr().amount())
                .add(june.reactivationMrr().amount()).subtract(june.contractionMrr().amount())
                .subtract(june.churnedMrr().amount()).compareTo(june.endMrr().amount()), "the bridge adds up");
        assertTrue(year.grr().isPresent() && year.grr().get().doubleValue() <= 1.0);
        assertTrue(Nps.of(npsAnswers).marginOfError().isPresent());
        assertTrue(LogoChurn.of(ledger, DateRange.trailing(LocalDate.of(2026, 1, 1), 30),
                LogoChurnConvention.ALL_LOST_OVER_START).rate().isPresent());
    }
}
