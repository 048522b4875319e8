package dev.kizuna.examples.cli.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kizuna.core.Account;
import dev.kizuna.core.Portfolio;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.core.json.KizunaJson;
import dev.kizuna.core.plan.SuccessPlan;
import dev.kizuna.sample.DemoPortfolio;
import dev.kizuna.core.Portfolio;
import dev.kizuna.examples.cli.KizunaCommand;
import dev.kizuna.examples.cli.ReportCommand;
import dev.kizuna.health.outcome.Outcome;
import dev.kizuna.health.csv.HealthCsvFormats;
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

class DemoCommandTest {

    private static String run(String... args) {
        CommandLine cli = KizunaCommand.newCommandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        int code = cli.execute(args);
        assertEquals(0, code, out.toString());
        return out.toString();
    }

    @Test
    void demoPrintsAccountsBySegmentAndStageAndPlansByStatus(@TempDir Path dir) {
        Path report = dir.resolve("demo.html");
        String out = run("demo", "-q", "--accounts", "300", "--report", report.toString());
        assertTrue(out.contains("300 accounts"), out);
        assertTrue(out.contains("Accounts by segment and journey stage"), out);
        assertTrue(out.contains("enterprise") && out.contains("mid-market") && out.contains("smb"), out);
        assertTrue(out.contains("Success plans on 2026-01-01, by status"), out);
        assertTrue(out.contains("Health score backtest: demo-health@1 against churn within 3 months"), out);
        assertTrue(out.contains("ROC AUC 0."), out);
        assertTrue(Files.isRegularFile(report), "the report is written where --report says");
        List<String> lines = out.strip().lines().toList();
        assertEquals("Wrote the HTML report to " + report.toAbsolutePath(), lines.get(lines.size() - 1),
                "the report's path is the last line");
    }

    @Test
    void demoOutWritesJsonThatReadsBackToTheSamePortfolio(@TempDir Path dir) throws Exception {
        run("demo", "-q", "--accounts", "120", "--out", dir.toString());
        assertTrue(Files.size(dir.resolve(ReportCommand.DEFAULT_FILE)) > 10_000, "the report goes into --out DIR");
        Portfolio expected = DemoPortfolio.builder().accounts(120).build();
        ObjectMapper mapper = KizunaJson.newObjectMapper();
        List<Account> accounts = mapper.readValue(dir.resolve("accounts.json").toFile(), new TypeReference<>() { });
        List<SubscriptionEvent> events = mapper.readValue(dir.resolve("subscription-events.json").toFile(), new TypeReference<>() { });
        List<SuccessPlan> plans = mapper.readValue(dir.resolve("success-plans.json").toFile(), new TypeReference<>() { });
        assertEquals(expected.accounts(), accounts);
        assertEquals(expected.subscriptionEvents(), events);
        assertEquals(expected.plans(), plans);
        assertEquals(Outcome.churnsOf(expected.subscriptionEvents()),
                HealthCsvFormats.outcomes(dir.resolve("churn-outcomes.json")).values());
        for (String file : List.of("usage.json", "surveys.json", "tickets.json", "signals.json")) {
            assertTrue(Files.size(dir.resolve(file)) > 2, file);
        }
    }

    @Test
    void unknownOptionFailsWithUsage() {
        CommandLine cli = KizunaCommand.newCommandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute("demo", "--bogus");
        assertEquals(2, code);
        assertTrue(err.toString().contains("Unknown option: '--bogus'"), err.toString());
    }
}
