package dev.kizuna.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.backtest.Backtest;
import dev.kizuna.health.backtest.BacktestJson;
import dev.kizuna.health.backtest.BacktestReport;
import dev.kizuna.health.backtest.ModelComparison;
import dev.kizuna.health.backtest.Outcome;
import dev.kizuna.health.definition.DefinitionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code kizuna backtest}: judges one or more health models against what happened after each snapshot. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Backtests health models against real outcomes: each snapshot is scored as of its own time and"
                + " judged by whether the account churned (or another outcome) within the horizon after it.",
                "Prints ROC and PR AUC with bootstrap intervals, the Brier score, calibration by decile, lift, the"
                        + " churn rate per band and the band churners were in when they left; with several models,"
                        + " DeLong's paired test of their AUCs."})
final class BacktestCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "A model definition (JSON or YAML); repeat to compare models.")
    private List<Path> models = new ArrayList<>();

    @Option(names = "--snapshots", required = true, paramLabel = "FILE",
            description = "Signal snapshots (CSV: account,at,<signal>...; or JSON as `kizuna demo --out` writes).")
    private Path snapshots;

    @Option(names = "--outcomes", required = true, paramLabel = "FILE",
            description = "Outcomes (CSV: account,type,date with type churned, contracted or expanded; or a JSON"
                    + " array of such objects).")
    private Path outcomes;

    @Option(names = "--horizon", paramLabel = "PERIOD", description = "How long after a snapshot an outcome counts,"
            + " ISO-8601 (default: ${DEFAULT-VALUE}).")
    private Period horizon = Period.ofDays(90);

    @Option(names = "--observed-until", paramLabel = "DATE", description = "Outcomes are known before this date;"
            + " snapshots whose horizon reaches past it are censored (default: the latest date in the data).")
    private LocalDate observedUntil;

    @Option(names = "--target", paramLabel = "TYPE", description = "Outcome types that count as events; repeat for"
            + " several (default: churned).")
    private List<Outcome.Type> targets = new ArrayList<>();

    @Option(names = "--resamples", description = "Bootstrap resamples of the accounts (default: ${DEFAULT-VALUE}).")
    private int resamples = Backtest.DEFAULT_RESAMPLES;

    @Option(names = "--seed", description = "The seed of the resamples (default: ${DEFAULT-VALUE}).")
    private long seed = Backtest.DEFAULT_SEED;

    @Option(names = "--format", description = "text or json (default: ${DEFAULT-VALUE}).")
    private Format format = Format.text;

    /** The output formats. */
    enum Format {
        text, json
    }

    @Override
    public Integer call() throws IOException {
        List<HealthModel> loaded = loadModels(models);
        List<SignalSnapshot> history = InputFiles.signals(snapshots);
        List<Outcome> outcomeList = InputFiles.outcomes(outcomes);
        Backtest backtest = backtest(horizon, Optional.ofNullable(observedUntil), targets, resamples, seed);
        PrintWriter w = spec.commandLine().getOut();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        if (loaded.size() == 1) {
            BacktestReport report = backtest.run(loaded.get(0), history, outcomeList);
            if (format == Format.json) {
                w.println(json.writeValueAsString(BacktestJson.report(report)));
            } else {
                BacktestText.report(w, report);
            }
        } else {
            ModelComparison comparison = backtest.compare(loaded, history, outcomeList);
            if (format == Format.json) {
                w.println(json.writeValueAsString(BacktestJson.comparison(comparison)));
            } else {
                BacktestText.comparison(w, comparison);
            }
        }
        w.flush();
        return 0;
    }

    static Backtest backtest(Period horizon, Optional<LocalDate> observedUntil, List<Outcome.Type> targets,
                             int resamples, long seed) throws IOException {
        try {
            Backtest.Builder b = Backtest.builder(horizon).resamples(resamples).seed(seed);
            observedUntil.ifPresent(b::observedUntil);
            if (!targets.isEmpty()) {
                b.targets(EnumSet.copyOf(targets));
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new InputFiles.InputException(e.getMessage());
        }
    }

    /** Reads model definitions, reporting a bad one like a bad input file. */
    static List<HealthModel> loadModels(List<Path> files) throws IOException {
        HealthModels registry = HealthModels.load();
        List<HealthModel> out = new ArrayList<>();
        for (Path file : files) {
            try {
                out.add(registry.create(file));
            } catch (DefinitionException e) {
                throw new InputFiles.InputException(file + ": " + e.getMessage());
            }
        }
        return out;
    }
}
