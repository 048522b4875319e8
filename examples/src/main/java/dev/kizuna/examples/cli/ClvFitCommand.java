package dev.kizuna.examples.cli;

import dev.kizuna.core.csv.InputException;
import dev.kizuna.core.csv.TextValues;
import dev.kizuna.examples.cli.demo.ClvDemo;
import dev.kizuna.examples.cli.input.ClvInputs;
import dev.kizuna.metrics.clv.BgNbdModel;
import dev.kizuna.metrics.clv.FitOptions;
import dev.kizuna.metrics.clv.FitReport;
import dev.kizuna.metrics.clv.GammaGammaModel;
import dev.kizuna.metrics.clv.ParetoNbdModel;
import dev.kizuna.metrics.clv.RfmSummary;
import dev.kizuna.metrics.clv.SbgModel;
import dev.kizuna.metrics.clv.TransactionModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code kizuna clv fit}: fits one model by maximum likelihood and prints the estimates. */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fits a CLV model by maximum likelihood and prints its parameters, standard errors, "
            + "log-likelihood and customer counts.",
            "BG/NBD, Pareto/NBD and Gamma-Gamma read --summary or --transactions; sBG reads --survival or --lifetimes."})
final class ClvFitCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL", converter = ClvCommand.Model.Converter.class,
            completionCandidates = ClvCommand.Model.Tags.class,
            description = "bg-nbd, pareto-nbd, gamma-gamma or sbg.")
    private ClvCommand.Model model;

    @Mixin
    private ClvCommand.DataOptions data;

    @Option(names = "--survival", split = ",", paramLabel = "COUNT",
            description = "sBG: customers still under contract at the start of periods 0, 1, 2, ... "
                    + "(e.g. 1000,631,468,382,326).")
    private long[] survival;

    @Option(names = "--lifetimes", paramLabel = "FILE",
            description = "sBG: a CSV with periods,churned per customer (churned false: still a customer).")
    private Path lifetimes;

    @Option(names = "--exclude-ineligible",
            description = "Gamma-Gamma: leave out repeat customers whose mean spend is 0 or less instead of failing.")
    private boolean excludeIneligible;

    @Option(names = "--starts", paramLabel = "N", defaultValue = "3",
            description = "Starting points of the optimiser (default: ${DEFAULT-VALUE}).")
    private int starts;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default) or json (the model as --out writes it).")
    private String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the fitted model as JSON to FILE, "
            + "for 'kizuna clv predict --model FILE'.")
    private Path out;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on standard error.")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        CommandLine cli = spec.commandLine();
        if (!format.equals("table") && !format.equals("json")) {
            throw new CommandLine.ParameterException(cli, "--format: '" + format + "' is not table or json");
        }
        if (excludeIneligible && model != ClvCommand.Model.GAMMA_GAMMA) {
            throw new CommandLine.ParameterException(cli, "--exclude-ineligible: leaves out customers the Gamma-Gamma"
                    + " model cannot use, so it goes with --model gamma-gamma only");
        }
        FitOptions options;
        try {
            options = FitOptions.withStarts(starts);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, "--starts: " + e.getMessage());
        }
        Progress progress = Progress.of(cli.getErr(), quiet);
        Fitted fitted = model == ClvCommand.Model.SBG ? fitSbg(cli, options, progress) : fitCohort(cli, options, progress);
        PrintWriter w = cli.getOut();
        if (format.equals("json")) {
            w.println(ClvCommand.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(fitted.model));
        } else {
            printTable(w, fitted);
        }
        w.flush();
        if (out != null) {
            progress.start("writing " + out);
            OutputFiles.write(out, ClvCommand.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(fitted.model)
                    + "\n");
            progress.done("wrote the fitted model to " + out);
        }
        return 0;
    }

    /** A fitted model with what the table prints about it. */
    private record Fitted(Object model, String title, Map<String, Double> parameters, FitReport report,
                          List<String> notes) {
    }

    private Fitted fitCohort(CommandLine cli, FitOptions options, Progress progress) throws IOException {
        if (survival != null || lifetimes != null) {
            throw new CommandLine.ParameterException(cli, "--survival and --lifetimes are for --model sbg");
        }
        if (!data.given()) {
            throw new CommandLine.ParameterException(cli, "--model " + model.tag + " needs --summary FILE or "
                    + "--transactions FILE --calibration-end DATE");
        }
        ClvInputs.Cohort cohort = data.load(progress);
        RfmSummary s = cohort.summary();
        int repeaters = 0;
        for (int x : s.frequencies()) {
            repeaters += x > 0 ? 1 : 0;
        }
        progress.start("fitting " + model.title);
        Fitted fitted;
        try {
            switch (model) {
                case BG_NBD -> {
                    BgNbdModel m = BgNbdModel.fit(s, options);
                    requirePredictions(m, cohort);
                    fitted = transactionFit(m, m.parameters(), m.report().orElseThrow(), cohort, repeaters);
                }
                case PARETO_NBD -> {
                    ParetoNbdModel m = ParetoNbdModel.fit(s, options);
                    requirePredictions(m, cohort);
                    fitted = transactionFit(m, m.parameters(), m.report().orElseThrow(), cohort, repeaters);
                }
                default -> fitted = fitGammaGamma(cohort, options);
            }
        } catch (IllegalArgumentException e) {
            throw new InputException(cohort.file() + ": " + ClvDemo.notFitted(model.title, s.size(),
                    TextValues.withoutField(e.getMessage())));
        }
        progress.done("fitted " + model.title + " (" + fitted.report.status() + ", " + fitted.report.evaluations()
                + " log-likelihood evaluations)");
        return fitted;
    }

    /**
     * Refuses a fit that ran to a limit of the model where its predictions on the customers are undefined: on a
     * handful of customers the likelihood may have no maximum inside the model's range.
     */
    private void requirePredictions(TransactionModel m, ClvInputs.Cohort cohort) {
        ClvDemo.undefinedPredictions(m, cohort.summary()).ifPresent(why -> {
            throw new InputException(cohort.file() + ": " + ClvDemo.notFitted(model.title, cohort.summary().size(),
                    why));
        });
    }

    private Fitted fitGammaGamma(ClvInputs.Cohort cohort, FitOptions options) {
        RfmSummary s = cohort.summary();
        if (!s.hasSpend()) {
            throw new InputException(cohort.file() + ": no mean spend column (monetary_value or zbar), which the "
                    + "Gamma-Gamma model needs");
        }
        int[] x = s.frequencies();
        double[] m = s.meanRepeatSpends();
        int noRepeat = 0;
        int noSpend = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == 0) {
                noRepeat++;
            } else if (!(m[i] > 0)) {
                noSpend++;
                if (!excludeIneligible) {
                    throw new InputException(cohort.where(i) + ": customer '" + s.customers().get(i) + "' has "
                            + x[i] + " repeat purchase(s) and a mean spend of " + m[i] + "; the Gamma-Gamma model "
                            + "needs spend > 0 (pass --exclude-ineligible to leave such customers out)");
                }
            }
        }
        GammaGammaModel g = GammaGammaModel.fit(s, GammaGammaModel.Ineligible.EXCLUDE, options);
        FitReport r = g.report().orElseThrow();
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "%,d used; %,d left out (no repeat purchase: %,d, mean spend <= 0: %,d)",
                r.customers(), r.excludedCustomers(), noRepeat, noSpend));
        if (g.q() > 1) {
            notes.add(String.format(Locale.ROOT, "population mean spend per transaction %.6g", g.populationMeanSpend()));
        }
        return new Fitted(g, "Gamma-Gamma fitted on " + cohort.source(), g.parameters(), r, notes);
    }

    private Fitted fitSbg(CommandLine cli, FitOptions options, Progress progress) throws IOException {
        if (data.given()) {
            throw new CommandLine.ParameterException(cli, "--model sbg reads --survival or --lifetimes, not "
                    + "--summary or --transactions");
        }
        if ((survival == null) == (lifetimes == null)) {
            throw new CommandLine.ParameterException(cli, "--model sbg needs either --survival COUNTS or --lifetimes FILE");
        }
        for (String option : List.of("--calibration-end", "--unit", "--currency")) {
            if (cli.getParseResult().hasMatchedOption(option)) {
                throw new CommandLine.ParameterException(cli, option + ": goes with --summary or --transactions;"
                        + " --model sbg counts contract periods, so leave it out");
            }
        }
        progress.start("fitting sBG");
        SbgModel m;
        String source;
        if (survival != null) {
            try {
                m = SbgModel.fitSurvival(options, survival);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cli, "--survival: " + e.getMessage());
            }
            source = String.format(Locale.ROOT, "a survival curve of %d periods, cohort of %,d", survival.length - 1,
                    survival[0]);
        } else {
            ClvInputs.Lifetimes l = ClvInputs.lifetimes(lifetimes);
            try {
                m = SbgModel.fitLifetimes(l.periods(), l.churned(), options);
            } catch (IllegalArgumentException e) {
                throw new InputException(lifetimes + ": " + e.getMessage());
            }
            source = String.format(Locale.ROOT, "%s (%,d customers)", lifetimes.getFileName(), l.periods().length);
        }
        FitReport r = m.report().orElseThrow();
        progress.done("fitted sBG (" + r.status() + ")");
        double[] projected = m.projectSurvival(5);
        StringBuilder curve = new StringBuilder("projected survival S(1..5)");
        for (int t = 1; t < projected.length; t++) {
            curve.append(String.format(Locale.ROOT, " %.4f", projected[t]));
        }
        List<String> notes = List.of(String.format(Locale.ROOT, "%,d in the cohort", r.customers()), curve.toString());
        return new Fitted(m, "sBG fitted on " + source, m.parameters(), r, notes);
    }

    private Fitted transactionFit(Object fitted, Map<String, Double> parameters, FitReport report,
                                  ClvInputs.Cohort cohort, int repeaters) {
        List<String> notes = List.of(String.format(Locale.ROOT, "%,d (%,d with repeat purchases)", report.customers(),
                repeaters));
        return new Fitted(fitted, model.title + " fitted on " + cohort.source(), parameters, report, notes);
    }

    private static void printTable(PrintWriter w, Fitted f) {
        w.println(f.title);
        w.printf(Locale.ROOT, "  %-16s %14s %14s%n", "parameter", "estimate", "std. error");
        for (Map.Entry<String, Double> p : f.parameters.entrySet()) {
            Double se = f.report.standardErrors().get(p.getKey());
            w.printf(Locale.ROOT, "  %-16s %14s %14s%n", p.getKey(), number(p.getValue()), se == null ? "-" : number(se));
        }
        FitReport r = f.report;
        w.printf(Locale.ROOT, "  %-16s %s%n", "log-likelihood", String.format(Locale.ROOT, "%.4f", r.logLikelihood()));
        w.printf(Locale.ROOT, "  %-16s %s: %d of %d starts reached the optimum; %d iterations, %d evaluations, "
                        + "gradient %.2g%n", "status", r.status(), r.startsAtOptimum(), r.starts(), r.iterations(),
                r.evaluations(), r.gradientNorm());
        for (int i = 0; i < f.notes.size(); i++) {
            w.printf(Locale.ROOT, "  %-16s %s%n", i == 0 ? "customers" : "", f.notes.get(i));
        }
    }

    /** A parameter or standard error as the table prints it: six significant digits. */
    static String number(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
