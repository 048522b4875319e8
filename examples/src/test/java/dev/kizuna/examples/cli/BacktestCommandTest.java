package dev.kizuna.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.Portfolio;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.ModelDefinition;
import dev.kizuna.health.outcome.Outcome;
import dev.kizuna.health.csv.HealthCsvFormats;
import dev.kizuna.health.logistic.LogisticDefinition;
import dev.kizuna.health.outcome.Outcome;
import dev.kizuna.sample.DemoPortfolio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BacktestCommandTest {
    @TempDir
    Path dir;

    private static final String MODEL = """
            {"type": "scorecard", "id": "usage", "version": "1",
             "measures": [{"measure": "logins", "signal": "usage.logins_30d", "weight": 1,
                           "normaliser": {"type": "linear", "from": 0, "to": 100}}]}
            """;
    private static final String NOISY = """
            {"type": "scorecard", "id": "tickets", "version": "1",
             "measures": [{"measure": "tickets", "signal": "support.open_tickets", "weight": 1,
                           "normaliser": {"type": "linear", "from": 10, "to": 0}}]}
            """;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        CommandLine cli = KizunaCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** 300 accounts, three monthly snapshots each; low logins churn more, tickets are noise. */
    private void writeData() throws Exception {
        StringBuilder snapshots = new StringBuilder("account,at,usage.logins_30d,support.open_tickets\n");
        StringBuilder outcomes = new StringBuilder("account,type,date\n");
        SplittableRandom random = new SplittableRandom(5);
        for (int a = 0; a < 300; a++) {
            double logins = Math.floor(random.nextDouble() * 100);
            for (int m = 1; m <= 3; m++) {
                snapshots.append("acct-").append(a).append(",2025-0").append(m).append("-01,").append(logins)
                        .append(',').append(random.nextInt(8)).append('\n');
            }
            if (random.nextDouble() * 120 > logins + 30) {
                outcomes.append("acct-").append(a).append(",churned,2025-04-20\n");
            } else if (a % 7 == 0) {
                outcomes.append("acct-").append(a).append(",expanded,2025-03-10\n");
            }
        }
        Files.writeString(dir.resolve("snapshots.csv"), snapshots);
        Files.writeString(dir.resolve("outcomes.csv"), outcomes);
        Files.writeString(dir.resolve("usage.json"), MODEL);
        Files.writeString(dir.resolve("tickets.json"), NOISY);
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void backtestPrintsTheReport() throws Exception {
        writeData();
        Result r = run("backtest", "--model", path("usage.json"), "--snapshots", path("snapshots.csv"), "--outcomes",
                path("outcomes.csv"), "--horizon", "P90D", "--observed-until", "2025-08-01", "--resamples", "200");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Backtest of usage@1: churn within P90D after each snapshot"), r.out());
        assertTrue(r.out().contains("900 snapshots: 900 judged, 0 censored"), r.out());
        assertTrue(r.out().contains("ROC AUC 0."), r.out());
        assertTrue(r.out().contains("Calibration by decile, riskiest first"), r.out());
        assertTrue(r.out().contains("red") && r.out().contains("green"), r.out());
    }

    @Test
    void backtestComparesModelsAndWritesJson() throws Exception {
        writeData();
        Result r = run("backtest", "--model", path("usage.json"), "--model", path("tickets.json"), "--snapshots",
                path("snapshots.csv"), "--outcomes", path("outcomes.csv"), "--observed-until", "2025-08-01",
                "--resamples", "200", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(2, json.get("reports").size());
        JsonNode pair = json.get("pairs").get(0);
        assertEquals("usage@1", pair.get("first").asText());
        assertTrue(pair.get("deLong").get("difference").asDouble() > 0, r.out());
        assertTrue(pair.get("deLong").get("pValue").asDouble() < 0.05, r.out());
        assertTrue(json.get("reports").get(0).get("rocAuc").get("value").asDouble() > 0.65, r.out());
    }

    @Test
    void otherOutcomesCanBeTheTarget() throws Exception {
        writeData();
        Result r = run("backtest", "--model", path("usage.json"), "--snapshots", path("snapshots.csv"), "--outcomes",
                path("outcomes.csv"), "--observed-until", "2025-08-01", "--target", "EXPANDED", "--resamples", "0");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Backtest of usage@1: expanded within P90D"), r.out());
    }

    @Test
    void fitLogisticWritesALoadableDefinitionAndASuggestedScorecard() throws Exception {
        writeData();
        Path model = dir.resolve("fitted.json");
        Path card = dir.resolve("card.yaml");
        Result r = run("fit", "logistic", "--snapshots", path("snapshots.csv"), "--outcomes", path("outcomes.csv"),
                "--observed-until", "2025-08-01", "--out", model.toString(), "--suggest-scorecard", card.toString(),
                "--model-id", "churn", "--l2", "0.5");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("converged in"), r.out());
        assertTrue(r.out().contains("usage.logins_30d"), r.out());
        assertTrue(r.out().contains("Suggested scorecard: ROC AUC"), r.out());
        HealthModels models = HealthModels.load();
        ModelDefinition fitted = models.read(model);
        assertEquals("churn", fitted.id().id());
        LogisticDefinition logistic = (LogisticDefinition) fitted;
        assertTrue(logistic.terms().stream().filter(t -> t.id().equals("usage.logins_30d")).findFirst().orElseThrow()
                .coefficient() < 0, "more logins, less churn: " + logistic);
        assertEquals("scorecard", models.read(card).type());
    }

    @Test
    void outcomesReadFromJsonToo() throws Exception {
        Path json = dir.resolve("outcomes.json");
        Files.writeString(json, "[{\"account\": \"a\", \"type\": \"churned\", \"date\": \"2025-01-02\"},"
                + " {\"account\": \"b\", \"type\": \"CONTRACTED\", \"date\": \"2025-02-03\"}]");
        assertEquals(List.of(Outcome.churned(AccountId.of("a"), LocalDate.parse("2025-01-02")),
                Outcome.contracted(AccountId.of("b"), LocalDate.parse("2025-02-03"))), HealthCsvFormats.outcomes(json).values());
    }

    @Test
    void aBadOutcomeOrModelFileIsReportedWithoutAStackTrace() throws Exception {
        writeData();
        Files.writeString(dir.resolve("bad.csv"), "account,type,date\nacme,left,2025-01-01\n");
        Result r = run("backtest", "--model", path("usage.json"), "--snapshots", path("snapshots.csv"), "--outcomes",
                path("bad.csv"));
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("kizuna: " + path("bad.csv") + ":"), r.err());
        assertTrue(r.err().contains("column 'type': 'left' is not one of CHURNED, CONTRACTED or EXPANDED"), r.err());
        Files.writeString(dir.resolve("broken.json"), "{\"type\": \"scorecard\", \"id\": \"x\"}");
        r = run("backtest", "--model", path("broken.json"), "--snapshots", path("snapshots.csv"), "--outcomes",
                path("outcomes.csv"));
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("kizuna: " + path("broken.json") + ": "), r.err());
        r = run("fit", "logistic", "--snapshots", path("snapshots.csv"), "--outcomes", path("outcomes.csv"),
                "--out", path("x.json"), "--signal", "custom.nothing");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("cannot fit: signal custom.nothing: the frame has no such column"), r.err());
    }

    @Test
    void churnIsTheEndOfTheLastSubscription() {
        Portfolio p = DemoPortfolio.builder().accounts(200).subscriptionsOnly().build();
        List<Outcome> churn = Outcome.churnsOf(p.subscriptionEvents());
        assertTrue(!churn.isEmpty());
        for (Outcome o : churn) {
            // On that day the account has no subscription left running.
            long running = p.subscriptionEvents().stream().filter(e -> e.account().equals(o.account()))
                    .map(SubscriptionEvent::subscriptionId).distinct()
                    .filter(s -> activeOn(p.subscriptionEvents(), o.account(), s, o.date())).count();
            assertEquals(0, running, o.toString());
        }
    }

    private static boolean activeOn(List<SubscriptionEvent> events, AccountId account, String subscription,
                                    LocalDate day) {
        boolean active = false;
        for (SubscriptionEvent e : events) {
            if (e.account().equals(account) && e.subscriptionId().equals(subscription)
                    && !e.effectiveDate().isAfter(day)) {
                active = e.kind() == SubscriptionEvent.Kind.START || e.kind() == SubscriptionEvent.Kind.CHANGE;
            }
        }
        return active;
    }
}
