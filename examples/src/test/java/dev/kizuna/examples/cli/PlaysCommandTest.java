package dev.kizuna.examples.cli;

import dev.kizuna.core.Portfolio;
import dev.kizuna.playbooks.Evaluation;
import dev.kizuna.playbooks.PlaybookEngine;
import dev.kizuna.playbooks.PortfolioContexts;
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
        String id = PortfolioContexts.builder(PortfolioFiles.read(dir, java.util.Optional.empty())).build()
                .get(0).account().id().value();
        String out = run(0, "plays", "--data", dir.toString(), "--explain", id);
        assertTrue(out.contains(id), out);
        String json = run(0, "plays", "--data", dir.toString(), "--explain", id, "--format", "json");
        assertTrue(json.trim().startsWith("{"), json);
    }

    @Test
    void badPlaybookFileListsItsErrorsAndExitsOne(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "playbooks:\n  - id: x\n    colour: red\n");
        String out = run(1, "plays", "--playbooks", bad.toString());
        assertTrue(out.contains("kizuna:"), out);
    }
}
