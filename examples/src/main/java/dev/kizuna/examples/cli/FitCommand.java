package dev.kizuna.examples.cli;

import dev.kizuna.core.csv.InputException;
import dev.kizuna.core.csv.Rows;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.backtest.Backtest;
import dev.kizuna.health.batch.SignalFrame;
import dev.kizuna.health.csv.HealthCsvFormats;
import dev.kizuna.health.definition.DefinitionFormat;
import dev.kizuna.health.fit.Coefficient;
import dev.kizuna.health.fit.FitException;
import dev.kizuna.health.fit.LogisticFit;
import dev.kizuna.health.fit.LogisticFitter;
import dev.kizuna.health.fit.ScorecardSuggestion;
import dev.kizuna.health.fit.ScorecardSuggestions;
import dev.kizuna.health.outcome.Labelling;
import dev.kizuna.health.outcome.Labels;
import dev.kizuna.health.outcome.Outcome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code kizuna fit}: fits health models from outcomes. */
@Command(name = "fit", mixinStandardHelpOptions = true, description = "Fits health models from outcomes.",
        subcommands = {FitCommand.Logistic.class, CommandLine.HelpCommand.class})
final class FitCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code kizuna fit logistic}: fits the logistic churn model and writes its definition. */
    @Command(name = "logistic", mixinStandardHelpOptions = true,
            description = {"Fits the logistic churn model by maximum likelihood to snapshots labelled with whether"
                    + " the account churned within the horizon after each, and writes its definition.",
                    "Signals are standardised; --l2 adds ridge regularisation. Prints the coefficients with"
                            + " standard errors and, with --suggest-scorecard, writes a readable scorecard and the"
                            + " AUC it loses."})
    static final class Logistic implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--snapshots", required = true, paramLabel = "FILE", description = "Signal snapshots.")
        private Path snapshots;

        @Option(names = "--outcomes", required = true, paramLabel = "FILE", description = "Outcomes.")
        private Path outcomes;

        @Option(names = "--out", required = true, paramLabel = "FILE",
                description = "Where to write the fitted definition (.json, .yaml or .yml).")
        private Path out;

        @Option(names = "--signal", paramLabel = "NAME", description = "A signal to fit; repeat for several"
                + " (default: every signal in the snapshots).")
        private List<String> signals = new ArrayList<>();

        @Option(names = "--horizon", paramLabel = "PERIOD", description = "How long after a snapshot churn counts"
                + " (default: ${DEFAULT-VALUE}).")
        private Period horizon = Period.ofDays(90);

        @Option(names = "--observed-until", paramLabel = "DATE", description = "Outcomes are known before this"
                + " date (default: the latest date in the data).")
        private LocalDate observedUntil;

        @Option(names = "--l2", description = "The L2 penalty on the standardised coefficients (default:"
                + " ${DEFAULT-VALUE}).")
        private double l2;

        @Option(names = "--missing", description = "drop (rows with a missing value) or mean (default:"
                + " ${DEFAULT-VALUE}).")
        private Missing missing = Missing.drop;

        @Option(names = "--model-id", description = "The fitted model's id (default: ${DEFAULT-VALUE}).")
        private String id = "fitted-churn";

        @Option(names = "--model-version", description = "The fitted model's version (default: ${DEFAULT-VALUE}).")
        private String version = "1";

        @Option(names = "--suggest-scorecard", paramLabel = "FILE",
                description = "Also write a scorecard translated from the fit (.json, .yaml or .yml).")
        private Path scorecard;

        @Option(names = {"-q", "--quiet"}, description = "No progress on standard error.")
        private boolean quiet;

        /** What to do with missing values. */
        enum Missing {
            drop, mean
        }

        @Override
        public Integer call() throws IOException {
            // The fitter offers no callback: progress shows its stages (reading, labelling, fitting, as 1 to 3 of 3).
            if (!(l2 >= 0)) {
                throw new ParameterException(spec.commandLine(), "--l2: " + l2 + " must be 0 or more");
            }
            DefinitionFormat outFormat = OutputFiles.definitionFormat(spec, "--out", out);
            Optional<DefinitionFormat> scorecardFormat = scorecard == null ? Optional.empty()
                    : Optional.of(OutputFiles.definitionFormat(spec, "--suggest-scorecard", scorecard));
            Progress progress = Progress.of(spec.commandLine().getErr(), quiet);
            progress.start("fitting the logistic churn model");
            progress.update(0, 3);
            Rows<SignalSnapshot> history = BacktestCommand.readSnapshots(spec.commandLine().getErr(), snapshots);
            Rows<Outcome> outcomeList = HealthCsvFormats.outcomes(outcomes);
            progress.update(1, 3);
            Labelling labelling = BacktestCommand.backtest(spec, horizon, Optional.ofNullable(observedUntil),
                    List.of(), 0, Backtest.DEFAULT_SEED).labelling();
            Labels labels = labelling.label(SignalFrame.of(history.values()), outcomeList.values());
            progress.update(2, 3);
            PrintWriter w = spec.commandLine().getOut();
            LogisticFit fit;
            ModelId modelId;
            List<SignalName> names = new ArrayList<>();
            try {
                modelId = ModelId.of(id, version);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--model-id, --model-version: "
                        + e.getMessage());
            }
            for (String s : signals) {
                try {
                    names.add(SignalName.of(s));
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), "--signal: " + e.getMessage());
                }
            }
            if (names.size() != new java.util.HashSet<>(names).size()) {
                throw new ParameterException(spec.commandLine(), "--signal: " + signals + " names a signal twice");
            }
            LogisticFitter fitter = LogisticFitter.builder(modelId).signals(names).l2(l2)
                    .missingInput(missing == Missing.mean ? LogisticFitter.MissingInput.MEAN
                            : LogisticFitter.MissingInput.DROP_ROWS)
                    .build();
            if (labels.rows() > 0 && labels.censored() == labels.rows()) {
                throw new InputException(allCensored(labels));
            }
            try {
                fit = fitter.fit(labels);
            } catch (FitException e) {
                throw new InputException(snapshots + ": cannot fit: " + e.getMessage());
            }
            progress.update(3, 3);
            progress.done(String.format(Locale.ROOT, "read %,d snapshots and %,d outcomes, fitted on %,d rows",
                    history.size(), outcomeList.size(), fit.rows()));
            HealthModels registry = HealthModels.load();
            OutputFiles.write(out, registry.write(fit.definition(), outFormat));
            print(w, fit, labels);
            w.println("Wrote " + out);
            if (scorecard != null) {
                SignalFrame frame = labels.uncensoredFrame();
                ScorecardSuggestion s = ScorecardSuggestions.suggest(fit, frame, labels.uncensoredEvents(),
                        ModelId.of(id + "-scorecard", version));
                OutputFiles.write(scorecard, registry.write(s.scorecard(), scorecardFormat.orElseThrow()));
                w.printf(Locale.ROOT, "Suggested scorecard: ROC AUC %.4f against the logistic model's %.4f on the"
                        + " training snapshots (loses %.4f); wrote %s%n", s.scorecardAuc(), s.logisticAuc(),
                        s.aucLoss(), scorecard);
            }
            w.flush();
            return 0;
        }

        /** Why nothing can be fitted when every row is censored, and what to do, in the command line's options. */
        private String allCensored(Labels labels) {
            String end = observedUntil != null ? "--observed-until " + observedUntil
                    : "the end of the data, " + labels.endOfObservation().toString().substring(0, 10) + " (the default"
                    + " of --observed-until)";
            return String.format(Locale.ROOT, "%s: nothing to fit: every one of the %,d snapshots is censored: its %s"
                    + " horizon ends after %s, so whether churn followed it is not known; pass a later"
                    + " --observed-until (if the outcomes are known until then), a shorter --horizon, or older"
                    + " snapshots", snapshots, labels.rows(), labels.horizon(), end);
        }

        private void print(PrintWriter w, LogisticFit fit, Labels labels) {
            w.printf(Locale.ROOT, "Logistic churn model %s: churn within %s, %,d snapshots (%,d churned), %,d"
                            + " censored, %,d left out for a missing value%n", fit.definition().id(), horizon,
                    fit.rows(), fit.events(), labels.censored(), fit.droppedRows());
            w.printf(Locale.ROOT, "  converged in %d Newton-Raphson iterations (last step %.1e, gradient %.1e);"
                            + " log-likelihood %.3f, null %.3f, pseudo-R2 %.4f; L2 %s%n", fit.iterations(),
                    fit.lastStep(), fit.gradientNorm(), fit.logLikelihood(), fit.nullLogLikelihood(),
                    fit.pseudoRSquared(), fit.l2());
            w.printf(Locale.ROOT, "  %-34s %10s %10s %8s %10s %12s%n", "term", "per sd", "std error", "z",
                    "p", "per unit");
            List<Coefficient> all = new ArrayList<>();
            all.add(fit.intercept());
            all.addAll(fit.coefficients());
            for (Coefficient c : all) {
                w.printf(Locale.ROOT, "  %-34s %10.4f %10.4f %8.2f %10.3g %12.4g%n", c.term(), c.estimate(),
                        c.standardError(), c.z(), c.pValue(), c.rawEstimate());
            }
        }
    }
}
