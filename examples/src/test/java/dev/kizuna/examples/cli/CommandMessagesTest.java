package dev.kizuna.examples.cli;

import dev.kizuna.sample.DemoPortfolio;
import dev.kizuna.core.Portfolio;
import dev.kizuna.examples.cli.demo.DemoCommand;
import dev.kizuna.examples.cli.demo.DemoScorecard;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of user error the tool meets, command by command, with its message pinned: one line (or one block)
 * {@code kizuna: <what and where and what to do>}, exit code 1 for a problem with the input or the data and 2 for a
 * usage error, never a stack trace or a Java class name.
 */
class CommandMessagesTest {
    @TempDir
    static Path dir;
    private static Portfolio portfolio;

    /** The result of one run. */
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

    /** Runs a command that must fail with {@code code} and returns its standard error, checked to hold no trace. */
    static String fails(int code, String... args) {
        Run r = run(args);
        assertEquals(code, r.code(), r.err() + r.out());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
        assertTrue(r.err().startsWith("kizuna: "), r.err());
        return r.err();
    }

    static String path(String name) {
        return dir.resolve(name).toString();
    }

    static Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @BeforeAll
    static void writeDemo() throws Exception {
        portfolio = DemoPortfolio.builder().accounts(60).build();
        DemoCommand.writeJson(portfolio, dir);
        Files.writeString(dir.resolve("scorecard.yaml"), DemoScorecard.yaml());
    }

    // ---- one way to read a file ----

    @Test
    void aMissingFileIsOneLineForEveryCommandThatReadsFiles() {
        String missing = path("missing.yaml");
        assertEquals("kizuna: " + missing + ": no such file\n", fails(1, "plays", "--playbooks", missing));
        assertEquals("kizuna: " + missing + ": no such file\n", fails(1, "backtest", "--model", missing,
                "--snapshots", path("signals.json"), "--outcomes", path("churn-outcomes.json")));
        assertEquals("kizuna: " + missing + ": no such file\n", fails(1, "score", "--signals", path("signals.json"),
                "--definition", missing));
        assertEquals("kizuna: " + missing + ": no such file\n", fails(1, "plays", "--model", missing));
        String json = path("missing.json");
        assertEquals("kizuna: " + json + ": no such file\n", fails(1, "clv", "predict", "--model", json,
                "--summary", json));
        assertEquals("kizuna: " + json + ": no such file\n", fails(1, "metrics", "--events", json));
        assertEquals("kizuna: " + json + ": no such file\n", fails(1, "score", "--signals", json));
    }

    @Test
    void aDirectoryIsReportedAsADirectoryNotAsAMissingFile() {
        assertEquals("kizuna: " + dir + ": is a directory; give a file\n", fails(1, "score", "--signals",
                path("signals.json"), "--definition", dir.toString()));
        assertEquals("kizuna: " + dir + ": is a directory; give a file\n", fails(1, "metrics", "--events",
                dir.toString()));
    }

