package dev.kizuna.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kizuna.core.Account;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.Portfolio;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.examples.cli.demo.DemoCommand;
import dev.kizuna.examples.cli.demo.DemoScorecard;
import dev.kizuna.health.Explanation;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.HealthScore;
import dev.kizuna.health.json.HealthJson;
import dev.kizuna.health.rollup.BandDistribution;
import dev.kizuna.health.segment.ModelChoice;
import dev.kizuna.health.segment.SegmentedDefinition;
import dev.kizuna.health.segment.SegmentedModel;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoreCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HealthModels MODELS = HealthModels.load();

    @TempDir
    static Path dir;
    private static Portfolio portfolio;
    private static Path signals;

    @BeforeAll
    static void writeDemo() throws Exception {
        portfolio = DemoPortfolio.builder().accounts(150).build();
        DemoCommand.writeJson(portfolio, dir);
        signals = dir.resolve("signals.json");
    }

    /** The result of one run: exit code, standard output and standard error. */
    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = KizunaCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static String ok(String... args) {
        Run r = run(args);
        assertEquals(0, r.code(), r.err() + r.out());
        return r.out();
    }

    /** What the library says: each account's latest snapshot explained as of the newest one, riskiest first. */
    private static List<Explanation> expected(HealthModel model, Optional<Instant> cutoff) {
        Map<AccountId, SignalSnapshot> latest = ScoreCommand.latest(portfolio.signals(), cutoff);
        Instant asOf = cutoff.orElseGet(() -> latest.values().stream().map(SignalSnapshot::at)
                .max(Comparator.naturalOrder()).orElseThrow());
        List<Explanation> out = new ArrayList<>();
        for (SignalSnapshot s : latest.values()) {
            out.add(model.explain(s, asOf));
        }
        out.sort(Comparator.comparing(Explanation::score, BandDistribution.BY_RISK));
        return out;
    }

    private static HealthModel demoModel() {
        return DemoScorecard.model();
    }

    @Test
    void latestSnapshotPerAccountIsTheLatestAtOrBeforeTheCutoff() {
        Map<AccountId, SignalSnapshot> latest = ScoreCommand.latest(portfolio.signals(), Optional.empty());
        for (SignalSnapshot s : portfolio.signals()) {
            assertTrue(!s.at().isAfter(latest.get(s.account()).at()), s.account().toString());
        }
        Instant cutoff = Instant.parse("2025-06-15T00:00:00Z");
        ScoreCommand.latest(portfolio.signals(), Optional.of(cutoff))
                .values().forEach(s -> assertTrue(!s.at().isAfter(cutoff), s.toString()));
    }

    @Test
    void textListsEveryAccountRiskiestFirstWithTheLibrarysReasonAndTheDistribution() {
        String out = ok("score", "--signals", signals.toString());
        List<Explanation> expected = expected(demoModel(), Optional.empty());
        String[] lines = out.split("\n");
        assertTrue(lines[0].startsWith("Health of " + expected.size() + " accounts as of "), lines[0]);
        for (int i = 0; i < expected.size(); i++) {
            Explanation e = expected.get(i);
            String line = lines[2 + i];
            assertTrue(line.contains(e.score().account().value()) && line.endsWith(e.reason()), line);
        }
        BandDistribution distribution = BandDistribution.of(expected.stream().map(Explanation::score).toList(),
                demoModel().bands());
        for (Map.Entry<String, Integer> band : distribution.counts().entrySet()) {
            assertTrue(out.contains(String.format("  %-18s %,7d %6.1f%%", band.getKey(), band.getValue(),
                    100 * distribution.share(band.getKey()))), out);
        }
    }

    @Test
    void jsonOutputIsTheLibrarysJsonOfEveryExplanationAndTheDistribution() throws Exception {
        JsonNode root = JSON.readTree(ok("score", "--signals", signals.toString(), "--format", "json"));
        List<Explanation> expected = expected(demoModel(), Optional.empty());
        assertEquals("demo-health@1", root.get("model").textValue());
        assertEquals(expected.size(), root.get("accounts").size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(HealthJson.explanation(expected.get(i)), root.get("accounts").get(i));
        }
        List<HealthScore> scores = expected.stream().map(Explanation::score).toList();
        assertEquals(HealthJson.distribution(BandDistribution.of(scores, demoModel().bands())),
                root.get("distribution"));
    }

    @Test
    void atScoresEachAccountsLatestSnapshotAtOrBeforeTheInstant() throws Exception {
        JsonNode root = JSON.readTree(ok("score", "--signals", signals.toString(), "--format", "json", "--at",
                "2025-06-15"));
        Instant cutoff = Instant.parse("2025-06-15T00:00:00Z");
        List<Explanation> expected = expected(demoModel(), Optional.of(cutoff));
        assertEquals("2025-06-15T00:00:00Z", root.get("asOf").textValue());
        assertEquals(expected.size(), root.get("accounts").size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(HealthJson.explanation(expected.get(i)), root.get("accounts").get(i));
        }
    }

    @Test
    void explainGivesDriversLeversAndContributionsOfOneAccount() throws Exception {
        Explanation riskiest = expected(demoModel(), Optional.empty()).get(0);
        String account = riskiest.score().account().value();
        String out = ok("score", "--signals", signals.toString(), "--explain", account);
        assertTrue(out.startsWith(account + ": " + riskiest.score().summary()), out);
        assertTrue(out.contains("Reason: " + riskiest.reason()), out);
        assertTrue(out.contains("Pulling down"), out);
        assertTrue(out.contains("Lifting"), out);
        for (var lever : riskiest.levers()) {
            assertTrue(out.contains("  " + lever.describe() + "\n"), lever.describe());
        }
        for (var c : riskiest.pullingDown()) {
            assertTrue(out.contains(String.format("  %-24s %+8.2f", c.label(), c.impact())), c.label());
        }
        JsonNode json = JSON.readTree(ok("score", "--signals", signals.toString(), "--explain", account, "--format",
                "json"));
        assertEquals(HealthJson.explanation(riskiest), json);
    }

    @Test
    void csvSignalsAndAYamlDefinitionScoreTheLatestRow() throws Exception {
        Path csv = Files.writeString(dir.resolve("signals.csv"), """
                account,at,sentiment.nps,support.open_tickets
                acme,2026-01-01,-20,2
                acme,2026-02-01,40,
                zeta,2026-01-15,80,0
                """);
        Path yaml = Files.writeString(dir.resolve("small.yaml"), """
                type: scorecard
                id: small
                version: 1
                measures:
                  - {measure: nps, label: NPS, signal: sentiment.nps, weight: 1,
                     normaliser: {type: linear, from: -100, to: 100}}
                  - {measure: open, label: open tickets, signal: support.open_tickets, weight: 1,
                     normaliser: {type: linear, from: 10, to: 0}}
                """);
        JsonNode root = JSON.readTree(ok("score", "--signals", csv.toString(), "--definition", yaml.toString(),
                "--format", "json"));
        assertEquals("small@1", root.get("model").textValue());
        assertEquals("2026-02-01T00:00:00Z", root.get("asOf").textValue());
        JsonNode acme = root.get("accounts").get(0);
        assertEquals("acme", acme.get("account").textValue());
        assertEquals(70.0, acme.get("value").doubleValue(), "NPS 40 scores 70; open tickets have no data");
        assertEquals("support.open_tickets", acme.get("missing").get(0).textValue());
        assertEquals(95.0, root.get("accounts").get(1).get("value").doubleValue());
    }

    @Test
    void aBadDefinitionPrintsEveryErrorWithItsPathAndExitsWith1() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), """
                type: scorecard
                id: bad
                version: 1
                measures:
                  - {measure: nps, signal: sentiment.nps, weight: -1, normaliser: {type: cubic}}
                  - {measure: open, signal: support.open_tickets, weight: 1, normaliser: {type: linear, from: 1, to: 1}}
                """);
        Run r = run("score", "--signals", signals.toString(), "--definition", bad.toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().startsWith("kizuna: " + bad + ": 3 errors in the definition:"), r.err());
        assertTrue(r.err().contains("\n  measures[0].weight: -1 must be >= 0"), r.err());
        assertTrue(r.err().contains("\n  measures[0].normaliser.type: 'cubic' is not a normaliser"), r.err());
        assertTrue(r.err().contains("\n  measures[1].normaliser: linear.to: 1 must differ from from"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void missingFilesAndUnknownAccountsExitWith1() {
        Run noDefinition = run("score", "--signals", signals.toString(), "--definition",
                dir.resolve("none.yaml").toString());
        assertEquals(1, noDefinition.code());
        assertTrue(noDefinition.err().contains("none.yaml: no such file"), noDefinition.err());
        Run noSignals = run("score", "--signals", dir.resolve("none.json").toString());
        assertEquals(1, noSignals.code());
        assertTrue(noSignals.err().contains("none.json: no such file"), noSignals.err());
        Run unknown = run("score", "--signals", signals.toString(), "--explain", "acc-nobody");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("no signal snapshot of account 'acc-nobody'"), unknown.err());
        Run badFormat = run("score", "--signals", signals.toString(), "--format", "xml");
        assertEquals(2, badFormat.code());
        assertTrue(badFormat.err().contains("--format: 'xml' must be text or json"), badFormat.err());
    }

    @Test
    void aSegmentedDefinitionChoosesEachAccountsModelFromTheAccountsFile() throws Exception {
        String demo = DemoScorecard.yaml().lines().filter(l -> !l.startsWith("#"))
                .map(l -> "    " + l).reduce("", (a, b) -> a + b + "\n");
        Path routing = Files.writeString(dir.resolve("routing.yaml"), """
                type: segmented
                id: by-segment
                version: 1
                default: standard
                models:
                  standard:
                %s
                  enterprise:
                    type: scorecard
                    id: enterprise
                    version: 1
                    measures:
                      - {measure: nps, label: NPS, signal: sentiment.nps, weight: 1,
                         normaliser: {type: linear, from: 0, to: 100}}
                rules:
                  - when: {segment: enterprise}
                    model: enterprise
                """.formatted(demo.stripTrailing()));
        Path accounts = dir.resolve("accounts.json");
        Run withoutAccounts = run("score", "--signals", signals.toString(), "--definition", routing.toString());
        assertEquals(2, withoutAccounts.code());
        assertTrue(withoutAccounts.err().contains("give the accounts with --accounts FILE"), withoutAccounts.err());

        JsonNode root = JSON.readTree(ok("score", "--signals", signals.toString(), "--definition", routing.toString(),
                "--accounts", accounts.toString(), "--format", "json"));
        SegmentedModel model = SegmentedDefinition.read(routing, MODELS).create(MODELS);
        Map<AccountId, Account> byId = portfolio.accountsById();
        Map<AccountId, SignalSnapshot> latest = ScoreCommand.latest(portfolio.signals(), Optional.empty());
        Instant asOf = Instant.parse(root.get("asOf").textValue());
        int enterprise = 0;
        for (JsonNode scored : root.get("accounts")) {
            AccountId id = AccountId.of(scored.get("account").textValue());
            ModelChoice choice = model.choose(byId.get(id));
            assertEquals(choice.model().id().toString(), scored.get("choice").get("model").textValue());
            assertEquals(choice.reason(), scored.get("choice").get("reason").textValue());
            Explanation expected = model.score(byId.get(id), latest.get(id), asOf).explanation();
            assertEquals(expected.reason(), scored.get("reason").textValue());
            enterprise += choice.isDefault() ? 0 : 1;
        }
        assertTrue(enterprise > 0, "some accounts are enterprise");
        String text = ok("score", "--signals", signals.toString(), "--definition", routing.toString(), "--accounts",
                accounts.toString());
        assertTrue(text.contains("enterprise@1") && text.contains("demo-health@1"), text);
    }
}
