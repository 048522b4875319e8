package dev.kizuna.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kizuna.core.Portfolio;
import dev.kizuna.core.event.SurveyResponse;
import dev.kizuna.core.event.UsageRecord;
import dev.kizuna.sample.DemoPortfolio;
import dev.kizuna.core.Portfolio;
import dev.kizuna.examples.cli.demo.DemoCommand;
import dev.kizuna.metrics.DateRange;
import dev.kizuna.metrics.Ratio;
import dev.kizuna.metrics.ReportingPeriod;
import dev.kizuna.metrics.retention.LogoChurn;
import dev.kizuna.metrics.retention.MrrChurn;
import dev.kizuna.metrics.retention.QuickRatio;
import dev.kizuna.metrics.retention.RevenueRetention;
import dev.kizuna.metrics.revenue.ChurnRecognition;
import dev.kizuna.metrics.revenue.LedgerOptions;
import dev.kizuna.metrics.revenue.MrrLedger;
import dev.kizuna.metrics.revenue.PeriodSummary;
import dev.kizuna.metrics.revenue.ReactivationWindow;
import dev.kizuna.metrics.voc.Ces;
import dev.kizuna.metrics.voc.Csat;
import dev.kizuna.metrics.voc.Nps;
import dev.kizuna.sample.DemoPortfolio;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kizuna metrics} prints exactly what the library computes, from the files {@code kizuna demo --out} writes. */
class MetricsCommandTest {
    private static final Portfolio DEMO = DemoPortfolio.builder().accounts(400).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeDemoFiles() throws Exception {
        DemoCommand.writeJson(DEMO, dir);
    }

    /** The result of one run: exit code, standard output and standard error. */
    private record Run(int code, String out, String err) {
    }

    private static Run execute(String... args) {
        CommandLine cli = KizunaCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static String run(String... args) {
        Run r = execute(args);
        assertEquals(0, r.code(), r.err() + r.out());
        return r.out();
    }

    private static String file(String name) {
        return dir.resolve(name).toString();
    }

    private static void assertDecimal(BigDecimal expected, JsonNode actual, String what) {
        assertTrue(actual.isNumber(), what + " is " + actual);
        assertEquals(0, expected.compareTo(actual.decimalValue()), what + ": " + expected + " vs " + actual);
    }

    private static void assertRatio(Optional<Ratio> expected, JsonNode actual, String what) {
        if (expected.isEmpty()) {
            assertTrue(actual.isNull(), what + " should be null, is " + actual);
        } else {
            assertDecimal(expected.get().value(), actual, what);
        }
    }

    @Test
    void jsonFiguresEqualTheLibrarysOnTheDemoFiles() throws Exception {
        JsonNode root = JSON.readTree(run("metrics", "--events", file("subscription-events.json"), "--surveys",
                file("surveys.json"), "--usage", file("usage.json"), "--from", "2025-01", "--to", "2025-12",
                "--format", "json"));
        MrrLedger ledger = MrrLedger.build(DEMO.subscriptionEvents());
        List<PeriodSummary> months = ledger.summaries(ReportingPeriod.MONTH, LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31));
        assertEquals("USD", root.get("currency").asText());
        assertEquals(12, root.get("months").size());
        for (int i = 0; i < 12; i++) {
            PeriodSummary s = months.get(i);
            JsonNode m = root.get("months").get(i);
            String when = s.period().start().toString().substring(0, 7);
            assertEquals(when, m.get("month").asText());
            assertDecimal(s.startMrr().amount(), m.get("startMrr"), when + " start");
            assertDecimal(s.newMrr().amount(), m.get("newMrr"), when + " new");
            assertDecimal(s.expansionMrr().amount(), m.get("expansionMrr"), when + " expansion");
            assertDecimal(s.reactivationMrr().amount(), m.get("reactivationMrr"), when + " reactivation");
            assertDecimal(s.contractionMrr().amount(), m.get("contractionMrr"), when + " contraction");
            assertDecimal(s.churnedMrr().amount(), m.get("churnedMrr"), when + " churn");
            assertDecimal(s.endMrr().amount(), m.get("endMrr"), when + " end");
            assertEquals(s.endCustomers(), m.get("endCustomers").asLong());
            assertEquals(s.churnCount(), m.get("churnCount").asLong());
            assertRatio(LogoChurn.of(ledger, s.period()).rate(), m.get("logoChurnRate"), when + " logo churn");
            assertRatio(MrrChurn.gross(s), m.get("grossMrrChurn"), when + " gross MRR churn");
            assertRatio(MrrChurn.net(s), m.get("netMrrChurn"), when + " net MRR churn");
            RevenueRetention retention = RevenueRetention.of(ledger, s.period());
            assertRatio(retention.grr(), m.get("grr"), when + " GRR");
            assertRatio(retention.nrr(), m.get("nrr"), when + " NRR");
            assertRatio(QuickRatio.of(s), m.get("quickRatio"), when + " quick ratio");
        }
        RevenueRetention year = RevenueRetention.trailingTwelveMonths(ledger, LocalDate.of(2026, 1, 1));
        assertRatio(year.grr(), root.get("trailing12Months").get("grr"), "T12M GRR");
        assertRatio(year.nrr(), root.get("trailing12Months").get("nrr"), "T12M NRR");

        DateRange span = DateRange.of(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1));
        List<SurveyResponse> answered = DEMO.surveys().stream()
                .filter(s -> span.contains(LocalDate.ofInstant(s.answeredAt(), ZoneOffset.UTC))).toList();
        Nps nps = Nps.of(answered.stream().filter(s -> s.kind() == SurveyResponse.Kind.NPS).toList());
        JsonNode voc = root.get("voc");
        assertTrue(nps.responses() > 20, "the demo has NPS answers in 2025");
        assertEquals(nps.responses(), voc.get("nps").get("responses").asLong());
        assertDecimal(nps.score().orElseThrow(), voc.get("nps").get("score"), "NPS");
        assertEquals(nps.marginOfError().orElseThrow(), voc.get("nps").get("marginOfError95").asDouble(), 1e-12);
        Csat csat = Csat.of(answered.stream().filter(s -> s.kind() == SurveyResponse.Kind.CSAT).toList());
        assertRatio(csat.score(), voc.get("csat").get("score"), "CSAT");
        Ces ces = Ces.of(answered.stream().filter(s -> s.kind() == SurveyResponse.Kind.CES).toList());
        assertDecimal(ces.mean().orElseThrow(), voc.get("ces").get("mean"), "CES mean");
        assertRatio(ces.agreeShare(), voc.get("ces").get("agreeShare"), "CES agree");