    @Test
    void aDefinitionThatIsNotUtf8NamesTheLineAndByteOffset() throws Exception {
        Path bad = dir.resolve("latin1.yaml");
        Files.write(bad, "type: scorecard\nid: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        String message = "kizuna: " + bad + ":2: not UTF-8 at byte offset 23 (0xE9); the tool reads UTF-8 text only:"
                + " save the file as UTF-8 (in Excel: \"CSV UTF-8\")\n";
        assertEquals(message, fails(1, "score", "--signals", path("signals.json"), "--definition", bad.toString()));
        assertEquals(message, fails(1, "backtest", "--model", bad.toString(), "--snapshots", path("signals.json"),
                "--outcomes", path("churn-outcomes.json")));
        assertEquals(message, fails(1, "plays", "--playbooks", bad.toString()));
    }

    @Test
    void aDefinitionWithAnotherExtensionSaysWhichAreRead() throws Exception {
        Path txt = write("model.txt", "type: scorecard\n");
        assertEquals("kizuna: " + txt + ": a definition file's name must end in .json, .yaml or .yml, which says its"
                + " format\n", fails(1, "backtest", "--model", txt.toString(), "--snapshots", path("signals.json"),
                "--outcomes", path("churn-outcomes.json")));
    }

    @Test
    void aBadPlaybookFileListsItsErrorsWithTheFileName() throws Exception {
        Path rules = write("rules.yaml", "playbooks: 3\n");
        String err = fails(1, "plays", "--playbooks", rules.toString());
        assertEquals("kizuna: " + rules + ": 1 error in the playbook definition:\n  playbooks: expected an array but"
                + " found number 3\n", err);
    }

    @Test
    void bandTestsMustNameBandsOfTheModelsScheme() throws Exception {
        String rule = "playbooks:\n  - {id: p, purpose: RISK, rules: [{id: r, when: {fact: health_band, in: [%s]},"
                + " actions: [{kind: TASK, owner: CS_LEAD, template: t}]}]}\n";
        Path misspelt = write("misspelt-band.yaml", String.format(rule, "rde"));
        assertEquals("kizuna: " + misspelt + ": 1 error in the playbook definition:\n  playbooks[0].rules[0].when.in[0]:"
                + " 'rde' is not a band of the health model's scheme; did you mean red? The values are [red, yellow,"
                + " green], so the condition could never hold\n", fails(1, "plays", "--playbooks", misspelt.toString()));

        // A model with bands of its own: the starter playbooks' red/yellow/green tests could never hold.
        Path lowHigh = write("low-high.yaml", DemoScorecard.yaml().replace("  - {name: red, range: \"[0, 50)\"}\n"
                + "  - {name: yellow, range: \"[50, 75)\"}\n  - {name: green, range: \"[75, 100]\"}\n",
                "  - {name: low, range: \"[0, 60)\"}\n  - {name: high, range: \"[60, 100]\"}\n"));
        assertTrue(fails(1, "plays", "--model", lowHigh.toString()).startsWith("kizuna: the starter playbooks test the"
                + " standard bands (red, yellow, green), which the scheme of --model " + lowHigh + " lacks; give"
                + " --playbooks FILE with rules for its bands: "));
        assertEquals("kizuna: " + misspelt + ": 1 error in the playbook definition:\n  playbooks[0].rules[0].when.in[0]:"
                + " 'rde' is not a band of the health model's scheme; the values are [low, high], so the condition could"
                + " never hold\n", fails(1, "plays", "--model", lowHigh.toString(), "--playbooks", misspelt.toString()));
        // Rules on the model's own bands run.
        Path ownBands = write("own-bands.yaml", String.format(rule, "low"));
        Run ok = run("plays", "--model", lowHigh.toString(), "--playbooks", ownBands.toString());
        assertEquals(0, ok.code(), ok.err());
    }

    // ---- option values ----

    @Test
    void badDatesAndMonthsInOptionsAreUsageErrorsInTheUsersTerms() {
        assertEquals("kizuna: Invalid value for option '--from': '2024-13' is not a month: there is no month 13\n"
                + "Try 'kizuna metrics --help' for the options.\n", fails(2, "metrics", "--events",
                path("subscription-events.json"), "--from", "2024-13"));
        assertTrue(fails(2, "plays", "--data", dir.toString(), "--as-of", "2024-02-30").startsWith("kizuna: Invalid"
                + " value for option '--as-of': '2024-02-30' is not a date: 2024-02 has days 1 to 29\n"));
        assertTrue(fails(2, "backtest", "--model", path("scorecard.yaml"), "--snapshots", path("signals.json"),
                "--outcomes", path("churn-outcomes.json"), "--observed-until", "+999999999-12-31")
                .startsWith("kizuna: Invalid value for option '--observed-until': '+999999999-12-31' is not a date:"
                        + " write it yyyy-mm-dd, from 0001-01-01 to 9999-12-31\n"));
        assertTrue(fails(2, "score", "--signals", path("signals.json"), "--at", "yesterday")
                .startsWith("kizuna: Invalid value for option '--at': 'yesterday' is not an instant"));
        assertTrue(fails(2, "backtest", "--model", path("scorecard.yaml"), "--snapshots", path("signals.json"),
                "--outcomes", path("churn-outcomes.json"), "--horizon", "P1000000000Y")
                .startsWith("kizuna: Invalid value for option '--horizon': 'P1000000000Y' is longer than the limit of"
                        + " ten years (P10Y)\n"));
    }

    @Test
    void numbersInOptionsAreAsciiFiniteAndReadInBoundedTime() {
        String err = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> fails(2, "fit", "logistic", "--snapshots",
                path("signals.json"), "--outcomes", path("churn-outcomes.json"), "--out", path("f.json"), "--l2",
                "1e6000"));
        assertTrue(err.startsWith("kizuna: Invalid value for option '--l2': '1e6000' is too large to be a finite"
                + " number\n"), err);
        err = fails(2, "demo", "--accounts", "١٠");
        assertTrue(err.startsWith("kizuna: Invalid value for option '--accounts': '١٠' is not a whole number: write"
                + " ASCII digits with an optional sign, such as 12\n"), err);
    }

