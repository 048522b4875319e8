package dev.kizuna.examples.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kizuna.core.csv.CsvFormats;
import dev.kizuna.core.csv.InputException;
import dev.kizuna.core.csv.Rows;
import dev.kizuna.core.event.RecurringCharge;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.core.event.SurveyResponse;
import dev.kizuna.core.event.UsageRecord;
import dev.kizuna.examples.cli.report.MetricsReport;
import dev.kizuna.metrics.revenue.ChurnRecognition;
import dev.kizuna.metrics.revenue.LedgerOptions;
import dev.kizuna.metrics.revenue.MrrLedger;
import dev.kizuna.metrics.revenue.ReactivationWindow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Currency;
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

    /** The most months one report spans: 100 years. */
    static final int MAX_MONTHS = 1_200;

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
        Rows<SubscriptionEvent> eventRows = CsvFormats.subscriptionEvents(events);
        Optional<Rows<SurveyResponse>> surveyRows = surveys == null ? Optional.empty()
                : Optional.of(CsvFormats.surveys(surveys));
        Optional<Rows<UsageRecord>> usageRows = usage == null ? Optional.empty()
                : Optional.of(CsvFormats.usage(usage));
        checkOneCurrency(eventRows);
        LedgerOptions options = LedgerOptions.defaults().withChurnRecognition(churn.recognition)
                .withReactivationWindow(reactivationWindowDays == null ? ReactivationWindow.unlimited()
                        : ReactivationWindow.ofDays(reactivationWindowDays));
        MrrLedger ledger = inputRule(eventRows, () -> MrrLedger.build(eventRows.values(), options));
        YearMonth last = to != null ? to : ledger.lastMovementDate().map(YearMonth::from)
                .orElseThrow(() -> new InputException(events + ": no event starts a paid subscription, so"
                        + " there is no month with MRR to report; give --from and --to to report months anyway"));
        YearMonth first = from != null ? from : ledger.firstMovementDate().map(YearMonth::from)
                .map(m -> m.isAfter(last.minusMonths(11)) ? m : last.minusMonths(11)).orElse(last);
        if (first.isAfter(last)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--from: " + first + " is after --to " + last);
        }
        if (first.plusMonths(MAX_MONTHS - 1L).isBefore(last)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--from, --to: " + first + " to " + last
                    + " is over the limit of " + MAX_MONTHS + " months; report a shorter span");
        }
        MetricsReport revenue = MetricsReport.of(ledger, first, last);
        MetricsReport withVoc = surveyRows.isEmpty() ? revenue
                : inputRule(surveyRows.get(), () -> revenue.withVoc(surveyRows.get().values()));
        MetricsReport report = usageRows.isEmpty() ? withVoc
                : inputRule(usageRows.get(), () -> withVoc.withUsage(usageRows.get().values()));
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
     * Checks that the events are in one currency, naming the first event in another: the tool has no conversion
     * rates, so each currency's figures come from a file of their own.
     */
    private static void checkOneCurrency(Rows<SubscriptionEvent> rows) {
        if (rows.size() == 0) {
            throw new InputException(rows.file() + ": the file has no subscription event; metrics need at least one"
                    + " START event");
        }
        int first = -1;
        for (int i = 0; i < rows.size(); i++) {
            Optional<RecurringCharge> charge = rows.values().get(i).charge();
            if (charge.isEmpty()) {
                continue;
            }
            if (first < 0) {
                first = i;
                continue;
            }
            Currency expected = rows.values().get(first).charge().orElseThrow().unitPrice().currency();
            Currency currency = charge.get().unitPrice().currency();
            if (!currency.equals(expected)) {
                throw new InputException(rows.where(i) + ": the charge is in " + currency.getCurrencyCode()
                        + " but the first charge (line " + rows.lines()[first] + ") is in "
                        + expected.getCurrencyCode() + "; the tool computes metrics in one currency, without"
                        + " conversion rates: give each currency's events in a file of their own");
            }
        }
    }

    /**
     * Runs {@code step}, reporting a rule its input breaks (an event out of order, answers on two scales) as an input
     * error at the record's line, without a stack trace.
     */
    private static <T> T inputRule(Rows<?> rows, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw new InputException(rows.locate(e.getMessage()));
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
