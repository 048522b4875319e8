package dev.kizuna.examples.cli;

import dev.kizuna.core.Portfolio;
import dev.kizuna.core.plan.CsRole;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.examples.cli.demo.ClvDemo;
import dev.kizuna.examples.cli.demo.DemoCommand;
import dev.kizuna.examples.cli.demo.DemoScorecard;
import dev.kizuna.examples.cli.input.PortfolioFiles;
import dev.kizuna.examples.cli.report.ReportHtml;
import dev.kizuna.health.HealthBand;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthScore;
import dev.kizuna.health.backtest.Backtest;
import dev.kizuna.health.backtest.BacktestReport;
import dev.kizuna.health.backtest.BandOutcome;
import dev.kizuna.health.backtest.RocPoint;
import dev.kizuna.health.outcome.Outcome;
import dev.kizuna.health.rollup.BandDistribution;
import dev.kizuna.metrics.ReportingPeriod;
import dev.kizuna.metrics.clv.BgNbdModel;
import dev.kizuna.metrics.clv.ClvHorizon;
import dev.kizuna.metrics.clv.CustomerLifetimeValue;
import dev.kizuna.metrics.clv.GammaGammaModel;
import dev.kizuna.metrics.clv.RfmSummary;
import dev.kizuna.metrics.clv.RfmTimeUnit;
import dev.kizuna.metrics.cohort.CohortCell;
import dev.kizuna.metrics.cohort.CohortMatrix;
import dev.kizuna.metrics.cohort.CohortRow;
import dev.kizuna.metrics.cohort.KaplanMeier;
import dev.kizuna.metrics.revenue.MrrLedger;
import dev.kizuna.metrics.revenue.PeriodSummary;
import dev.kizuna.playbooks.ActionKind;
import dev.kizuna.playbooks.engine.PlaybookEngine;
import dev.kizuna.playbooks.engine.PortfolioContexts;
import dev.kizuna.playbooks.evaluation.Evaluation;
import dev.kizuna.playbooks.evaluation.RecommendedAction;
import dev.kizuna.playbooks.starter.StarterPlaybooks;
import dev.kizuna.sample.DemoPortfolio;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kizuna report} on a small demo portfolio: every figure in the page's tables equals what the library's API
 * gives when called directly here, and the page references nothing outside itself.
 */
class ReportCommandTest {
    private static final int ACCOUNTS = 400;
    private static final Pattern CELL = Pattern.compile("data-k=\"([^\"]*)\" data-v=\"([^\"]*)\"");

    @TempDir
    static Path dir;
    private static String html;
    private static Map<String, String> figures;
    private static Portfolio portfolio;