    // ---- options that cannot apply ----

    @Test
    void anOptionThatCannotApplyIsAUsageErrorThatSaysWhatItNeeds() throws Exception {
        assertTrue(fails(2, "plays", "--as-of", "2025-06-01").startsWith("kizuna: --as-of: the day to evaluate a"
                + " portfolio read with --data DIR; the demo portfolio has its own day, so give --data DIR with"
                + " --as-of, or leave out --as-of\n"));
        assertTrue(fails(2, "report", "--as-of", "2025-06-01").startsWith("kizuna: --as-of: the day after the"
                + " history of a portfolio read with --in DIR"));
        assertTrue(fails(2, "report", "--in", dir.toString(), "--seed", "3").startsWith("kizuna: --seed: generates"
                + " the demo portfolio; with --in DIR the portfolio is read from DIR, so leave it out\n"));
        assertTrue(fails(2, "score", "--signals", path("signals.json"), "--accounts", path("accounts.json"))
                .startsWith("kizuna: --accounts: only a segmented definition uses the accounts (to choose each"
                        + " account's model); the demo scorecard is not segmented, so leave out --accounts\n"));
        assertTrue(fails(2, "backtest", "--model", path("scorecard.yaml"), "--snapshots", path("signals.json"),
                "--outcomes", path("churn-outcomes.json"), "--resamples", "0", "--seed", "7")
                .startsWith("kizuna: --seed: the seed draws the bootstrap resamples, and --resamples 0 draws none"));
        Path summary = write("summary.csv", "id,frequency,recency,T\na,1,10,30\nb,2,15,30\n");
        assertTrue(fails(2, "clv", "fit", "--model", "bg-nbd", "--summary", summary.toString(), "--currency", "EUR")
                .startsWith("kizuna: --currency: the currency of a transaction log's amounts goes with --transactions"
                        + " only"));
        assertTrue(fails(2, "clv", "fit", "--model", "bg-nbd", "--summary", summary.toString(),
                "--exclude-ineligible").startsWith("kizuna: --exclude-ineligible: leaves out customers the"
                + " Gamma-Gamma model cannot use, so it goes with --model gamma-gamma only\n"));
        assertTrue(fails(2, "clv", "predict", "--model", path("m.json"), "--summary", summary.toString(),
                "--months", "6").startsWith("kizuna: --months: sets the CLV, which needs a spend model; give"
                + " --spend-model FILE, or leave out --months and --discount\n"));
        assertTrue(fails(2, "clv", "fit", "--model", "sbg", "--survival", "1000,600,450", "--unit", "days")
                .startsWith("kizuna: --unit: goes with --summary or --transactions; --model sbg counts contract"
                        + " periods, so leave it out\n"));
        assertTrue(fails(2, "score", "--signals", path("signals.json"), "--explain", " ", "-q")
                .startsWith("kizuna: --explain: ' ' is not an account id: "));
    }

