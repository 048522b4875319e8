package dev.kizuna.examples.cli.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.kizuna.core.Account;
import dev.kizuna.core.journey.JourneyStage;
import dev.kizuna.core.json.KizunaJson;
import dev.kizuna.sample.DemoPortfolio;
import dev.kizuna.core.Portfolio;
import dev.kizuna.examples.cli.OutputFiles;
import dev.kizuna.examples.cli.PlaysCommand;
import dev.kizuna.examples.cli.Progress;
import dev.kizuna.examples.cli.ReportCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code kizuna demo}: generates the demo portfolio and prints what it holds. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generates the deterministic demo portfolio (2,000 accounts, 36 months), prints a summary and"
                + " writes the HTML report (see `kizuna report`).")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write the portfolio as JSON files into DIR.")
    private Path out;

    @Option(names = "--report", paramLabel = "FILE", description = "Where to write the HTML report (default:"
            + " " + ReportCommand.DEFAULT_FILE + " in --out DIR when given, else in the working directory).")
    private Path report;

    @Option(names = {"-q", "--quiet"}, description = "No progress on standard error.")
    private boolean quiet;

    @Option(names = "--seed", description = "The random seed (default: ${DEFAULT-VALUE}).")
    private long seed = DemoPortfolio.DEFAULT_SEED;

    @Option(names = "--accounts", description = "The number of accounts (default: ${DEFAULT-VALUE}).")
    private int accounts = DemoPortfolio.DEFAULT_ACCOUNTS;

    /** The most accounts the demo generates: enough for a large portfolio, within a default heap. */
    public static final int MAX_ACCOUNTS = 1_000_000;

    @Override
    public Integer call() throws IOException {
        checkAccounts(spec, accounts);
        PrintWriter w = spec.commandLine().getOut();
        Portfolio portfolio = DemoPortfolio.builder().seed(seed).accounts(accounts).build();
        new DemoSummary(portfolio).print(w);
        printPlays(w, portfolio);
        if (out != null) {
            List<Path> written;
            try {
                written = writeJson(portfolio, out);
            } catch (IOException e) {
                throw OutputFiles.cannotWrite(out, e);
            }
            w.println();
            w.println("Wrote " + written.size() + " JSON files to " + out.toAbsolutePath() + ":");
            for (Path p : written) {
                w.println("  " + p.getFileName() + " (" + Files.size(p) + " bytes)");
            }
        }
        w.flush();
        Path file = report != null ? report : out != null ? out.resolve(ReportCommand.DEFAULT_FILE)
                : Path.of(ReportCommand.DEFAULT_FILE);
        String source = String.format("The demo portfolio (seed %d, %,d accounts)", seed, accounts);
        ReportCommand.write(portfolio, source, 12, file, Progress.of(spec.commandLine().getErr(), quiet));
        w.println();
        w.println("Wrote the HTML report to " + file.toAbsolutePath());
        w.flush();
        return 0;
    }

    /** Checks the demo's {@code --accounts}: from 1 to {@link #MAX_ACCOUNTS}. */
    public static void checkAccounts(CommandSpec spec, int accounts) {
        if (accounts < 1 || accounts > MAX_ACCOUNTS) {
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT, "--accounts: %d must be from"
                    + " 1 to %,d", accounts, MAX_ACCOUNTS));
        }
    }

    /**
     * This week's playbook actions: the starter playbooks as a dry run over the current customers, with health from
     * the demo scorecard.
     */
    private static void printPlays(PrintWriter w, Portfolio portfolio) {
        StarterPlays plays = StarterPlays.run(portfolio);
        w.println();
        PlaysCommand.print(w, portfolio, plays.evaluated(), plays.evaluations());
    }

    /** The starter playbooks' dry run over a portfolio's current customers: how many were evaluated, and the results. */
    public record StarterPlays(int evaluated, List<dev.kizuna.playbooks.evaluation.Evaluation> evaluations) {
        /** Runs the starter playbooks as a dry run, with health from the demo scorecard. */
        public static StarterPlays run(Portfolio portfolio) {
            dev.kizuna.health.HealthModel health = DemoScorecard.model();
            var contexts = dev.kizuna.playbooks.engine.PortfolioContexts.builder(portfolio)
                    .health(s -> health.score(s, s.at())).build();
            var evaluations = dev.kizuna.playbooks.engine.PlaybookEngine
                    .builder(dev.kizuna.playbooks.starter.StarterPlaybooks.ruleSet()).trace(false).build()
                    .dryRunAll(contexts);
            return new StarterPlays(contexts.size(), List.copyOf(evaluations));
        }
    }

    /**
     * Writes every part of the portfolio as a JSON array, one file each, and its churn outcomes
     * ({@code churn-outcomes.json}, for {@code kizuna backtest} and {@code kizuna fit}), and returns the files.
     */
    public static List<Path> writeJson(Portfolio portfolio, Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper mapper = KizunaJson.newObjectMapper();
        ObjectWriter writer = mapper.writerWithDefaultPrettyPrinter();
        Map<String, List<?>> parts = new TreeMap<>();
        parts.put("accounts.json", portfolio.accounts());
        parts.put("subscription-events.json", portfolio.subscriptionEvents());
        parts.put("usage.json", portfolio.usage());
        parts.put("surveys.json", portfolio.surveys());
        parts.put("tickets.json", portfolio.tickets());
        parts.put("signals.json", portfolio.signals());
        parts.put("success-plans.json", portfolio.plans());
        // The churn the demo's backtest judges against, as `kizuna backtest --outcomes` and `fit` read it.
        List<Map<String, String>> churn = new java.util.ArrayList<>();
        for (dev.kizuna.health.outcome.Outcome o : dev.kizuna.health.outcome.Outcome.churnsOf(portfolio.subscriptionEvents())) {
            Map<String, String> row = new java.util.LinkedHashMap<>();
            row.put("account", o.account().value());
            row.put("type", "churned");
            row.put("date", o.date().toString());
            churn.add(row);
        }
        parts.put("churn-outcomes.json", churn);
        List<Path> written = new java.util.ArrayList<>();
        for (Map.Entry<String, List<?>> part : parts.entrySet()) {
            Path file = dir.resolve(part.getKey());
            writer.writeValue(file.toFile(), part.getValue());
            written.add(file);
        }
        return written;
    }

    /** Counts accounts by segment and journey stage. */
    public static Map<String, Map<JourneyStage, Integer>> bySegmentAndStage(List<Account> accounts) {
        Map<String, Map<JourneyStage, Integer>> table = new TreeMap<>();
        for (Account a : accounts) {
            table.computeIfAbsent(a.segment().name(), s -> new java.util.EnumMap<>(JourneyStage.class))
                    .merge(a.stage(), 1, Integer::sum);
        }
        return table;
    }
}
