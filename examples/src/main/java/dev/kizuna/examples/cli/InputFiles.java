package dev.kizuna.examples.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
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
import dev.kizuna.health.outcome.Outcome;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the tool's input files: JSON arrays as {@code kizuna demo --out} writes them, or CSV with a header row, by
 * the file's extension ({@code .json} or {@code .csv}). Every file is read through {@link InputFile} (UTF-8, a
 * byte-order mark skipped, the size limited). The CSV columns of each kind of file are in {@code examples/README.md};
 * {@link CsvTable} checks the header, {@link Row} reads the cells with {@link TextValues}' strict readers.
 *
 * <p>Every problem is an {@link InputException} naming the file and the line (and the column or JSON path, and the
 * value). Subscription events, surveys, usage and outcomes are read whole or not at all: a file with a bad record
 * fails with every bad record listed (the first {@value Rows#MAX_IN_ERROR}). Signal snapshots are read record by
 * record: a bad one (a value outside its signal's domain, say) is rejected with its line and reason, and the command
 * decides what to do with the rest.
 */
final class InputFiles {
    private static final ObjectMapper JSON = KizunaJson.newObjectMapper();

    /** The columns of subscription events. */
    static final CsvTable.Layout EVENTS = CsvTable.Layout.of(
            List.of("account", "subscription", "kind", "effective_date", "plan", "unit_price", "currency", "quantity",
                    "interval"),
            List.of("recorded_on", "discount_percent", "discount_amount", "trial"));
    /** The columns of survey answers. */
    static final CsvTable.Layout SURVEYS = CsvTable.Layout.of(
            List.of("account", "respondent", "answered_at", "kind", "score"),
            List.of("scale_min", "scale_max", "comment"));
    /** The columns of usage records. */
    static final CsvTable.Layout USAGE = CsvTable.Layout.of(
            List.of("account", "date", "period", "active_users", "logins"),
            List.of("licensed_seats", "sessions"));
    /** The columns of signal snapshots: account and at, then any column is a signal. */
    static final CsvTable.Layout SIGNALS = new CsvTable.Layout(List.of("account", "at"), List.of(),
            Optional.of(InputFiles::signalColumnProblem));
    /** The columns of outcomes. */
    static final CsvTable.Layout OUTCOMES = CsvTable.Layout.of(List.of("account", "type", "date"), List.of());

    private static final List<String> CHARGE_COLUMNS = List.of("plan", "unit_price", "currency", "quantity",
            "interval", "discount_percent", "discount_amount", "trial");

    private InputFiles() {
    }

    /** Subscription events; see {@link #subscriptionEvents(InputFile)}. */
    static Rows<SubscriptionEvent> subscriptionEvents(Path file) {
        return subscriptionEvents(InputFile.of(file));
    }

    /**
     * Subscription events. CSV columns: {@code account,subscription,kind,effective_date,plan,unit_price,currency,
     * quantity,interval}, optionally {@code recorded_on,discount_percent,discount_amount,trial}; the charge columns
     * are filled for START and CHANGE and empty for CANCEL and END.
     *
     * @throws InputException listing every record that cannot be read
     */
    static Rows<SubscriptionEvent> subscriptionEvents(InputFile file) {
        return read(file, SubscriptionEvent.class, EVENTS, InputFiles::event).requireAll();
    }

    private static SubscriptionEvent event(Row row) {
        SubscriptionEvent.Kind kind = row.name("kind", SubscriptionEvent.Kind.class);
        Optional<RecurringCharge> charge = Optional.empty();
        if (kind == SubscriptionEvent.Kind.START || kind == SubscriptionEvent.Kind.CHANGE) {
            String why = "for a " + kind + " event";
            String plan = row.text("plan", why);
            Currency currency = currency(row, row.text("currency", why));
            Money price = row.build(() -> Money.of(row.amount("unit_price"), currency));
            int quantity = row.wholeNumber("quantity");
            BillingInterval interval = row.name("interval", BillingInterval.class);
            boolean byAmount = row.optional("discount_amount").isPresent();
            if (byAmount && row.optional("discount_percent").isPresent()) {
                throw row.error("discount_amount", "a discount is a percentage or an amount, not both: leave"
                        + " discount_percent or discount_amount empty");
            }
            Discount discount = byAmount ? row.build(() -> Discount.amount(Money.of(row.amount("discount_amount"),
                    currency)))
                    : row.optional("discount_percent").isPresent()
                    ? row.build(() -> Discount.percent(row.amount("discount_percent")))
                    : Discount.none();
            boolean trial = row.optional("trial").isPresent() && row.yesNo("trial");
            charge = Optional.of(row.build(() -> new RecurringCharge(plan, price, quantity, interval, discount,
                    trial)));
        } else {
            for (String column : CHARGE_COLUMNS) {
                if (row.optional(column).isPresent()) {
                    throw row.error(column, "a " + kind + " event has no charge: leave the charge columns ("
                            + String.join(",", CHARGE_COLUMNS) + ") empty");
                }
            }
        }
        Optional<RecurringCharge> finalCharge = charge;
        String account = row.text("account");
        String subscription = row.text("subscription");
        java.time.LocalDate effective = row.date("effective_date");
        java.time.LocalDate recorded = row.optional("recorded_on").isPresent() ? row.date("recorded_on") : effective;
        return row.build(() -> new SubscriptionEvent(AccountId.of(account), subscription, kind, effective, recorded,
                finalCharge));
    }

    private static Currency currency(Row row, String code) {
        try {
            return Money.currency(code);
        } catch (IllegalArgumentException e) {
            throw row.error("currency", "'" + TextValues.shorten(code) + "' is not an ISO 4217 currency code, such as"
                    + " USD, EUR or JPY");
        }
    }

    /** Survey answers; see {@link #surveys(InputFile)}. */
    static Rows<SurveyResponse> surveys(Path file) {
        return surveys(InputFile.of(file));
    }

    /**
     * Survey answers. CSV columns: {@code account,respondent,answered_at,kind,score}, optionally
     * {@code scale_min,scale_max,comment}; without a scale, the kind's default scale applies.
     *
     * @throws InputException listing every record that cannot be read
     */
    static Rows<SurveyResponse> surveys(InputFile file) {
        return read(file, SurveyResponse.class, SURVEYS, row -> {
            SurveyResponse.Kind kind = row.name("kind", SurveyResponse.Kind.class);
            boolean min = row.optional("scale_min").isPresent();
            boolean max = row.optional("scale_max").isPresent();
            if (min != max) {
                String missing = min ? "scale_max" : "scale_min";
                throw row.error(missing, "a value is required with " + (min ? "scale_min" : "scale_max")
                        + ": a scale has both ends, or neither for the kind's default");
            }
            SurveyScale scale = min ? row.build(() -> SurveyScale.of(row.wholeNumber("scale_min"),
                    row.wholeNumber("scale_max"))) : kind.defaultScale();
            String account = row.text("account");
            String respondent = row.text("respondent");
            java.time.Instant answered = row.instant("answered_at");
            int score = row.wholeNumber("score");
            return row.build(() -> new SurveyResponse(AccountId.of(account), respondent, answered, kind, scale, score,
                    row.optional("comment")));
        }).requireAll();
    }

    /** Usage records; see {@link #usage(InputFile)}. */
    static Rows<UsageRecord> usage(Path file) {
        return usage(InputFile.of(file));
    }

    /**
     * Usage records. CSV columns: {@code account,date,period,active_users,logins}, optionally
     * {@code licensed_seats,sessions}.
     *
     * @throws InputException listing every record that cannot be read
     */
    static Rows<UsageRecord> usage(InputFile file) {
        return read(file, UsageRecord.class, USAGE, row -> {
            String account = row.text("account");
            java.time.LocalDate date = row.date("date");
            UsagePeriod period = row.name("period", UsagePeriod.class);
            int active = row.wholeNumber("active_users");
            int logins = row.wholeNumber("logins");
            Optional<Integer> seats = row.optional("licensed_seats").map(v -> row.wholeNumber("licensed_seats"));
            Optional<Integer> sessions = row.optional("sessions").map(v -> row.wholeNumber("sessions"));
            return row.build(() -> {
                UsageRecord.Builder b = UsageRecord.builder(AccountId.of(account), date, period).activeUsers(active)
                        .logins(logins);
                seats.ifPresent(b::licensedSeats);
                sessions.ifPresent(b::sessions);
                return b.build();
            });
        }).requireAll();
    }

    /** Signal snapshots; see {@link #signals(InputFile)}. */
    static Rows<SignalSnapshot> signals(Path file) {
        return signals(InputFile.of(file));
    }

    /**
     * Signal snapshots, record by record. CSV columns: {@code account,at}, then one column per signal name, each a
     * signal; an empty cell is a missing signal. A record with a value outside its signal's domain (see
     * {@link SignalName#domain()}), or any other bad cell, is rejected with its line and reason; the others are read.
     *
     * @throws InputException if the file cannot be read at all (not UTF-8, a bad header, not a JSON array...)
     */
    static Rows<SignalSnapshot> signals(InputFile file) {
        return read(file, SignalSnapshot.class, SIGNALS, row -> {
            SignalSnapshot.Builder b = row.build(() -> SignalSnapshot.builder(AccountId.of(row.text("account")),
                    row.instant("at")));
            for (String column : ((CsvTable.CsvRow) row).columns()) {
                if (!column.equals("account") && !column.equals("at") && row.optional(column).isPresent()) {
                    SignalName name = SignalName.of(column);
                    double value = row.number(column);
                    name.domain().problem(name, value).ifPresent(p -> {
                        throw row.error(column, p);
                    });
                    row.build(() -> b.put(name, value));
                }
            }
            return row.build(b::build);
        }, snapshot -> {
            for (int i = 0; i < snapshot.size(); i++) {
                SignalName name = snapshot.nameAt(i);
                Optional<String> problem = name.domain().problem(name, snapshot.valueAt(i));
                if (problem.isPresent()) {
                    return Optional.of(".values['" + name.value() + "']: " + problem.get());
                }
            }
            return Optional.empty();
        });
    }

    private static Optional<String> signalColumnProblem(String column) {
        try {
            SignalName.of(column);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("the column '" + TextValues.shorten(column) + "' is not a signal name (lower-case words"
                    + " joined by dots, such as usage.active_users); every column but account and at is a signal");
        }
    }

    /** Outcomes; see {@link #outcomes(InputFile)}. */
    static Rows<Outcome> outcomes(Path file) {
        return outcomes(InputFile.of(file));
    }

    /**
     * Outcomes, for backtests and fits. CSV columns: {@code account,type,date}, the type {@code churned},
     * {@code contracted} or {@code expanded}; JSON: an array of objects with the same three fields.
     *
     * @throws InputException listing every record that cannot be read
     */
    static Rows<Outcome> outcomes(InputFile file) {
        Function<Row, Outcome> fromRow = row -> {
            String account = row.text("account");
            Outcome.Type type = row.name("type", Outcome.Type.class);
            java.time.LocalDate date = row.date("date");
            return row.build(() -> new Outcome(AccountId.of(account), type, date));
        };
        if (!file.hasExtension(".json")) {
            return read(file, Outcome.class, OUTCOMES, fromRow).requireAll();
        }
        Rows.Builder<Outcome> out = new Rows.Builder<>(file.name());
        eachElement(file, (element, index, line) -> {
            try {
                out.add(fromRow.apply(JsonRow.of(file.name(), line, index, element, OUTCOMES)), line);
            } catch (InputException e) {
                out.reject(line, e.getMessage());
            }
        });
        return out.build().requireAll();
    }

    /** Accounts; see {@link #accounts(InputFile)}. */
    static Rows<Account> accounts(Path file) {
        return accounts(InputFile.of(file));
    }

    /**
     * Accounts: JSON only, as {@code kizuna demo --out} writes them (journeys and contracts do not fit columns).
     *
     * @throws InputException listing every record that cannot be read
     */
    static Rows<Account> accounts(InputFile file) {
        if (!file.hasExtension(".json")) {
            throw new InputException(file.name() + ": accounts are read from JSON only; the file name must end in"
                    + " .json");
        }
        return json(file, Account.class).requireAll();
    }

    /**
     * Reads a JSON array of {@code type}, as {@code kizuna demo --out} writes them, element by element: an element
     * that cannot be read is rejected with its line and JSON path.
     */
    static <T> Rows<T> json(InputFile file, Class<T> type) {
        return json(file, type, v -> Optional.empty());
    }

    private static <T> Rows<T> json(InputFile file, Class<T> type, Function<T, Optional<String>> check) {
        Rows.Builder<T> out = new Rows.Builder<>(file.name());
        eachElement(file, (element, index, line) -> {
            try (JsonParser p = element.asParserOnFirstToken()) {
                T value = JSON.readValue(p, type);
                Optional<String> problem = check.apply(value);
                if (problem.isPresent()) {
                    out.reject(line, file.name() + ":" + line + ": $[" + index + "]" + problem.get());
                } else {
                    out.add(value, line);
                }
            } catch (DatabindException e) {
                InputException cause = inputCause(e);
                if (cause != null) {
                    throw cause;
                }
                out.reject(line, file.name() + ":" + line + ": " + elementProblem(index, KizunaJson.describe(e)));
            } catch (IOException e) {
                throw jsonSyntax(file, e);
            }
        });
        return out.build();
    }

    /** A library message about an element ({@code $.values: ...}) at the element's path in the file. */
    private static String elementProblem(int index, String message) {
        String m = String.valueOf(message);
        if (m.startsWith("$")) {
            return "$[" + index + "]" + m.substring(1);
        }
        return "$[" + index + "]: " + m;
    }

    /** What is done with each element of a JSON array: its tokens, its position and the line it starts on. */
    private interface ElementReader {
        void read(TokenBuffer element, int index, int line) throws IOException;
    }

    private static void eachElement(InputFile file, ElementReader reader) {
        try (Reader text = file.reader(); JsonParser p = JSON.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new InputException(file.name() + ": the file is empty; expected a JSON array, as `kizuna demo"
                        + " --out` writes");
            }
            if (first != JsonToken.START_ARRAY) {
                throw new InputException(file.name() + ":" + p.currentTokenLocation().getLineNr() + ": expected a JSON"
                        + " array ([...]) of records, as `kizuna demo --out` writes; the file starts with "
                        + describe(first));
            }
            int index = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == null) {
                    throw new InputException(file.name() + ": the JSON array is not closed: the file ends before"
                            + " its ]");
                }
                int line = p.currentTokenLocation().getLineNr();
                TokenBuffer element = new TokenBuffer(p);
                element.copyCurrentStructure(p);
                reader.read(element, index++, line);
            }
            JsonToken after = p.nextToken();
            if (after != null) {
                throw new InputException(file.name() + ":" + p.currentTokenLocation().getLineNr() + ": content after"
                        + " the JSON array; a file holds one array");
            }
        } catch (IOException e) {
            throw jsonSyntax(file, e);
        }
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object ({...})";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }

    /** The error of a JSON file that is not well-formed (or cannot be read), with its line and column. */
    static InputException jsonSyntax(InputFile file, IOException e) {
        InputException cause = inputCause(e);
        if (cause != null) {
            return cause;
        }
        if (e instanceof JsonProcessingException j) {
            JsonLocation at = j.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            return new InputException(file.name() + where + ": not well-formed JSON: " + KizunaJson.syntaxProblem(j));
        }
        return InputFile.cannotRead(file.name(), e);
    }

    /** The tool's own exception behind a Jackson one (the strict UTF-8 reader's, thrown inside a parser), if any. */
    static InputException inputCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InputException i) {
                return i;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static <T> Rows<T> read(InputFile file, Class<T> type, CsvTable.Layout layout, Function<Row, T> fromCsv) {
        return read(file, type, layout, fromCsv, v -> Optional.empty());
    }

    private static <T> Rows<T> read(InputFile file, Class<T> type, CsvTable.Layout layout, Function<Row, T> fromCsv,
                                    Function<T, Optional<String>> jsonCheck) {
        if (file.hasExtension(".json")) {
            return json(file, type, jsonCheck);
        }
        if (!file.hasExtension(".csv")) {
            throw new InputException(file.name() + ": the file name must end in .json or .csv, which says its format");
        }
        Rows.Builder<T> out = new Rows.Builder<>(file.name());
        try (CsvTable table = CsvTable.open(file, layout)) {
            for (Optional<CsvTable.CsvRow> row = table.next(); row.isPresent(); row = table.next()) {
                try {
                    out.add(fromCsv.apply(row.get()), row.get().line());
                } catch (InputException e) {
                    out.reject(row.get().line(), e.getMessage());
                }
            }
        }
        return out.build();
    }

    /** A JSON object read as a record: its fields, each a string (or a number or boolean, read as its text). */
    private static final class JsonRow extends Row {
        private final int index;
        private final Map<String, String> fields;

        private JsonRow(String file, int line, int index, Map<String, String> fields) {
            super(file, line);
            this.index = index;
            this.fields = fields;
        }

        static JsonRow of(String file, int line, int index, TokenBuffer element, CsvTable.Layout layout)
                throws IOException {
            JsonNode node;
            try (JsonParser p = element.asParserOnFirstToken()) {
                node = JSON.readTree(p);
            }
            String where = file + ":" + line + ": $[" + index + "]";
            if (!node.isObject()) {
                throw new InputException(where + ": expected an object with the fields "
                        + String.join(", ", layout.known()));
            }
            Map<String, String> fields = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> f : node.properties()) {
                if (!layout.known().contains(f.getKey())) {
                    throw new InputException(where + ": " + CsvTable.unknown("field", f.getKey(), layout.known()));
                }
                JsonNode v = f.getValue();
                if (v.isNull()) {
                    continue;
                }
                if (!v.isValueNode()) {
                    throw new InputException(where + "." + f.getKey() + ": expected a string");
                }
                fields.put(f.getKey(), v.asText().strip());
            }
            return new JsonRow(file, line, index, fields);
        }

        @Override
        Optional<String> optional(String column) {
            String v = fields.get(column);
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
        }

        @Override
        String label(String column) {
            return "$[" + index + "]." + column;
        }
    }
}
