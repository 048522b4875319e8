package dev.kizuna.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kizuna.core.Portfolio;
import dev.kizuna.core.event.Purchase;
import dev.kizuna.sample.DemoPortfolio;
import dev.kizuna.core.Portfolio;
import dev.kizuna.examples.cli.demo.ClvDemo;
import dev.kizuna.metrics.clv.BgNbdModel;
import dev.kizuna.metrics.clv.ClvHorizon;
import dev.kizuna.metrics.clv.CustomerLifetimeValue;
import dev.kizuna.metrics.clv.FitReport;
import dev.kizuna.metrics.clv.GammaGammaModel;
import dev.kizuna.metrics.clv.ParetoNbdModel;
import dev.kizuna.metrics.clv.RfmSummary;
import dev.kizuna.metrics.clv.RfmTimeUnit;
import dev.kizuna.metrics.clv.SbgModel;
import dev.kizuna.sample.DemoPortfolio;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives {@code kizuna clv} through {@link KizunaCommand#newCommandLine()}: on a purchase log generated from a small
 * demo portfolio, and on the CDNOW files of the repository's {@code datasets/cdnow}. The printed numbers must be
 * exactly what the library's API returns for the same input.
 */
class ClvCommandTest {
    private static final LocalDate CALIBRATION_END = LocalDate.of(2025, 6, 30);

    @TempDir
    static Path dir;
    private static Path transactions;
    private static List<Purchase> purchases;

    /** What one run printed and returned. */
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cli = KizunaCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static Run ok(String... args) {
        Run r = run(args);
        assertEquals(0, r.code, r.err);
        return r;
    }

    @BeforeAll
    static void writePurchaseLog() throws IOException {
        Portfolio portfolio = DemoPortfolio.builder().accounts(300).subscriptionsOnly().build();
        purchases = new ClvDemo(portfolio).purchases();
        StringBuilder csv = new StringBuilder("customer,date,amount\n");
        for (Purchase p : purchases) {
            csv.append(p.customer().value()).append(',').append(p.date()).append(',')
                    .append(p.amount().amount().toPlainString()).append('\n');
        }
        transactions = dir.resolve("purchases.csv");
        Files.writeString(transactions, csv, StandardCharsets.UTF_8);
    }

    private static RfmSummary librarySummary() {
        return RfmSummary.fromPurchases(purchases, CALIBRATION_END, RfmTimeUnit.WEEKS);
    }

    private static String[] withLog(String... args) {
        List<String> all = new ArrayList<>(List.of("clv"));
        all.addAll(List.of(args));
        all.addAll(List.of("--transactions", transactions.toString(), "--calibration-end", CALIBRATION_END.toString()));
        return all.toArray(new String[0]);
    }

    @Test
    void fitBgNbdJsonIsTheLibrarysFittedModel() throws IOException {
        Run r = ok(withLog("fit", "--model", "bg-nbd", "--format", "json"));
        BgNbdModel printed = ClvCommand.MAPPER.readValue(r.out, BgNbdModel.class);
        assertEquals(BgNbdModel.fit(librarySummary()), printed);
        assertTrue(r.err.contains("kizuna: read " + String.format(Locale.ROOT, "%,d", purchases.size())
                + " transactions from purchases.csv"), r.err);
    }

    @Test
    void fitParetoNbdJsonIsTheLibrarysFittedModel() throws IOException {
        Run r = ok(withLog("fit", "--model", "pareto-nbd", "--format", "json", "--starts", "1"));
        ParetoNbdModel printed = ClvCommand.MAPPER.readValue(r.out, ParetoNbdModel.class);
        assertEquals(ParetoNbdModel.fit(librarySummary(), dev.kizuna.metrics.clv.FitOptions.withStarts(1)), printed);
    }

    @Test
    void fitTablePrintsTheLibrarysEstimatesStandardErrorsAndCounts() {
        Run r = ok(withLog("fit", "--model", "bg-nbd"));
        RfmSummary s = librarySummary();
        BgNbdModel m = BgNbdModel.fit(s);
        FitReport report = m.report().orElseThrow();
        for (Map.Entry<String, Double> p : m.parameters().entrySet()) {
            String row = String.format(Locale.ROOT, "  %-16s %14s %14s", p.getKey(), ClvFitCommand.number(p.getValue()),
                    ClvFitCommand.number(report.standardErrors().get(p.getKey())));
            assertTrue(r.out.contains(row + "\n"), "expected row '" + row + "' in\n" + r.out);
        }
        assertTrue(r.out.contains(String.format(Locale.ROOT, "log-likelihood   %.4f", report.logLikelihood())), r.out);
        long repeaters = java.util.Arrays.stream(s.frequencies()).filter(x -> x > 0).count();
        assertTrue(r.out.contains(String.format(Locale.ROOT, "customers        %,d (%,d with repeat purchases)",
                s.size(), repeaters)), r.out);
        assertTrue(r.out.startsWith("BG/NBD fitted on purchases.csv (" + String.format(Locale.ROOT, "%,d", s.size())
                + " customers, calibration to 2025-06-30, weeks"), r.out);
    }

    @Test
    void fitGammaGammaLeavesOutCustomersWithoutRepeatPurchasesAndSaysSo() throws IOException {
        Run r = ok(withLog("fit", "--model", "gamma-gamma", "--format", "json"));
        GammaGammaModel expected = GammaGammaModel.fit(librarySummary(), GammaGammaModel.Ineligible.EXCLUDE);
        assertEquals(expected, ClvCommand.MAPPER.readValue(r.out, GammaGammaModel.class));
        Run table = ok(withLog("fit", "--model", "gamma-gamma"));
        FitReport report = expected.report().orElseThrow();
        assertTrue(table.out.contains(String.format(Locale.ROOT, "%,d used; %,d left out (no repeat purchase: %,d, "
                + "mean spend <= 0: 0)", report.customers(), report.excludedCustomers(), report.excludedCustomers())),
                table.out);
    }

    @Test
    void predictPrintsTheLibrarysPredictionsForEveryCustomer() throws IOException {
        Path bg = dir.resolve("bg.json");
        Path gg = dir.resolve("gg.json");
        ok(withLog("fit", "--model", "bg-nbd", "--out", bg.toString(), "-q"));
        ok(withLog("fit", "--model", "gamma-gamma", "--out", gg.toString(), "-q"));
        Run r = ok(withLog("predict", "--model", bg.toString(), "--spend-model", gg.toString(), "--horizon", "26",
                "--months", "6", "--discount", "0.02"));
        RfmSummary s = librarySummary();
        BgNbdModel model = BgNbdModel.fit(s);
        GammaGammaModel spend = GammaGammaModel.fit(s, GammaGammaModel.Ineligible.EXCLUDE);
        double[] alive = model.probabilityAlive(s);
        double[] expected = model.conditionalExpectedTransactions(26, s);
        double[] perTransaction = spend.conditionalExpectedSpend(s);
        double[] clv = CustomerLifetimeValue.of(model, spend, ClvHorizon.months(6, RfmTimeUnit.WEEKS, 0.02), s);
        String[] lines = r.out.split("\n");
        assertEquals("customer,frequency,recency,T,p_alive,expected_transactions,expected_spend,clv", lines[0]);
        assertEquals(s.size() + 1, lines.length);
        for (int i = 0; i < s.size(); i++) {
            String[] f = lines[i + 1].split(",");
            assertEquals(s.customers().get(i).value(), f[0]);
            assertEquals(s.customer(i).frequency(), Integer.parseInt(f[1]));
            assertEquals(s.customer(i).recency(), Double.parseDouble(f[2]));
            assertEquals(s.customer(i).age(), Double.parseDouble(f[3]));
            assertEquals(alive[i], Double.parseDouble(f[4]), "p_alive of " + f[0]);
            assertEquals(expected[i], Double.parseDouble(f[5]), "expected_transactions of " + f[0]);
            assertEquals(perTransaction[i], Double.parseDouble(f[6]), "expected_spend of " + f[0]);
            assertEquals(clv[i], Double.parseDouble(f[7]), "clv of " + f[0]);
        }
    }

    @Test
    void predictJsonCarriesTheHorizonAndOneObjectPerCustomer() throws IOException {
        Path bg = dir.resolve("bg-for-json.json");
        ok(withLog("fit", "--model", "bg-nbd", "--out", bg.toString(), "-q"));
        Path out = dir.resolve("predictions.json");
        Run r = ok(withLog("predict", "--model", bg.toString(), "--format", "json", "--out", out.toString()));
        assertEquals("", r.out);
        JsonNode json = ClvCommand.MAPPER.readTree(out.toFile());
        RfmSummary s = librarySummary();
        BgNbdModel model = BgNbdModel.fit(s);
        assertEquals("bg-nbd", json.get("model").asText());
        assertEquals(52.0, json.get("horizon").asDouble());
        assertEquals(s.size(), json.get("customers").size());
        JsonNode first = json.get("customers").get(0);
        assertEquals(s.customers().get(0).value(), first.get("customer").asText());
        assertEquals(model.conditionalExpectedTransactions(52, s)[0], first.get("expected_transactions").asDouble());
        assertEquals(model.probabilityAlive(s)[0], first.get("p_alive").asDouble());
    }

    @Test
    void predictWithAParetoNbdModelFittedInDays() throws IOException {
        Path model = dir.resolve("pareto-days.json");
        ok(withLog("fit", "--model", "pareto-nbd", "--unit", "days", "--starts", "1", "--out", model.toString(), "-q"));
        Run r = ok(withLog("predict", "--model", model.toString(), "--unit", "days", "--format", "json", "-q"));
        RfmSummary s = RfmSummary.fromPurchases(purchases, CALIBRATION_END, RfmTimeUnit.DAYS);
        ParetoNbdModel m = ParetoNbdModel.fit(s, dev.kizuna.metrics.clv.FitOptions.withStarts(1));
        assertEquals(m, ClvCommand.readModel(model));
        JsonNode json = ClvCommand.MAPPER.readTree(r.out);
        assertEquals("pareto-nbd", json.get("model").asText());
        assertEquals("days", json.get("unit").asText());
        assertEquals(365.0, json.get("horizon").asDouble());
        double[] alive = m.probabilityAlive(s);
        double[] expected = m.conditionalExpectedTransactions(365, s);
        for (int i = 0; i < s.size(); i++) {
            JsonNode c = json.get("customers").get(i);
            assertEquals(alive[i], c.get("p_alive").asDouble(), "p_alive of " + c.get("customer"));
            assertEquals(expected[i], c.get("expected_transactions").asDouble());
        }
    }

    @Test
    void summaryCsvInLifetimesAndHardieLayoutsGivesTheSameFit() throws IOException {
        RfmSummary s = librarySummary();
        StringBuilder lifetimes = new StringBuilder(",frequency,recency,T,monetary_value\n");
        StringBuilder hardie = new StringBuilder("x,t_x,T,zbar\n");
        for (int i = 0; i < s.size(); i++) {
            var c = s.customer(i);
            lifetimes.append(c.customer().value()).append(',').append((double) c.frequency()).append(',')
                    .append(c.recency()).append(',').append(c.age()).append(',').append(c.meanRepeatSpend()).append('\n');
            hardie.append(c.frequency()).append(',').append(c.recency()).append(',').append(c.age()).append(',')
                    .append(c.meanRepeatSpend()).append('\n');
        }
        Path a = Files.writeString(dir.resolve("lifetimes-summary.csv"), lifetimes);
        Path b = Files.writeString(dir.resolve("hardie-summary.csv"), hardie);
        BgNbdModel expected = BgNbdModel.fit(s);
        for (Path file : List.of(a, b)) {
            Run r = ok("clv", "fit", "--model", "bg-nbd", "--summary", file.toString(), "--format", "json");
            assertEquals(expected, ClvCommand.MAPPER.readValue(r.out, BgNbdModel.class), file.toString());
        }
        Run predicted = ok("clv", "predict", "--model", writeModel(expected).toString(), "--summary", a.toString());
        assertTrue(predicted.out.split("\n")[1].startsWith(s.customers().get(0).value() + ","), predicted.out);
    }

    private static Path writeModel(Object model) throws IOException {
        Path file = Files.createTempFile(dir, "model", ".json");
        ClvCommand.MAPPER.writeValue(file.toFile(), model);
        return file;
    }

    @Test
    void sbgFitsASurvivalCurveAndLifetimes() throws IOException {
        // Fader and Hardie (2007), "How to Project Customer Retention", the "regular" cohort, years 0-7.
        long[] regular = {1000, 631, 468, 382, 326, 289, 262, 241};
        Run r = ok("clv", "fit", "--model", "sbg", "--survival", "1000,631,468,382,326,289,262,241", "--format", "json");
        SbgModel printed = ClvCommand.MAPPER.readValue(r.out, SbgModel.class);
        assertEquals(SbgModel.fitSurvival(regular), printed);
        assertEquals(0.704, printed.alpha(), 5e-4);
        assertEquals(1.182, printed.beta(), 5e-4);

        StringBuilder csv = new StringBuilder("id,periods,churned\n");
        int[] periods = {1, 1, 2, 3, 3, 3, 5, 2, 4, 1};
        boolean[] churned = {true, true, true, false, true, false, true, true, false, false};
        for (int i = 0; i < periods.length; i++) {
            csv.append("c").append(i).append(',').append(periods[i]).append(',').append(churned[i] ? "1" : "false").append('\n');
        }
        Path file = Files.writeString(dir.resolve("lifetimes.csv"), csv);
        Run l = ok("clv", "fit", "--model", "sbg", "--lifetimes", file.toString(), "--format", "json");
        assertEquals(SbgModel.fitLifetimes(periods, churned), ClvCommand.MAPPER.readValue(l.out, SbgModel.class));
    }

    @Test
    void badCellsAreReportedWithFileLineAndColumn() throws IOException {
        Path summary = Files.writeString(dir.resolve("bad-summary.csv"), "id,frequency,recency,T\na,1,2,10\nb,2,abc,10\n");
        Run r = run("clv", "fit", "--model", "bg-nbd", "--summary", summary.toString());
        assertEquals(1, r.code);
        assertEquals("kizuna: " + summary + ":3: column 3 'recency': 'abc' is not a number: write ASCII digits with an"
                + " optional sign, decimal point and exponent, such as 12, -0.5 or 1.2e3\n", r.err);

        Path late = Files.writeString(dir.resolve("late-summary.csv"), "id,frequency,recency,T\na,1,2,10\nb,2,12,10\n");
        r = run("clv", "fit", "--model", "bg-nbd", "--summary", late.toString());
        assertEquals(1, r.code);
        assertTrue(r.err.startsWith("kizuna: " + late + ":3: column 4 'T': age: 10.0 must be"), r.err);

        Path twice = Files.writeString(dir.resolve("twice.csv"), "id,x,t_x,T\na,1,2,10\na,2,3,10\n");
        r = run("clv", "fit", "--model", "bg-nbd", "--summary", twice.toString());
        assertEquals("kizuna: " + twice + ":3: column 1 'id': customer 'a' appears twice (first on line 2)\n", r.err);

        Path missing = Files.writeString(dir.resolve("missing.csv"), "frequency,recency\n1,2\n");
        r = run("clv", "fit", "--model", "bg-nbd", "--summary", missing.toString());
        assertEquals("kizuna: " + missing + ":1: the column T is missing; the file has frequency,recency\n", r.err);

        Path dates = Files.writeString(dir.resolve("dates.csv"), "customer,date,amount\na,2025-01-03,10\na,2025-13-01,5\n");
        r = run("clv", "fit", "--model", "bg-nbd", "--transactions", dates.toString(), "--calibration-end", "2025-06-30");
        assertEquals("kizuna: " + dates + ":3: column 2 'date': '2025-13-01' is not a date: there is no month 13\n",
                r.err);

        Path cdnow = Files.writeString(dir.resolve("cdnow.txt"), " 00001 19970101  1   11.77\n 00002 1997011  1 x\n");
        r = run("clv", "fit", "--model", "bg-nbd", "--transactions", cdnow.toString(), "--calibration-end", "1997-09-30");
        assertEquals("kizuna: " + cdnow + ":2: column 2 'date': '1997011' is not a date (yyyy-mm-dd or yyyymmdd)\n",
                r.err);

        Path fields = Files.writeString(dir.resolve("fields.txt"), " 00001 19970101  1\n");
        r = run("clv", "fit", "--model", "bg-nbd", "--transactions", fields.toString(), "--calibration-end", "1997-09-30");
        assertTrue(r.err.startsWith("kizuna: " + fields + ":1: 3 fields; expected 4"), r.err);
    }

    @Test
    void gammaGammaRejectsARepeatCustomerWithoutSpendUnlessAskedToExclude() throws IOException {
        Path summary = Files.writeString(dir.resolve("spend.csv"),
                "id,x,t_x,T,zbar\na,1,2,10,20\nb,2,3,10,0\nc,3,5,10,35.5\nd,0,0,10,0\ne,2,4,10,12\n");
        Run r = run("clv", "fit", "--model", "gamma-gamma", "--summary", summary.toString());
        assertEquals(1, r.code);
        assertTrue(r.err.contains("kizuna: " + summary + ":3: customer 'b' has 2 repeat purchase(s) and a mean "
                + "spend of 0.0;"), r.err);
        Run ok = ok("clv", "fit", "--model", "gamma-gamma", "--summary", summary.toString(), "--exclude-ineligible");
        assertTrue(ok.out.contains("3 used; 2 left out (no repeat purchase: 1, mean spend <= 0: 1)"), ok.out);
    }

    @Test
    void inconsistentOptionsAreUsageErrors() {
        Run r = run("clv", "fit", "--model", "bg-nbd", "--transactions", transactions.toString());
        assertEquals(2, r.code);
        assertTrue(r.err.startsWith("kizuna: --transactions needs --calibration-end DATE\n"), r.err);
        r = run("clv", "fit", "--model", "sbg", "--summary", "x.csv");
        assertEquals(2, r.code);
        r = run("clv", "fit", "--model", "weibull");
        assertEquals(2, r.code);
        assertTrue(r.err.contains("'weibull' is not one of bg-nbd, pareto-nbd, gamma-gamma, sbg"), r.err);
    }

    @Test
    void predictRefusesASpendModelAsTheTransactionModel() throws IOException {
        Path gg = writeModel(GammaGammaModel.of(6.25, 3.74, 15.44));
        Run r = run(withLog("predict", "--model", gg.toString()));
        assertEquals(1, r.code);
        assertEquals("kizuna: " + gg + ": a GammaGammaModel does not predict transactions; give a BG/NBD or "
                + "Pareto/NBD model\n", r.err);
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"model\":\"bg-nbd\",\"parameters\":{\"r\":-1,"
                + "\"alpha\":1,\"a\":1,\"b\":1}}");
        r = run(withLog("predict", "--model", broken.toString()));
        assertEquals(1, r.code);
        assertTrue(r.err.startsWith("kizuna: " + broken + ": $"), r.err);
    }

    @Test
    void demoPrintsTheClvSectionFromTheLibrarysFit() {
        Run r = ok("demo", "-q", "--accounts", "300", "--report", dir.resolve("clv-demo.html").toString());
        assertTrue(r.out.contains("Customer lifetime value: BG/NBD and Gamma-Gamma"), r.out);
        Portfolio portfolio = DemoPortfolio.builder().accounts(300).build();
        RfmSummary s = RfmSummary.fromPurchases(new ClvDemo(portfolio).purchases(), CALIBRATION_END,
                LocalDate.of(2025, 12, 31), RfmTimeUnit.WEEKS);
        BgNbdModel m = BgNbdModel.fit(s);
        assertTrue(r.out.contains(String.format(Locale.ROOT, "BG/NBD       r %.4g alpha %.4g a %.4g b %.4g", m.r(),
                m.alpha(), m.a(), m.b())), r.out);
        assertTrue(r.out.contains("P(alive) on 2025-06-30"), r.out);
        assertTrue(r.out.contains("top 5 accounts"), r.out);
    }

    // --- the CDNOW files of the papers ---

    /** The repository's {@code datasets/cdnow} (see {@code datasets/README.md}); tests run in the module directory. */
    private static Path cdnow() {
        return Path.of("").toAbsolutePath().getParent().resolve("datasets/cdnow");
    }

    /** Fader, Hardie and Lee (2005), p. 280: r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, LL = -9582.4. */
    @Test
    void cdnowSampleLogGivesThePublishedBgNbdFit() throws IOException {
        Path d = cdnow();
        Run r = ok("clv", "fit", "--model", "bg-nbd", "--transactions", d.resolve("CDNOW_sample.txt").toString(),
                "--calibration-end", "1997-09-30", "--unit", "weeks", "--format", "json");
        BgNbdModel m = ClvCommand.MAPPER.readValue(r.out, BgNbdModel.class);
        assertEquals(0.243, m.r(), 5e-4);
        assertEquals(4.414, m.alpha(), 5e-4);
        assertEquals(0.793, m.a(), 5e-4);
        assertEquals(2.426, m.b(), 5e-4);
        assertEquals(-9582.4, m.report().orElseThrow().logLikelihood(), 0.05);
        List<Purchase> sample = new ArrayList<>();
        for (String line : Files.readAllLines(d.resolve("CDNOW_sample.txt"), StandardCharsets.US_ASCII)) {
            String[] f = line.trim().split("\\s+");
            LocalDate day = LocalDate.parse(f[2], java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            sample.add(Purchase.of(dev.kizuna.core.AccountId.of(f[1]), day,
                    dev.kizuna.core.Money.of(new java.math.BigDecimal(f[4]), java.util.Currency.getInstance("USD"))));
        }
        assertEquals(BgNbdModel.fit(RfmSummary.fromPurchases(sample, LocalDate.of(1997, 9, 30), RfmTimeUnit.WEEKS)), m);
    }

    /** lifetimes' cdnow_customers_summary.csv (frequency,recency,T): the Pareto/NBD log-likelihood -9595.0. */
    @Test
    void cdnowLifetimesSummaryGivesThePublishedParetoNbdLogLikelihood() {
        Path d = cdnow();
        Run r = ok("clv", "fit", "--model", "pareto-nbd", "--summary", d.resolve("cdnow_customers_summary.csv").toString());
        java.util.regex.Matcher ll = java.util.regex.Pattern.compile("log-likelihood +(-?[0-9.]+)").matcher(r.out);
        assertTrue(ll.find(), r.out);
        assertEquals(-9595.0, Double.parseDouble(ll.group(1)), 0.05);
        assertTrue(r.out.contains("customers        2,357 (946 with repeat purchases)"), r.out);
    }
}
