package dev.kizuna.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.core.event.SurveyResponse;
import dev.kizuna.core.event.UsageRecord;
import dev.kizuna.metrics.revenue.ChurnRecognition;
import dev.kizuna.metrics.revenue.LedgerOptions;
import dev.kizuna.metrics.revenue.MrrLedger;
import dev.kizuna.metrics.revenue.ReactivationWindow;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code kizuna metrics}: the monthly MRR bridge, retention rates and VoC figures of the host's own files, as a table or
 * as JSON.
 */
@Command(name = "metrics", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prints the monthly MRR bridge (start, new, expansion, reactivation, contraction, churn, end),"
                + " the retention rates (logo churn, gross and net MRR churn, GRR, NRR, quick ratio) and, when"
                + " survey answers are given, NPS, CSAT and CES.",
            "Files are CSV (with a header row) or JSON arrays, by their extension; cs-metrics/README.md lists the CSV columns."})
final class MetricsCommand implements Callable<Integer> {
    /** The output formats. */
    enum Format { TABLE, JSON }

    /** When churn is recognised, as the command line spells it. */
    enum Churn {
        SERVICE_END(ChurnRecognition.SERVICE_END),
        CANCELLATION_REQUEST(ChurnRecognition.CANCELLATION_REQUEST);

        final ChurnRecognition recognition;

        Churn(ChurnRecognition recognition) {
            this.recognition = recognition;
        }
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--events", required = true, paramLabel = "FILE",
            description = "Subscription events (.csv or .json). Required.")
    private Path events;

    @Option(names = "--surveys", paramLabel = "FILE", description = "Survey answers: NPS, CSAT and CES (.csv or .json).")
    private Path surveys;

    @Option(names = "--usage", paramLabel = "FILE", description = "Monthly usage records (.csv or .json).")
    private Path usage;

    @Option(names = "--from", paramLabel = "YYYY-MM",
            description = "The first month (default: 11 months before --to, or the first month with MRR).")
    private YearMonth from;

    @Option(names = "--to", paramLabel = "YYYY-MM",
            description = "The last month (default: the month of the last MRR movement).")
    private YearMonth to;

    @Option(names = "--churn-recognition", paramLabel = "WHEN", converter = ChurnConverter.class,
            description = "When a cancellation's MRR leaves: service-end (default) or cancellation-request.")
    private Churn churn = Churn.SERVICE_END;

    @Option(names = "--reactivation-window", paramLabel = "DAYS",
            description = "Days after churning within which a return is a reactivation, not new business"
                    + " (default: unlimited).")
    private Long reactivationWindowDays;

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "table (default) or json.")
    private Format format = Format.TABLE;

    @Override
    public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        if (reactivationWindowDays != null && reactivationWindowDays < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--reactivation-window: " + reactivationWindowDays + " must be >= 0");
        }
        List<SubscriptionEvent> eventList = InputFiles.subscriptionEvents(events);
        Optional<List<SurveyResponse>> surveyList = surveys == null ? Optional.empty()
                : Optional.of(InputFiles.surveys(surveys));
        Optional<List<UsageRecord>> usageList = usage == null ? Optional.empty() : Optional.of(InputFiles.usage(usage));
        LedgerOptions options = LedgerOptions.defaults().withChurnRecognition(churn.recognition)
                .withReactivationWindow(reactivationWindowDays == null ? ReactivationWindow.unlimited()
                        : ReactivationWindow.ofDays(reactivationWindowDays));
        MrrLedger ledger = inputRule(events, () -> MrrLedger.build(eventList, options));
        YearMonth last = to != null ? to : ledger.lastMovementDate().map(YearMonth::from)
                .orElseThrow(() -> new InputFiles.UncheckedInputException(events + ": no paid MRR in any event, so"
                        + " there is no month to report; give --from and --to"));
        YearMonth first = from != null ? from : ledger.firstMovementDate().map(YearMonth::from)
                .map(m -> m.isAfter(last.minusMonths(11)) ? m : last.minusMonths(11)).orElse(last);
        if (first.isAfter(last)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--from: " + first + " is after --to " + last);
        }
        MetricsReport revenue = MetricsReport.of(ledger, first, last);
        MetricsReport withVoc = surveyList.isEmpty() ? revenue
                : inputRule(surveys, () -> revenue.withVoc(surveyList.get()));
        MetricsReport report = usageList.isEmpty() ? withVoc
                : inputRule(usage, () -> withVoc.withUsage(usageList.get()));
        if (format == Format.JSON) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
            w.println(mapper.writeValueAsString(report.toJson()));
        } else {
            report.printTable(w);
        }
        w.flush();
        return 0;
    }

    /**
     * Runs {@code step}, reporting a rule its input breaks (an event out of order, answers on two scales) as an input
     * error of {@code file}, without a stack trace.
     */
    private static <T> T inputRule(Path file, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw new InputFiles.UncheckedInputException(file + ": " + e.getMessage());
        }
    }

    /** Reads {@code service-end} or {@code cancellation-request}, in any case. */
    static final class ChurnConverter implements CommandLine.ITypeConverter<Churn> {
        @Override
        public Churn convert(String value) {
            return enumOf(Churn.class, value);
        }
    }

    /** Reads {@code table} or {@code json}, in any case. */
    static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return enumOf(Format.class, value);
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        String name = value.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(e.name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', '-'));
        }
        throw new CommandLine.TypeConversionException("'" + value + "' is not one of " + allowed);
    }
}