        long decemberUsers = DEMO.usage().stream().filter(u -> u.date().equals(LocalDate.of(2025, 12, 1)))
                .mapToLong(UsageRecord::activeUsers).sum();
        assertEquals(decemberUsers, root.get("usage").get(11).get("activeUsers").asLong());
    }

    @Test
    void churnRecognitionAndReactivationWindowChangeTheFigures() throws Exception {
        JsonNode root = JSON.readTree(run("metrics", "--events", file("subscription-events.json"),
                "--churn-recognition", "cancellation-request", "--reactivation-window", "30", "--from", "2024-01",
                "--to", "2025-12", "--format", "JSON"));
        LedgerOptions options = LedgerOptions.defaults().withChurnRecognition(ChurnRecognition.CANCELLATION_REQUEST)
                .withReactivationWindow(ReactivationWindow.ofDays(30));
        List<PeriodSummary> months = MrrLedger.build(DEMO.subscriptionEvents(), options)
                .summaries(ReportingPeriod.MONTH, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31));
        assertEquals("CANCELLATION_REQUEST", root.get("options").get("churnRecognition").asText());
        assertEquals(30, root.get("options").get("reactivationWindowDays").asLong());
        assertEquals(24, root.get("months").size());
        for (int i = 0; i < 24; i++) {
            assertDecimal(months.get(i).churnedMrr().amount(), root.get("months").get(i).get("churnedMrr"), "churn " + i);
            assertEquals(months.get(i).newCount(), root.get("months").get(i).get("newCount").asLong());
        }
        assertTrue(root.get("voc") == null && root.get("usage") == null, "no surveys or usage given, none shown");
    }

    @Test
    void tableShowsTheBridgeRetentionAndVoiceOfTheCustomer() {
        String out = run("metrics", "--events", file("subscription-events.json"), "--surveys", file("surveys.json"),
                "--usage", file("usage.json"));
        assertTrue(out.startsWith("Revenue bridge (MRR in USD; churn recognised at service end; reactivation window"
                + " unlimited)"), out);
        assertTrue(out.contains("2025-01") && out.contains("2025-12") && !out.contains("2024-12 "),
                "the default is the last 12 months with movements: " + out);
        assertTrue(out.contains("Trailing 12 months to 2025-12-31: GRR "), out);
        assertTrue(out.contains("NPS   ") && out.contains("CSAT  ") && out.contains("CES   mean"), out);
        assertTrue(out.contains("Usage (monthly usage records"), out);
    }

    @Test
    void csvEventsGiveTheFiguresWorkedOutByHand(@TempDir Path tmp) throws Exception {
        // a: 2 seats at 100 from 10 Jan (new 200), 3 seats from 5 Feb (expansion 100).
        // b: 1,200 a year from 20 Jan (new 100); asks on 15 Feb to cancel, service ends 15 Mar (churn 100 in March,
        //    or in February at the request).
        Path csv = tmp.resolve("events.csv");
        Files.writeString(csv, """
                account,subscription,kind,effective_date,recorded_on,plan,unit_price,currency,quantity,interval,discount_percent,discount_amount,trial
                a,s1,START,2025-01-10,,pro,100,USD,2,MONTHLY,,,
                a,s1,CHANGE,2025-02-05,,pro,100,USD,3,MONTHLY,,,
                b,s1,START,2025-01-20,,pro,1200,USD,1,ANNUAL,,,
                b,s1,CANCEL,2025-03-15,2025-02-15,,,,,,,,
                """);
        JsonNode atEnd = JSON.readTree(run("metrics", "--events", csv.toString(), "--format", "json"));
        assertEquals("2025-01", atEnd.get("from").asText());
        assertEquals("2025-03", atEnd.get("to").asText());
        assertDecimal(new BigDecimal("300"), atEnd.get("months").get(0).get("newMrr"), "January new");
        assertDecimal(new BigDecimal("100"), atEnd.get("months").get(1).get("expansionMrr"), "February expansion");
        assertDecimal(new BigDecimal("100"), atEnd.get("months").get(2).get("churnedMrr"), "March churn");
        assertDecimal(new BigDecimal("300"), atEnd.get("months").get(2).get("endMrr"), "March end");
        assertDecimal(new BigDecimal("0.5"), atEnd.get("months").get(2).get("logoChurnRate"), "March logo churn");
        JsonNode atRequest = JSON.readTree(run("metrics", "--events", csv.toString(), "--format", "json",
                "--churn-recognition", "cancellation-request"));
        assertDecimal(new BigDecimal("100"), atRequest.get("months").get(1).get("churnedMrr"), "February churn");
        assertEquals(0, atRequest.get("excludedEvents").asLong(), "no change falls after the request here");
    }

    @Test
    void badInputIsReportedWithoutAStackTrace(@TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("events.csv");
        Files.writeString(csv, """
                account,subscription,kind,effective_date,recorded_on,plan,unit_price,currency,quantity,interval,discount_percent,discount_amount,trial
                a,s1,CHANGE,2025-02-05,,pro,100,USD,3,MONTHLY,,,
                """);
        Run unknown = execute("metrics", "--events", csv.toString());
        assertEquals(1, unknown.code());
        assertEquals("kizuna: " + csv + ":2: CHANGE of subscription 's1' of account 'a' effective 2025-02-05"
                + " is for an unknown subscription: it has no START event", unknown.err().strip(),
                "the library's position in the list (events[0]) is the file's line");
        Run missing = execute("metrics");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("Missing required option: '--events=FILE'"), missing.err());
        Run backwards = execute("metrics", "--events", file("subscription-events.json"), "--from", "2025-06", "--to",
                "2025-01");
        assertEquals(2, backwards.code());
        assertTrue(backwards.err().contains("--from: 2025-06 is after --to 2025-01"), backwards.err());
        Run badOption = execute("metrics", "--events", file("subscription-events.json"), "--churn-recognition",
                "never");
        assertEquals(2, badOption.code());
        assertTrue(badOption.err().contains("'never' is not one of service-end, cancellation-request"), badOption.err());
    }

    @Test
    void demoPrintsAMetricsSection() {
        String out = run("demo", "-q", "--accounts", "300", "--report", dir.resolve("metrics-demo.html").toString());
        assertTrue(out.contains("Metrics (churn at service end"), out);
        assertTrue(out.contains("MRR on 2025-12-31: "), out);
        assertTrue(out.contains("Trailing 12 months: GRR "), out);
        assertTrue(out.contains("MRR bridge of the last 12 months (USD)"), out);
        assertTrue(out.contains("Voice of the customer, 2025-01-01 to 2025-12-31"), out);
    }
}
