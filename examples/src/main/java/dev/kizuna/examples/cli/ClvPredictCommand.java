package dev.kizuna.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kizuna.core.csv.InputException;
import dev.kizuna.examples.cli.input.ClvInputs;
import dev.kizuna.metrics.clv.BgNbdModel;
import dev.kizuna.metrics.clv.ClvHorizon;
import dev.kizuna.metrics.clv.CustomerLifetimeValue;
import dev.kizuna.metrics.clv.GammaGammaModel;
import dev.kizuna.metrics.clv.RfmSummary;
import dev.kizuna.metrics.clv.RfmTimeUnit;
import dev.kizuna.metrics.clv.TransactionModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code kizuna clv predict}: per-customer P(alive), expected transactions and CLV from fitted models. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Predicts, for every customer of a summary or transaction log, P(alive), the expected "
            + "transactions over --horizon and, with a Gamma-Gamma spend model, the expected spend per transaction "
            + "and the discounted CLV over --months.",
            "Models are the JSON files 'kizuna clv fit --out' writes. Output: CSV (default) or JSON, in input order."})
final class ClvPredictCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "A fitted BG/NBD or Pareto/NBD model (JSON from 'kizuna clv fit --out').")
    private Path modelFile;

    @Option(names = "--spend-model", paramLabel = "FILE",
            description = "A fitted Gamma-Gamma model, to add expected spend and CLV (the summary needs spend).")
    private Path spendFile;

    @Mixin
    private ClvCommand.DataOptions data;

    @Option(names = "--horizon", paramLabel = "T",
            description = "The horizon of the expected transactions, in --unit (default: 52 weeks or 365 days).")
    private Double horizon;

    @Option(names = "--months", paramLabel = "N", defaultValue = "12",
            description = "CLV horizon in months of 365.25/12 days (default: ${DEFAULT-VALUE}).")
    private int months;

    @Option(names = "--discount", paramLabel = "RATE", defaultValue = "0.01",
            description = "CLV discount rate per month (default: ${DEFAULT-VALUE}).")
    private double discount;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", description = "csv (default) or json.")
    private String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the predictions to FILE instead of standard output.")
    private Path out;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on standard error.")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        CommandLine cli = spec.commandLine();
        if (!format.equals("csv") && !format.equals("json")) {
            throw new CommandLine.ParameterException(cli, "--format: '" + format + "' is not csv or json");
        }
        CommandLine.ParseResult parsed = cli.getParseResult();
        if (spendFile == null && (parsed.hasMatchedOption("--months") || parsed.hasMatchedOption("--discount"))) {
            throw new CommandLine.ParameterException(cli, (parsed.hasMatchedOption("--months") ? "--months"
                    : "--discount") + ": sets the CLV, which needs a spend model; give --spend-model FILE, or leave"
                    + " out --months and --discount");
        }
        Object read = ClvCommand.readModel(modelFile);
        if (!(read instanceof TransactionModel model)) {
            throw new InputException(modelFile + ": a " + read.getClass().getSimpleName() + " does not predict "
                    + "transactions; give a BG/NBD or Pareto/NBD model");
        }
        Optional<GammaGammaModel> spend = Optional.empty();
        if (spendFile != null) {
            Object s = ClvCommand.readModel(spendFile);
            if (!(s instanceof GammaGammaModel gg)) {
                throw new InputException(spendFile + ": a " + s.getClass().getSimpleName() + " is not a Gamma-Gamma "
                        + "spend model");
            }
            if (gg.q() <= 1) {
                throw new InputException(spendFile + ": q = " + gg.q() + " <= 1, so the expected spend per "
                        + "transaction is infinite and CLV is undefined");
            }
            spend = Optional.of(gg);
        }
        Progress progress = Progress.of(cli.getErr(), quiet);
        ClvInputs.Cohort cohort = data.load(progress);
        RfmSummary s = cohort.summary();
        if (spend.isPresent() && !s.hasSpend()) {
            throw new InputException(cohort.file() + ": no mean spend column (monetary_value or zbar), which CLV needs");
        }
        double t = horizon != null ? horizon : s.unit() == RfmTimeUnit.WEEKS ? 52 : 365;
        ClvHorizon clvHorizon;
        try {
            if (!(t >= 0) || Double.isInfinite(t)) {
                throw new IllegalArgumentException("horizon: " + t + " must be a finite number >= 0");
            }
            clvHorizon = ClvHorizon.months(months, s.unit(), discount);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, e.getMessage());
        }

        progress.start("predicting for " + s.size() + " customers");
        Predictions p;
        try {
            p = Predictions.of(model, spend, t, clvHorizon, s);
        } catch (ArithmeticException e) {
            throw undefined(cohort, "do not converge");
        }
        if (!p.finite()) {
            throw undefined(cohort, "are undefined");
        }
        progress.done(String.format(Locale.ROOT, "predicted for %,d customers", s.size()));

        progress.start("writing predictions");
        if (out == null) {
            PrintWriter w = cli.getOut();
            write(p, w);
            w.flush();
        } else {
            try (OutputStream os = Files.newOutputStream(out);
                 Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16)) {
                write(p, w);
            } catch (IOException e) {
                throw OutputFiles.cannotWrite(out, e);
            }
        }
        progress.done("wrote " + s.size() + " predictions" + (out == null ? "" : " to " + out));
        return 0;
    }

    /** A model whose predictions on these customers are undefined: fitted at a limit of its range. */
    private InputException undefined(ClvInputs.Cohort cohort, String what) {
        return new InputException(modelFile + ": its predictions for the customers of " + cohort.file() + " " + what
                + ": its parameters lie at a limit of the model's range, where a fit on too few customers ends; fit it"
                + " on more customers with repeat purchases");
    }

    private void write(Predictions p, Writer w) throws IOException {
        if (format.equals("csv")) {
            p.writeCsv(w);
        } else {
            p.writeJson(w, ClvCommand.MAPPER.getFactory().createGenerator(w));
        }
    }

    /** The columns of the output, computed with the library's batch methods. */
    record Predictions(String model, RfmSummary summary, double horizon, double[] alive, double[] expected,
                       Optional<ClvHorizon> clvHorizon, double[] expectedSpend, double[] clv) {

        static Predictions of(TransactionModel model, Optional<GammaGammaModel> spend, double horizon,
                              ClvHorizon clvHorizon, RfmSummary s) {
            double[] alive = model.probabilityAlive(s);
            double[] expected = model.conditionalExpectedTransactions(horizon, s);
            String tag = model instanceof BgNbdModel ? "bg-nbd" : "pareto-nbd";
            if (spend.isEmpty()) {
                return new Predictions(tag, s, horizon, alive, expected, Optional.empty(), new double[0], new double[0]);
            }
            return new Predictions(tag, s, horizon, alive, expected, Optional.of(clvHorizon),
                    spend.get().conditionalExpectedSpend(s), CustomerLifetimeValue.of(model, spend.get(), clvHorizon, s));
        }

        /** Returns whether every prediction is a finite number. */
        boolean finite() {
            for (double[] column : List.of(alive, expected, expectedSpend, clv)) {
                for (double v : column) {
                    if (!Double.isFinite(v)) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** The CSV header row's columns. */
        List<String> columns() {
            return clvHorizon.isPresent()
                    ? List.of("customer", "frequency", "recency", "T", "p_alive", "expected_transactions",
                    "expected_spend", "clv")
                    : List.of("customer", "frequency", "recency", "T", "p_alive", "expected_transactions");
        }

        void writeCsv(Writer w) throws IOException {
            w.write(String.join(",", columns()));
            w.write('\n');
            int[] x = summary.frequencies();
            double[] tx = summary.recencies();
            double[] age = summary.ages();
            StringBuilder line = new StringBuilder(128);
            for (int i = 0; i < x.length; i++) {
                line.setLength(0);
                line.append(csv(summary.customers().get(i).value())).append(',').append(x[i]).append(',')
                        .append(tx[i]).append(',').append(age[i]).append(',').append(alive[i]).append(',')
                        .append(expected[i]);
                if (clvHorizon.isPresent()) {
                    line.append(',').append(expectedSpend[i]).append(',').append(clv[i]);
                }
                line.append('\n');
                w.append(line);
            }
        }

        void writeJson(Writer w, JsonGenerator g) throws IOException {
            g.writeStartObject();
            g.writeStringField("model", model);
            g.writeStringField("unit", ClvInputs.unitName(summary.unit()));
            g.writeNumberField("horizon", horizon);
            if (clvHorizon.isPresent()) {
                g.writeObjectFieldStart("clvHorizon");
                g.writeNumberField("periods", clvHorizon.get().periods());
                g.writeNumberField("periodLength", clvHorizon.get().periodLength());
                g.writeNumberField("discountRate", clvHorizon.get().discountRate());
                g.writeEndObject();
            }
            g.writeArrayFieldStart("customers");
            int[] x = summary.frequencies();
            double[] tx = summary.recencies();
            double[] age = summary.ages();
            for (int i = 0; i < x.length; i++) {
                g.writeStartObject();
                g.writeStringField("customer", summary.customers().get(i).value());
                g.writeNumberField("frequency", x[i]);
                g.writeNumberField("recency", tx[i]);
                g.writeNumberField("T", age[i]);
                g.writeNumberField("p_alive", alive[i]);
                g.writeNumberField("expected_transactions", expected[i]);
                if (clvHorizon.isPresent()) {
                    g.writeNumberField("expected_spend", expectedSpend[i]);
                    g.writeNumberField("clv", clv[i]);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.flush();
            w.write('\n');
        }

        private static String csv(String value) {
            if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
                return value;
            }
            return '"' + value.replace("\"", "\"\"") + '"';
        }
    }
}