    // ---- runs that judge or score nothing ----

    @Test
    void aBacktestOfCensoredSnapshotsOnlyFailsSayingWhyAndWhatToDo() {
        String err = fails(1, "backtest", "--model", path("scorecard.yaml"), "--snapshots", path("signals.json"),
                "--outcomes", path("churn-outcomes.json"), "--observed-until", "2023-01-15");
        assertEquals("kizuna: " + path("signals.json") + ": nothing to judge: every one of the "
                + String.format("%,d", portfolio.signals().size()) + " snapshots is censored: its P90D horizon ends"
                + " after --observed-until 2023-01-15, so what followed it is not known; pass a later --observed-until"
                + " (if the outcomes are known until then), a shorter --horizon, or older snapshots\n", err);
        assertFalse(err.contains("NaN") || err.contains("n/a"), err);
    }

    @Test
    void aFitOfCensoredSnapshotsOnlyFailsWithoutBlamingASignal() {
        String err = fails(1, "fit", "logistic", "--snapshots", path("signals.json"), "--outcomes",
                path("churn-outcomes.json"), "--out", path("fitted.json"), "--observed-until", "2023-01-15", "-q");
        assertEquals("kizuna: " + path("signals.json") + ": nothing to fit: every one of the "
                + String.format("%,d", portfolio.signals().size()) + " snapshots is censored: its P90D horizon ends"
                + " after --observed-until 2023-01-15, so whether churn followed it is not known; pass a later"
                + " --observed-until (if the outcomes are known until then), a shorter --horizon, or older"
                + " snapshots\n", err);
    }

    @Test
    void aBacktestWithoutAnyEventSaysSo() throws Exception {
        Path none = write("no-outcomes.csv", "account,type,date\n");
        String err = fails(1, "backtest", "--model", path("scorecard.yaml"), "--snapshots", path("signals.json"),
                "--outcomes", none.toString());
        assertTrue(err.startsWith("kizuna: " + path("signals.json") + ": nothing to judge: none of the "), err);
        assertTrue(err.contains("judged snapshots was followed by churn within P90D"), err);
    }

    @Test
    void scoringAFileWhoseColumnsTheModelDoesNotUseFailsNamingBoth() throws Exception {
        Path csv = write("unused.csv", "account,at,custom.x,sentiment.npss\na1,2025-01-01,3,10\na2,2025-01-01,4,20\n");
        String err = fails(1, "score", "--signals", csv.toString(), "-q");
        assertEquals("kizuna: " + csv + ": the model does not use the signal 'sentiment.npss' and no snapshot has"
                + " 'sentiment.nps', which it uses; did you mean 'sentiment.nps'?\n"
                + "kizuna: " + csv + ": none of the 2 accounts could be scored: each has insufficient data for"
                + " demo-health@1, which uses adoption.feature_breadth, adoption.feature_depth,"
                + " commercial.days_to_renewal, commercial.payment_issues, engagement.dau_mau,"
                + " engagement.licence_utilisation, relationship.champion_present, relationship.executive_sponsor,"
                + " sentiment.nps, support.escalated_tickets, support.open_tickets, usage.active_users,"
                + " usage.trend_30d; the snapshots have none of these signals (they have custom.x, sentiment.npss):"
                + " give the model's signals, or a --definition that uses the file's\n", err);
    }

