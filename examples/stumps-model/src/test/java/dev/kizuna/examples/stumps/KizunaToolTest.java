package dev.kizuna.examples.stumps;

import dev.kizuna.core.Portfolio;
import dev.kizuna.examples.cli.KizunaCommand;
import dev.kizuna.sample.DemoPortfolio;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With this module on the class path, the {@code kizuna} tool reads {@code type: stumps} definitions: its commands
 * create models through {@code HealthModels.load()}, which finds {@link StumpsProvider} by ServiceLoader.
 */
class KizunaToolTest {
    private static final int ACCOUNTS = 300;

    @TempDir
    static Path dir;
    private static Portfolio demo;

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

    /** Writes the demo's files, its churn outcomes among them, as {@code kizuna demo --out} does. */
    @BeforeAll
    static void writeDemo() {
        Run r = run("demo", "--accounts", Integer.toString(ACCOUNTS), "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("churn-outcomes.json"), r.out());
        demo = DemoPortfolio.builder().accounts(ACCOUNTS).build();
    }

    @Test
    void scoreReadsAStumpsDefinition() {
        Run r = run("score", "--definition", DemoStumpsTest.source().toString(), "--signals",
                dir.resolve("signals.json").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Health of "), r.out());
        assertTrue(r.out().contains("demo-stumps@1"), r.out());
    }

    @Test
    void backtestJudgesAStumpsModel() {
        Run r = run("backtest", "--model", DemoStumpsTest.source().toString(), "--snapshots",
                dir.resolve("signals.json").toString(), "--outcomes", dir.resolve("churn-outcomes.json").toString(),
                "--horizon", "P3M", "--observed-until", demo.asOf().toString(), "--resamples", "100");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Backtest of demo-stumps@1: churn within P3M after each snapshot"), r.out());
        assertTrue(r.out().contains("ROC AUC 0."), r.out());
    }
}
