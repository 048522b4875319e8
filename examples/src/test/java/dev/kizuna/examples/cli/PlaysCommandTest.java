package dev.kizuna.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kizuna.sample.DemoPortfolio;
import dev.kizuna.core.Portfolio;
import dev.kizuna.examples.cli.demo.DemoCommand;
import dev.kizuna.examples.cli.input.PortfolioFiles;
import dev.kizuna.playbooks.engine.EvaluationContext;
import dev.kizuna.playbooks.engine.PlaybookEngine;
import dev.kizuna.playbooks.engine.PortfolioContexts;
import dev.kizuna.playbooks.evaluation.Evaluation;
import dev.kizuna.playbooks.evaluation.RuleTrace;
import dev.kizuna.playbooks.evaluation.Trace;
import dev.kizuna.playbooks.starter.StarterPlaybooks;
import dev.kizuna.sample.DemoPortfolio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlaysCommandTest {

    private static String run(int expectedCode, String... args) {
        CommandLine cli = KizunaCommand.newCommandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        assertEquals(expectedCode, cli.execute(args), out.toString());
        return out.toString();
    }

    @Test
    void playsOnWrittenFilesPrintTheLibrarysActionCount(@TempDir Path dir) throws Exception {
        Portfolio portfolio = DemoPortfolio.builder().accounts(300).build();
        DemoCommand.writeJson(portfolio, dir);
        String out = run(0, "plays", "--data", dir.toString());
        Portfolio read = PortfolioFiles.read(dir, java.util.Optional.empty());
        List<Evaluation> expected = PlaybookEngine.builder(StarterPlaybooks.ruleSet()).trace(false).build()
                .dryRunAll(PortfolioContexts.builder(read).build());
        int actions = expected.stream().mapToInt(e -> e.actions().size()).sum();
        assertTrue(out.contains(String.format("%,d actions", actions)), out);
        assertEquals(portfolio.accounts(), read.accounts());
    }

    @Test
    void explainPrintsTheTraceOfOneAccount(@TempDir Path dir) throws Exception {
        Portfolio portfolio = DemoPortfolio.builder().accounts(200).build();
        DemoCommand.writeJson(portfolio, dir);
        EvaluationContext context = PortfolioContexts.builder(PortfolioFiles.read(dir, java.util.Optional.empty()))
                .build().get(0);
        String id = context.account().id().value();
        String out = run(0, "plays", "--data", dir.toString(), "--explain", id);
        assertTrue(out.contains(id), out);

        Trace expected = PlaybookEngine.builder(StarterPlaybooks.ruleSet()).trace(true).build().explain(context);
        JsonNode json = new ObjectMapper().readTree(run(0, "plays", "--data", dir.toString(), "--explain", id,
                "--format", "json"));
        assertEquals(id, json.path("account").asText(), "the trace is of the account asked for");
        assertEquals(expected.at().toString(), json.path("at").asText());
        JsonNode rules = json.path("rules");
        assertEquals(expected.rules().size(), rules.size(), "every rule of every playbook is in the trace");
        assertTrue(rules.size() > 1, rules::toString);
        for (int i = 0; i < rules.size(); i++) {
            RuleTrace rule = expected.rules().get(i);
            JsonNode written = rules.get(i);
            String which = rule.playbook() + "/" + rule.rule();
            assertEquals(rule.playbook(), written.path("playbook").asText(), which);
            assertEquals(rule.rule(), written.path("rule").asText(), which);
            assertEquals(rule.priority(), written.path("priority").asInt(), which);
            assertEquals(rule.status().name(), written.path("status").asText(), which + ": its outcome");
            assertTrue(written.path("now").path("truth").isTextual(), which + " says why: " + written);
        }
    }

    @Test
    void badPlaybookFileListsItsErrorsAndExitsOne(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "playbooks:\n  - id: x\n    colour: red\n");
        String out = run(1, "plays", "--playbooks", bad.toString());
        assertEquals("kizuna: " + bad + ": 3 errors in the playbook definition:\n"
                + "  playbooks[0]: missing required field 'purpose'\n"
                + "  playbooks[0]: missing required field 'rules'\n"
                + "  playbooks[0].colour: unknown field; the known fields here are control, description, id, mode,"
                + " purpose, rules, signals\n", out.replace(System.lineSeparator(), "\n"));
    }
}