    @Test
    void impossibleSignalValuesAreReportedRowByRowAndTheRestIsScored() throws Exception {
        Path csv = write("impossible.csv", """
                account,at,sentiment.nps,engagement.licence_utilisation,usage.active_users,relationship.champion_present,\
                adoption.feature_breadth,usage.trend_30d,support.open_tickets
                a1,2025-01-01,500,0.5,10,1,0.5,0.1,1
                a2,2025-01-01,20,-2,10,1,0.5,0.1,1
                a3,2025-01-01,20,0.5,10,7,0.5,0.1,1
                a4,2025-01-01,20,0.5,10,1,0.5,0.1,1
                """);
        Run r = run("score", "--signals", csv.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        assertEquals("kizuna: " + csv + ":2: column 'sentiment.nps': 500 is outside the domain of sentiment.nps: a"
                + " number from -100 to 100 (record not scored)\n"
                + "kizuna: " + csv + ":3: column 'engagement.licence_utilisation': -2 is outside the domain of"
                + " engagement.licence_utilisation: a number from 0 up (record not scored)\n"
                + "kizuna: " + csv + ":4: column 'relationship.champion_present': 7 is outside the domain of"
                + " relationship.champion_present: 0 or 1 (record not scored)\n", r.err());
        assertTrue(r.out().startsWith("Health of 1 accounts as of 2025-01-01T00:00:00Z, scored by demo-health@1,"
                + " riskiest first; 3 records of " + csv + " rejected and not scored (listed on standard error)\n"),
                r.out());
        Path all = write("all-impossible.csv", "account,at,sentiment.nps\na1,2025-01-01,500\n");
        String err = fails(1, "score", "--signals", all.toString(), "-q");
        assertTrue(err.endsWith("kizuna: " + all + ": its one record could not be read (above), so nothing was"
                + " scored\n"), err);
    }

    // ---- small portfolios ----

    @Test
    void aDemoOfTenAccountsSaysWhichModelCouldNotBeFittedAndRunsToTheEnd() {
        Run r = run("demo", "--accounts", "10", "-q", "--report", path("ten.html"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\n  BG/NBD: could not be fitted on 8 customers: the likelihood has no maximum"
                + " inside the model's range, so the fit ran to a limit of the model, where its predictions are"
                + " undefined; more customers with repeat purchases are needed\n"), r.out());
        assertTrue(r.out().contains("Health score backtest: demo-health@1"), r.out());
        assertTrue(r.out().contains("Wrote the HTML report to"), r.out());
        assertFalse(r.out().contains("NaN"), r.out());
    }

    @Test
    void aReportOfOneAccountSaysWhatCouldNotBeComputed() throws Exception {
        Run r = run("report", "--accounts", "1", "-q", "--out", path("one.html"));
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(dir.resolve("one.html"));
        assertTrue(html.contains("BG/NBD: could not be fitted on 1 customer: "), html);
        assertTrue(html.contains("nothing to judge: "), html);
    }

    @Test
    void aClvFitThatIsRefusedSaysWhyInTheUsersTerms() throws Exception {
        Path none = write("no-repeat.csv", "id,frequency,recency,T\na,0,0,20\nb,0,0,20\n");
        assertEquals("kizuna: " + none + ": BG/NBD: could not be fitted on 2 customers: no customer made a repeat"
                + " transaction, so the purchase rate cannot be estimated (the BG/NBD likelihood keeps rising as"
                + " r/alpha goes to 0)\n", fails(1, "clv", "fit", "--model", "bg-nbd", "--summary", none.toString(),
                "-q"));
    }

    // ---- no Java advice ----

    @Test
    void metricsSayWhatToDoInTheToolsTermsNotTheLibrarys() throws Exception {
        String header = "account,subscription,kind,effective_date,recorded_on,plan,unit_price,currency,quantity,"
                + "interval,discount_percent,discount_amount,trial\n";
        Path empty = write("empty-events.csv", header);
        assertEquals("kizuna: " + empty + ": the file has no subscription event; metrics need at least one START"
                + " event\n", fails(1, "metrics", "--events", empty.toString()));
        Path mixed = write("mixed.csv", header + "a,s1,START,2025-01-01,,pro,100,USD,1,MONTHLY,,,\n"
                + "b,s1,START,2025-01-01,,pro,100,EUR,1,MONTHLY,,,\n");
        String err = fails(1, "metrics", "--events", mixed.toString());
        assertEquals("kizuna: " + mixed + ":3: the charge is in EUR but the first charge (line 2) is in USD; the tool"
                + " computes metrics in one currency, without conversion rates: give each currency's events in a file"
                + " of their own\n", err);
        assertFalse(err.contains("LedgerOptions"), err);
    }
}
