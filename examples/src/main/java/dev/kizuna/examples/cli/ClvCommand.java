package dev.kizuna.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kizuna.core.Money;
import dev.kizuna.core.csv.CsvFormats;
import dev.kizuna.core.csv.InputException;
import dev.kizuna.core.csv.InputFile;
import dev.kizuna.core.json.KizunaJson;
import dev.kizuna.examples.cli.input.ClvInputs;
import dev.kizuna.metrics.clv.BgNbdModel;
import dev.kizuna.metrics.json.ClvJsonModule;
import dev.kizuna.metrics.clv.GammaGammaModel;
import dev.kizuna.metrics.clv.ParetoNbdModel;
import dev.kizuna.metrics.clv.RfmTimeUnit;
import dev.kizuna.metrics.clv.SbgModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/** {@code kizuna clv}: fits the customer-lifetime-value models and predicts with them. */
@Command(name = "clv", mixinStandardHelpOptions = true,
        description = {"Customer lifetime value: BG/NBD, Pareto/NBD, Gamma-Gamma and sBG models.",
            "Fit a model with 'clv fit', then predict P(alive), expected transactions and CLV with 'clv predict'."},
        subcommands = {ClvFitCommand.class, ClvPredictCommand.class})
final class ClvCommand implements Runnable {
    /** The JSON mapper for fitted models: Kizuna's limits and {@link ClvJsonModule}. */
    static final ObjectMapper MAPPER = KizunaJson.newObjectMapper().registerModule(new ClvJsonModule());

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The models {@code clv fit} knows, by the tag their JSON carries. */
    enum Model {
        BG_NBD("bg-nbd", "BG/NBD", BgNbdModel.class),
        PARETO_NBD("pareto-nbd", "Pareto/NBD", ParetoNbdModel.class),
        GAMMA_GAMMA("gamma-gamma", "Gamma-Gamma", GammaGammaModel.class),
        SBG("sbg", "sBG", SbgModel.class);

        final String tag;
        final String title;
        final Class<?> type;

        Model(String tag, String title, Class<?> type) {
            this.tag = tag;
            this.title = title;
            this.type = type;
        }

        static Model of(String tag) {
            for (Model m : values()) {
                if (m.tag.equalsIgnoreCase(tag)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("'" + tag + "' is not one of bg-nbd, pareto-nbd, gamma-gamma, sbg");
        }

        /** Reads {@code --model} values by tag. */
        static final class Converter implements CommandLine.ITypeConverter<Model> {
            @Override
            public Model convert(String value) {
                try {
                    return of(value);
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.TypeConversionException(e.getMessage());
                }
            }
        }

        /** The tags, for help and completion. */
        static final class Tags implements Iterable<String> {
            @Override
            public Iterator<String> iterator() {
                return List.of("bg-nbd", "pareto-nbd", "gamma-gamma", "sbg").iterator();
            }
        }
    }

    /** Reads {@code --unit} values: weeks or days, in any case. */
    static final class UnitConverter implements CommandLine.ITypeConverter<RfmTimeUnit> {
        @Override
        public RfmTimeUnit convert(String value) {
            try {
                return RfmTimeUnit.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not weeks or days");
            }
        }
    }

    /**
     * Reads a fitted model as {@code kizuna clv fit --out} writes it, whatever its kind.
     *
     * @throws InputException naming the file and the line or JSON path of the problem
     */
    static Object readModel(Path file) {
        InputFile input = InputFile.of(file);
        JsonNode tree;
        try (java.io.Reader reader = input.reader()) {
            tree = MAPPER.readTree(reader);
        } catch (IOException e) {
            throw CsvFormats.jsonSyntax(input, e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new InputException(file + ": the file is empty; expected a fitted model, as 'kizuna clv fit --out'"
                    + " writes it");
        }
        JsonNode tag = tree.path("model");
        if (!tag.isTextual()) {
            throw new InputException(file + ": $.model: expected the model's tag (bg-nbd, pareto-nbd, gamma-gamma "
                    + "or sbg), as 'kizuna clv fit --out' writes it");
        }
        Model model;
        try {
            model = Model.of(tag.asText());
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": $.model: " + e.getMessage());
        }
        try {
            return MAPPER.treeToValue(tree, model.type);
        } catch (JsonProcessingException e) {
            throw new InputException(file + ": " + KizunaJson.describe(e));
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": " + e.getMessage());
        }
    }

    /** The options that say where the customers come from, shared by {@code fit} and {@code predict}. */
    static final class DataOptions {
        @Spec(Spec.Target.MIXEE)
        private CommandSpec mixee;

        @Option(names = "--summary", paramLabel = "FILE",
                description = "An RFM summary CSV: frequency,recency,T (lifetimes) or x,t_x,T (Hardie), optionally "
                        + "monetary_value or zbar (mean repeat spend) and an id column.")
        Path summary;

        @Option(names = "--transactions", paramLabel = "FILE",
                description = "A transaction log: CSV with customer,date[,amount], or CDNOW's text layouts "
                        + "(id date cds dollars, or master_id sample_id date cds dollars).")
        Path transactions;

        @Option(names = "--calibration-end", paramLabel = "DATE",
                description = "The last day of the calibration window (yyyy-mm-dd), with --transactions.")
        LocalDate calibrationEnd;

        @Option(names = "--unit", paramLabel = "UNIT", defaultValue = "weeks", converter = UnitConverter.class,
                description = "The time unit of recency, T and horizons: weeks (default) or days.")
        RfmTimeUnit unit;

        @Option(names = "--currency", paramLabel = "CODE", defaultValue = "USD",
                description = "The currency of a transaction log's amounts (default: ${DEFAULT-VALUE}).")
        String currency;

        boolean given() {
            return summary != null || transactions != null;
        }

        /** Reads the customers, after checking that the options make sense together. */
        ClvInputs.Cohort load(Progress progress) {
            CommandLine cli = mixee.commandLine();
            if ((summary == null) == (transactions == null)) {
                throw new CommandLine.ParameterException(cli, "give either --summary FILE or --transactions FILE");
            }
            if (summary != null) {
                if (calibrationEnd != null) {
                    throw new CommandLine.ParameterException(cli, "--calibration-end goes with --transactions only");
                }
                if (cli.getParseResult().hasMatchedOption("--currency")) {
                    throw new CommandLine.ParameterException(cli, "--currency: the currency of a transaction log's"
                            + " amounts goes with --transactions only; a summary's mean spend has none");
                }
                return ClvInputs.summary(summary, unit, progress);
            }
            if (calibrationEnd == null) {
                throw new CommandLine.ParameterException(cli, "--transactions needs --calibration-end DATE");
            }
            Currency c;
            try {
                c = Money.currency(currency);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cli, "--currency: '" + currency + "' is not an ISO 4217"
                        + " currency code, such as USD, EUR or JPY");
            }
            return ClvInputs.transactions(transactions, calibrationEnd, unit, c, progress);
        }
    }
}
