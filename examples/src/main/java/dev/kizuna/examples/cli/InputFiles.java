package dev.kizuna.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.kizuna.core.Account;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.Money;
import dev.kizuna.core.event.BillingInterval;
import dev.kizuna.core.event.Discount;
import dev.kizuna.core.event.RecurringCharge;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.core.event.SurveyResponse;
import dev.kizuna.core.event.SurveyScale;
import dev.kizuna.core.event.UsagePeriod;
import dev.kizuna.core.event.UsageRecord;
import dev.kizuna.core.json.KizunaJson;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.backtest.Outcome;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the tool's input files: JSON arrays as {@code kizuna demo --out} writes them, or CSV with a header row.
 * The format follows the file's extension ({@code .json} or {@code .csv}). The CSV columns are documented in the
 * cs-metrics README; a bad row fails with the file, the line, the column and the value.
 */
final class InputFiles {
    /** The largest input file the tool reads, in bytes. */
    static final long MAX_FILE_BYTES = 512L * 1024 * 1024;

    private static final ObjectMapper JSON = KizunaJson.newObjectMapper();
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.FAIL_ON_MISSING_HEADER_COLUMNS).build();

    private InputFiles() {
    }

    /** Subscription events. CSV columns: {@code account,subscription,kind,effective_date,recorded_on,plan,
     * unit_price,currency,quantity,interval,discount_percent,discount_amount,trial}; the charge columns are
     * empty for CANCEL and END. */
    static List<SubscriptionEvent> subscriptionEvents(Path file) throws IOException {
        return read(file, SubscriptionEvent.class, row -> {
            SubscriptionEvent.Kind kind = row.enumValue("kind", SubscriptionEvent.Kind.class);
            Optional<RecurringCharge> charge = Optional.empty();
            if (kind == SubscriptionEvent.Kind.START || kind == SubscriptionEvent.Kind.CHANGE) {
                String currency = row.text("currency");
                Money price = row.build(() -> Money.of(row.decimal("unit_price"), Money.currency(currency)));
                Discount discount = row.optional("discount_amount").isPresent()
                        ? row.build(() -> Discount.amount(Money.of(row.decimal("discount_amount"), price.currency())))
                        : row.optional("discount_percent").isPresent()
                        ? row.build(() -> Discount.percent(row.decimal("discount_percent")))
                        : Discount.none();
                RecurringCharge c = row.build(() -> new RecurringCharge(row.text("plan"), price, row.integer("quantity"),
                        row.enumValue("interval", BillingInterval.class), discount,
                        row.optional("trial").map(Boolean::parseBoolean).orElse(false)));
                charge = Optional.of(c);
            }
            Optional<RecurringCharge> finalCharge = charge;
            LocalDate effective = row.date("effective_date");
            LocalDate recorded = row.optional("recorded_on").isPresent() ? row.date("recorded_on") : effective;
            return row.build(() -> new SubscriptionEvent(AccountId.of(row.text("account")), row.text("subscription"),
                    kind, effective, recorded, finalCharge));
        });
    }

    /** Survey responses. CSV columns: {@code account,respondent,answered_at,kind,score}, and optionally
     * {@code scale_min,scale_max,comment}; without a scale, the kind's default scale applies. */
    static List<SurveyResponse> surveys(Path file) throws IOException {
        return read(file, SurveyResponse.class, row -> {
            SurveyResponse.Kind kind = row.enumValue("kind", SurveyResponse.Kind.class);
            SurveyScale scale = row.optional("scale_min").isPresent()
                    ? row.build(() -> SurveyScale.of(row.integer("scale_min"), row.integer("scale_max")))
                    : kind.defaultScale();
            return row.build(() -> new SurveyResponse(AccountId.of(row.text("account")), row.text("respondent"),
                    row.instant("answered_at"), kind, scale, row.integer("score"), row.optional("comment")));
        });
    }

    /** Usage records. CSV columns: {@code account,date,period,active_users,logins}, and optionally
     * {@code licensed_seats,sessions}. */
    static List<UsageRecord> usage(Path file) throws IOException {
        return read(file, UsageRecord.class, row -> row.build(() -> {
            UsageRecord.Builder b = UsageRecord.builder(AccountId.of(row.text("account")), row.date("date"),
                    row.enumValue("period", UsagePeriod.class))
                    .activeUsers(row.integer("active_users")).logins(row.integer("logins"));
            if (row.optional("licensed_seats").isPresent()) {
                b.licensedSeats(row.integer("licensed_seats"));
            }
            if (row.optional("sessions").isPresent()) {
                b.sessions(row.integer("sessions"));
            }
            return b.build();
        }));
    }

    /** Signal snapshots. CSV columns: {@code account,at}, then one column per signal name; an empty cell is a
     * missing signal. */
    static List<SignalSnapshot> signals(Path file) throws IOException {
        return read(file, SignalSnapshot.class, row -> row.build(() -> {
            SignalSnapshot.Builder b = SignalSnapshot.builder(AccountId.of(row.text("account")), row.instant("at"));
            for (String column : row.columns()) {
                if (!column.equals("account") && !column.equals("at") && row.optional(column).isPresent()) {
                    SignalName name = row.build(() -> SignalName.of(column));
                    b.put(name, row.number(column));
                }
            }
            return b.build();
        }));
    }

    /** Outcomes, for backtests and fits. CSV columns: {@code account,type,date}, the type {@code churned},
     * {@code contracted} or {@code expanded}; JSON: an array of objects with the same three fields. */
    static List<Outcome> outcomes(Path file) throws IOException {
        Function<CsvRow, Outcome> fromRow = row -> row.build(() -> new Outcome(AccountId.of(row.text("account")),
                row.enumValue("type", Outcome.Type.class), row.date("date")));
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            return read(file, Outcome.class, fromRow);
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": no such file");
        }
        List<Map<String, Object>> objects;
        try {
            objects = JSON.readValue(file.toFile(), JSON.getTypeFactory().constructCollectionType(List.class,
                    JSON.getTypeFactory().constructMapType(Map.class, String.class, Object.class)));
        } catch (JsonProcessingException e) {
            throw new InputException(file + ": " + e.getOriginalMessage());
        }
        List<Outcome> out = new ArrayList<>(objects.size());
        for (int i = 0; i < objects.size(); i++) {
            Map<String, String> values = new java.util.LinkedHashMap<>();
            objects.get(i).forEach((k, v) -> values.put(k, v == null ? "" : String.valueOf(v)));
            // A JSON element is reported by its position, as a CSV row by its line.
            out.add(fromRow.apply(new CsvRow(file, i + 1, values)));
        }
        return out;
    }

    /** Accounts: JSON only, as {@code kizuna demo --out} writes them (journeys and contracts do not fit columns). */
    static List<Account> accounts(Path file) throws IOException {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            throw new InputException(file + ": accounts are read from JSON only; the file name must end in .json");
        }
        return read(file, Account.class, row -> {
            throw new UncheckedInputException(file + ": accounts are read from JSON only");
        });
    }

    private static <T> List<T> read(Path file, Class<T> type, Function<CsvRow, T> fromCsv) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": no such file");
        }
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new InputException(file + ": " + Files.size(file) + " bytes is over the limit of " + MAX_FILE_BYTES);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            JavaType listType = JSON.getTypeFactory().constructCollectionType(List.class, type);
            try {
                return JSON.readValue(file.toFile(), listType);
            } catch (JsonProcessingException e) {
                throw new InputException(file + ": " + e.getOriginalMessage()
                        + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
            }
        }
        if (name.endsWith(".csv")) {
            List<T> out = new ArrayList<>();
            CsvSchema schema = CsvSchema.emptySchema().withHeader();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                 MappingIterator<Map<String, String>> rows = CSV.readerFor(Map.class).with(schema).readValues(reader)) {
                while (rows.hasNextValue()) {
                    // The location before reading the row is the row's own line; after it, the next one's.
                    int line = rows.getCurrentLocation().getLineNr();
                    Map<String, String> values = rows.nextValue();
                    out.add(fromCsv.apply(new CsvRow(file, line, values)));
                }
            } catch (JsonProcessingException e) {
                throw new InputException(file + ": " + e.getOriginalMessage());
            }
            return out;
        }
        throw new InputException(file + ": the file name must end in .json or .csv");
    }

    /** A bad input file: the message names the file and, for CSV, the line, column and value. */
    static final class InputException extends IOException {
        private static final long serialVersionUID = 1L;

        InputException(String message) {
            super(message);
        }
    }

    /** One CSV row, read column by column with errors that say where. */
    private record CsvRow(Path file, int line, Map<String, String> values) {

        Iterable<String> columns() {
            return values.keySet();
        }

        Optional<String> optional(String column) {
            String v = values.get(column);
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
        }

        String text(String column) {
            return optional(column).orElseThrow(() -> error(column, "", "is required"));
        }

        int integer(String column) {
            String v = text(column);
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw error(column, v, "is not a whole number");
            }
        }

        double number(String column) {
            String v = text(column);
            try {
                double d = Double.parseDouble(v);
                if (!Double.isFinite(d)) {
                    throw error(column, v, "is not a finite number");
                }
                return d;
            } catch (NumberFormatException e) {
                throw error(column, v, "is not a number");
            }
        }

        BigDecimal decimal(String column) {
            String v = text(column);
            try {
                return new BigDecimal(v);
            } catch (NumberFormatException e) {
                throw error(column, v, "is not a decimal number");
            }
        }

        LocalDate date(String column) {
            String v = text(column);
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw error(column, v, "is not an ISO-8601 date (yyyy-mm-dd)");
            }
        }

        Instant instant(String column) {
            String v = text(column);
            try {
                return v.length() == 10 ? LocalDate.parse(v).atStartOfDay().toInstant(java.time.ZoneOffset.UTC) : Instant.parse(v);
            } catch (DateTimeParseException e) {
                throw error(column, v, "is not an ISO-8601 instant or date");
            }
        }

        <E extends Enum<E>> E enumValue(String column, Class<E> type) {
            String v = text(column);
            try {
                return Enum.valueOf(type, v.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw error(column, v, "is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
            }
        }

        <T> T build(java.util.function.Supplier<T> constructor) {
            try {
                return constructor.get();
            } catch (UncheckedInputException e) {
                throw e;
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new UncheckedInputException(file + ":" + line + ": " + e.getMessage());
            }
        }

        private UncheckedInputException error(String column, String value, String problem) {
            return new UncheckedInputException(file + ":" + line + ": column '" + column + "': '" + value + "' " + problem);
        }
    }

    /** Carries a row error out of the lambdas; {@link KizunaCommand} reports it like an {@link InputException}. */
    static final class UncheckedInputException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UncheckedInputException(String message) {
            super(message);
        }
    }
}
