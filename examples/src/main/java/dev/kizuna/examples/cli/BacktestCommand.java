package dev.kizuna.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kizuna.core.csv.CsvFormats;
import dev.kizuna.core.csv.InputException;
import dev.kizuna.core.csv.Rows;
import dev.kizuna.core.csv.TextValues;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.examples.cli.input.DefinitionFiles;
import dev.kizuna.examples.cli.report.BacktestText;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.backtest.Backtest;
import dev.kizuna.health.backtest.BacktestReport;
import dev.kizuna.health.backtest.ModelComparison;
import dev.kizuna.health.backtest.NothingToJudgeException;
import dev.kizuna.health.outcome.Outcome;
import dev.kizuna.health.csv.HealthCsvFormats;
import dev.kizuna.health.json.BacktestJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
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
        if (resamples == 0 && spec.commandLine().getParseResult().hasMatchedOption("--seed")) {
            throw new ParameterException(spec.commandLine(), "--seed: the seed draws the bootstrap resamples, and"
                    + " --resamples 0 draws none; leave out --seed, or give --resamples above 0");
        }
        List<HealthModel> loaded = loadModels(models);
        Rows<SignalSnapshot> history = readSnapshots(spec.commandLine().getErr(), snapshots);
        Rows<Outcome> outcomeList = HealthCsvFormats.outcomes(outcomes);
        Backtest backtest = backtest(spec, horizon, Optional.ofNullable(observedUntil), targets, resamples, seed);
        PrintWriter w = spec.commandLine().getOut();
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try {
            if (loaded.size() == 1) {
                BacktestReport report = backtest.run(loaded.get(0), history.values(), outcomeList.values());
                if (format == Format.json) {
                    w.println(json.writeValueAsString(BacktestJson.report(report)));
                } else {
                    BacktestText.report(w, report);
                }
            } else {
                ModelComparison comparison = backtest.compare(loaded, history.values(), outcomeList.values());
                if (format == Format.json) {
                    w.println(json.writeValueAsString(BacktestJson.comparison(comparison)));
                } else {
                    BacktestText.comparison(w, comparison);
                }
            }
        } catch (NothingToJudgeException e) {
            throw new InputException(nothingJudged(e, snapshots, Optional.ofNullable(observedUntil)));
        }
        if (history.count() > 0 && format == Format.text) {
            w.printf(Locale.ROOT, "Left out: %,d records of %s that could not be read (listed on standard error)%n",
                    history.count(), history.file());
        }
        w.flush();
        return 0;
    }

    /**
     * Reads signal snapshots for a backtest or a fit: a record that cannot be read (a value outside its signal's
     * domain, say) is listed on standard error and left out; a file of which no record can be read is an error.
     */
    static Rows<SignalSnapshot> readSnapshots(PrintWriter err, Path file) {
        Rows<SignalSnapshot> rows = CsvFormats.signals(file);
        for (Rows.Rejected r : rows.rejected()) {
            err.println("kizuna: " + r.message() + " (record left out)");
        }
        if (rows.count() > rows.rejected().size()) {
            err.printf(Locale.ROOT, "kizuna: %s: and %,d more records left out%n", rows.file(),
                    rows.count() - rows.rejected().size());
        }
        err.flush();
        if (rows.size() == 0) {
            throw new InputException(file + ": " + (rows.count() == 0 ? "the file has no signal snapshot"
                    : rows.count() == 1 ? "its one record could not be read (above)"
                    : String.format(Locale.ROOT, "none of its %,d records could be read (listed above)",
                    rows.count())));
        }
        return rows;
    }

    /** Why a backtest judged nothing, and what to do, in the options of the command line. */
    static String nothingJudged(NothingToJudgeException e, Path snapshots, Optional<LocalDate> observedUntil) {
        String end = observedUntil.map(d -> "--observed-until " + d)
                .orElse("the end of the data, " + e.endOfObservation().toString().substring(0, 10) + " (the default"
                        + " of --observed-until)");
        String what = snapshots + ": nothing to judge: ";
        return switch (e.reason()) {
            case NO_SNAPSHOTS -> what + "the file has no signal snapshot";
            case ALL_CENSORED -> what + String.format(Locale.ROOT, "every one of the %,d snapshots is censored: its"
                    + " %s horizon ends after %s, so what followed it is not known; pass a later --observed-until (if"
                    + " the outcomes are known until then), a shorter --horizon, or older snapshots", e.snapshots(),
                    e.horizon(), end);
            case NONE_SCORED -> what + e.getMessage() + "; give snapshots with the signals the model uses";
            case NO_EVENTS, ONLY_EVENTS -> what + e.getMessage() + "; check --outcomes and --target, or give a"
                    + " longer --horizon or a longer history";
        };
    }

    static Backtest backtest(CommandSpec spec, Period horizon, Optional<LocalDate> observedUntil,
                             List<Outcome.Type> targets, int resamples, long seed) {
        Backtest.Builder b = Backtest.builder(horizon).seed(seed);
        try {
            b.resamples(resamples);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--resamples: " + TextValues.withoutField(e.getMessage()));
        }
        observedUntil.ifPresent(b::observedUntil);
        if (!targets.isEmpty()) {
            b.targets(EnumSet.copyOf(targets));
        }
        return b.build();
    }

    /** Reads model definitions, reporting a bad one like a bad input file. */
    static List<HealthModel> loadModels(List<Path> files) {
        HealthModels registry = HealthModels.load();
        List<HealthModel> out = new ArrayList<>();
        for (Path file : files) {
            out.add(DefinitionFiles.model(registry, file));
        }
        return out;
    }
}