    @BeforeAll
    static void writeTheReport() throws Exception {
        Path file = dir.resolve("report.html");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = KizunaCommand.newCommandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("report", "--accounts", Integer.toString(ACCOUNTS), "--out", file.toString());
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().startsWith("Wrote " + file.toAbsolutePath()), out.toString());
        html = Files.readString(file);
        figures = new HashMap<>();
        Matcher m = CELL.matcher(html);
        while (m.find()) {
            String previous = figures.put(unescape(m.group(1)), unescape(m.group(2)));
            assertEquals(null, previous, "the key " + m.group(1) + " appears twice");
        }
        portfolio = DemoPortfolio.builder().accounts(ACCOUNTS).build();
    }

    private static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String figure(String key) {
        String v = figures.get(key);
        assertTrue(v != null, "no figure " + key);
        return v;
    }

    private static double number(String key) {
        return Double.parseDouble(figure(key));
    }

    @Test
    void theBridgeIsTheLedgersMonthlySummaries() {
        MrrLedger ledger = MrrLedger.build(portfolio.subscriptionEvents());
        YearMonth last = YearMonth.from(portfolio.asOf().minusDays(1));
        List<PeriodSummary> months = ledger.summaries(ReportingPeriod.MONTH, last.minusMonths(11).atDay(1),
                last.atEndOfMonth());
        assertEquals(12, months.size());
        for (PeriodSummary s : months) {
            String m = "bridge/" + YearMonth.from(s.period().start()) + "/";
            assertEquals(s.startMrr().amount(), new java.math.BigDecimal(figure(m + "start")));
            assertEquals(s.newMrr().amount(), new java.math.BigDecimal(figure(m + "new")));
            assertEquals(s.expansionMrr().amount(), new java.math.BigDecimal(figure(m + "expansion")));
            assertEquals(s.reactivationMrr().amount(), new java.math.BigDecimal(figure(m + "reactivation")));
            assertEquals(s.contractionMrr().amount(), new java.math.BigDecimal(figure(m + "contraction")));
            assertEquals(s.churnedMrr().amount(), new java.math.BigDecimal(figure(m + "churn")));
            assertEquals(s.endMrr().amount(), new java.math.BigDecimal(figure(m + "end")));
        }
    }

    @Test
    void theCohortsAreTheLibrarysMatrix() {
        MrrLedger ledger = MrrLedger.build(portfolio.subscriptionEvents());
        YearMonth last = YearMonth.from(portfolio.asOf().minusDays(1));
        CohortMatrix matrix = CohortMatrix.of(ledger, ReportingPeriod.MONTH, last.minusMonths(23).atDay(1),
                last.atEndOfMonth());
        assertEquals(24, matrix.rows().size());
        int cells = 0;
        for (CohortRow row : matrix.rows()) {
            String m = YearMonth.from(row.startPeriod().start()).toString();
            assertEquals(row.customers(), Long.parseLong(figure("cohort/logo/" + m + "/customers")));
            for (CohortCell c : row.cells()) {
                assertEquals(c.logoRetention().map(r -> r.value().toPlainString()).orElse(""),
                        figure("cohort/logo/" + m + "/" + c.age()));
                assertEquals(c.netMrrRetention().map(r -> r.value().toPlainString()).orElse(""),
                        figure("cohort/revenue/" + m + "/" + c.age()));
                cells++;
            }
        }
        assertEquals(24 * 25 / 2, cells, "a triangle of 24 cohorts");
    }

    @Test
    void theSurvivalFiguresAreTheKaplanMeierCurves() {
        MrrLedger ledger = MrrLedger.build(portfolio.subscriptionEvents());
        KaplanMeier km = KaplanMeier.fit(KaplanMeier.customerLifetimes(ledger, portfolio.asOf().minusDays(1)));
        assertEquals(km.subjects(), Long.parseLong(figure("survival/subjects")));
        assertEquals(km.events(), Long.parseLong(figure("survival/events")));
        assertEquals(km.censored(), Long.parseLong(figure("survival/censored")));
        assertEquals(km.median().isPresent() ? Double.toString(km.median().getAsDouble()) : "",
                figure("survival/median"));
        for (int d : ReportHtml.SURVIVAL_DAYS) {
            assertEquals(km.survivalAt(d), number("survival/at/" + d));
        }
        assertTrue(number("survival/at/365") < 1.0, "some customers churn within a year");
    }

    @Test
    void theHealthDistributionAndMigrationAreTheScorecardsScores() {
        HealthModel model = DemoScorecard.model();
        Instant latest = portfolio.signals().stream().map(SignalSnapshot::at).max(Comparator.naturalOrder())
                .orElseThrow();
        List<HealthScore> scores = new ArrayList<>();
        for (SignalSnapshot s : portfolio.signals()) {
            if (s.at().equals(latest)) {
                scores.add(model.score(s, latest));
            }
        }
        BandDistribution d = BandDistribution.of(scores, model.bands());
        d.counts().forEach((band, n) -> assertEquals(n, Integer.parseInt(figure("health/band/" + band)), band));
        assertEquals(d.insufficient(), Integer.parseInt(figure("health/band/insufficient data")));
        int[] bins = new int[10];
        for (HealthScore s : scores) {
            if (s.isScored()) {
                double v = s.value().getAsDouble();
                bins[v >= 100 ? 9 : (int) (v / 10)]++;
            }
        }
        for (int b = 0; b < 10; b++) {
            assertEquals(bins[b], Integer.parseInt(figure("health/bin/" + b)), "bin " + b);
        }

        // Migration: three months before the latest snapshot instant, each account's band then and at the latest.
        Instant from = latest.atOffset(ZoneOffset.UTC).minusMonths(3).toInstant();
        Map<String, String> before = new HashMap<>();
        Map<String, String> after = new HashMap<>();
        for (SignalSnapshot s : portfolio.signals()) {
            if (s.at().equals(from)) {
                before.put(s.account().value(), bandOf(model.score(s, s.at())));
            } else if (s.at().equals(latest)) {
                after.put(s.account().value(), bandOf(model.score(s, s.at())));
            }
        }
        assertFalse(before.isEmpty(), "the demo has monthly snapshots");
        Map<String, Integer> expected = new HashMap<>();
        before.forEach((a, band) -> expected.merge(band + "/" + after.getOrDefault(a, "no snapshot"), 1,
                Integer::sum));
        List<String> bands = new ArrayList<>(model.bands().bands().stream().map(HealthBand::name).toList());
        bands.add("insufficient data");
        List<String> columns = new ArrayList<>(bands);
        columns.add("no snapshot");
        int total = 0;
        for (String f : bands) {
            for (String t : columns) {
                int n = Integer.parseInt(figure("migration/" + f + "/" + t));
                assertEquals(expected.getOrDefault(f + "/" + t, 0), n, f + " -> " + t);
                total += n;
            }
        }
        assertEquals(before.size(), total);
    }

    private static String bandOf(HealthScore s) {
        return s.band().map(HealthBand::name).orElse("insufficient data");
    }

    @Test
    void theBacktestFiguresAreTheBacktestsReportAndCurve() {
        HealthModel model = DemoScorecard.model();
        List<Outcome> churn = Outcome.churnsOf(portfolio.subscriptionEvents());
        Backtest backtest = Backtest.builder(Period.ofMonths(3)).observedUntil(portfolio.asOf()).build();
        BacktestReport r = backtest.run(model, portfolio.signals(), churn);
        assertEquals(r.rocAuc().value(), number("backtest/auc"));
        for (BandOutcome b : r.bands()) {
            if (b.observations() > 0) {
                String k = "backtest/band/" + b.band() + "/";
                assertEquals(b.observations(), Integer.parseInt(figure(k + "observations")));
                assertEquals(b.events(), Integer.parseInt(figure(k + "events")));
                assertEquals(b.eventRate(), number(k + "rate"));
            }
        }
        List<RocPoint> curve = backtest.rocCurve(model, portfolio.signals(), churn);
        for (int cut : ReportHtml.ROC_CUTS) {
            // The point flagging every snapshot with health at or below the cut: the last threshold >= -cut.
            RocPoint at = null;
            for (RocPoint p : curve) {
                if (p.threshold() >= -cut) {
                    at = p;
                }
            }
            assertTrue(at != null);
            assertEquals(at.falsePositiveRate(), number("roc/" + cut + "/fpr"), "cut " + cut);
            assertEquals(at.truePositiveRate(), number("roc/" + cut + "/tpr"), "cut " + cut);
        }
    }

    @Test
    void theClvHistogramCountsTheModelsPredictions() {
        LocalDate holdoutEnd = portfolio.asOf().minusDays(1);
        RfmSummary s = RfmSummary.fromPurchases(new ClvDemo(portfolio).purchases(), holdoutEnd.minusMonths(6),
                holdoutEnd, RfmTimeUnit.WEEKS);
        BgNbdModel bg = BgNbdModel.fit(s);
        GammaGammaModel gg = GammaGammaModel.fit(s, GammaGammaModel.Ineligible.EXCLUDE);
        double[] clv = CustomerLifetimeValue.of(bg, gg, ClvHorizon.months(12, RfmTimeUnit.WEEKS, 0.01), s);
        assertEquals(clv.length, Integer.parseInt(figure("clv/customers")));
        double total = 0;
        for (double v : clv) {
            total += v;
        }
        assertEquals(total, number("clv/total"), 1e-6 * Math.abs(total));
        int counted = 0;
        for (int b = 0; figures.containsKey("clv/bin/" + b + "/count"); b++) {
            double lower = number("clv/bin/" + b + "/lower");
            double upper = number("clv/bin/" + b + "/upper");
            int n = 0;
            for (double v : clv) {
                n += v >= lower && v < upper ? 1 : 0;
            }
            assertEquals(n, Integer.parseInt(figure("clv/bin/" + b + "/count")), "bin " + b);
            counted += n;
        }
        assertEquals(clv.length, counted, "the bins cover every customer");
    }

    @Test
    void thePlaysTableCountsTheStarterPlaybooksActions() {
        HealthModel health = DemoScorecard.model();
        var contexts = PortfolioContexts.builder(portfolio).health(s -> health.score(s, s.at())).build();
        List<Evaluation> evaluations = PlaybookEngine.builder(StarterPlaybooks.ruleSet()).trace(false).build()
                .dryRunAll(contexts);
        Map<String, Integer> expected = new HashMap<>();
        int all = 0;
        for (Evaluation e : evaluations) {
            for (RecommendedAction a : e.actions()) {
                expected.merge(a.action().owner() + "/" + a.action().kind(), 1, Integer::sum);
                all++;
            }
        }
        assertTrue(all > 0, "the starter playbooks fire on the demo");
        int shown = 0;
        for (CsRole owner : CsRole.values()) {
            for (ActionKind kind : ActionKind.values()) {
                Optional<String> v = Optional.ofNullable(figures.get("plays/" + owner + "/" + kind));
                int n = v.map(Integer::parseInt).orElse(0);
                assertEquals(expected.getOrDefault(owner + "/" + kind, 0), n, owner + " " + kind);
                shown += n;
            }
        }
        assertEquals(all, shown);
    }

    @Test
    void thePageReferencesNothingOutsideItself() {
        assertTrue(html.length() < 3_000_000, "under 3 MB: " + html.length());
        assertTrue(html.contains("<img id=\"chart-waterfall\""), "the charts are there");
        assertEquals(11, countOf(html, "src=\"data:image/png;base64,"), "eleven inline charts");
        // No URL but XML namespace declarations.
        Matcher url = Pattern.compile("(?i)https?://").matcher(html);
        while (url.find()) {
            String before = html.substring(Math.max(0, url.start() - 20), url.start());
            assertTrue(before.matches("(?s).*xmlns(:\\w+)?=\"$"), "a URL that is not a namespace: "
                    + html.substring(Math.max(0, url.start() - 20), Math.min(html.length(), url.end() + 40)));
        }
        Matcher ref = Pattern.compile("(?i)\\b(src|href)\\s*=\\s*[\"']?([^\"' >]*)").matcher(html);
        while (ref.find()) {
            String target = ref.group(2);
            assertTrue(target.startsWith("data:") || target.startsWith("#"), "an external reference: " + ref.group());
        }
        Matcher css = Pattern.compile("(?i)url\\(\\s*[\"']?([^\"')]*)").matcher(html);
        while (css.find()) {
            assertTrue(css.group(1).startsWith("data:"), "a CSS url() to outside: " + css.group());
        }
        String lower = html.toLowerCase(java.util.Locale.ROOT);
        assertFalse(lower.contains("@import"), "no @import");
        assertFalse(lower.contains("<script"), "no script");
        assertFalse(lower.contains("<link"), "no link");
        assertFalse(lower.contains("@font-face"), "no web font");
    }

    private static int countOf(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void aMissingInputDirectoryIsAClearErrorWithoutAStackTrace(@TempDir Path tmp) {
        StringWriter err = new StringWriter();
        CommandLine cli = KizunaCommand.newCommandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        Path missing = tmp.resolve("nowhere");
        int code = cli.execute("report", "-q", "--in", missing.toString(), "--out", tmp.resolve("r.html").toString());
        assertEquals(1, code);
        assertEquals("kizuna: " + missing + ": no such directory", err.toString().strip());
        assertFalse(Files.exists(tmp.resolve("r.html")));
    }

    @Test
    void aDirectoryWithoutAccountsIsAClearErrorWithoutAStackTrace(@TempDir Path tmp) {
        StringWriter err = new StringWriter();
        CommandLine cli = KizunaCommand.newCommandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("report", "-q", "--in", tmp.toString(), "--out", tmp.resolve("r.html").toString());
        assertEquals(1, code);
        assertTrue(err.toString().startsWith("kizuna: " + tmp.resolve("accounts.json") + ": no such file"),
                err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
    }

    @Test
    void theReportOfAHostsFilesEqualsTheReportOfTheSamePortfolio(@TempDir Path tmp) throws Exception {
        DemoCommand.writeJson(portfolio, tmp);
        Portfolio read = PortfolioFiles.read(tmp, Optional.of(portfolio.asOf()));
        StringWriter err = new StringWriter();
        CommandLine cli = KizunaCommand.newCommandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        Path out = tmp.resolve("host.html");
        int code = cli.execute("report", "-q", "--in", tmp.toString(), "--as-of", portfolio.asOf().toString(),
                "--out", out.toString());
        assertEquals(0, code, err.toString());
        Map<String, String> host = new HashMap<>();
        Matcher m = CELL.matcher(Files.readString(out));
        while (m.find()) {
            host.put(unescape(m.group(1)), unescape(m.group(2)));
        }
        assertEquals(figures, host, "the same portfolio read from files gives the same figures");
        assertEquals(portfolio.accounts(), read.accounts());
    }
}
