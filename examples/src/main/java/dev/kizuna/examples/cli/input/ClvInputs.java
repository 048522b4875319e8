package dev.kizuna.examples.cli.input;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Dates;
import dev.kizuna.core.Money;
import dev.kizuna.core.csv.CsvCells;
import dev.kizuna.core.csv.CsvTable;
import dev.kizuna.core.csv.InputException;
import dev.kizuna.core.csv.InputFile;
import dev.kizuna.core.csv.TextValues;
import dev.kizuna.core.event.Purchase;
import dev.kizuna.examples.cli.Progress;
import dev.kizuna.metrics.clv.CustomerRfm;
import dev.kizuna.metrics.clv.RfmSummary;
import dev.kizuna.metrics.clv.RfmTimeUnit;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * Reads the inputs of {@code kizuna clv}: RFM summaries as CSV, transaction logs (CSV or the CDNOW text layouts) and
 * per-customer contract lifetimes for sBG. Every error names the file, the line and the column.
 */
public final class ClvInputs {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final List<String> ID_COLUMNS = List.of("id", "customer", "customer_id", "customerid");
    private static final List<String> FREQUENCY = List.of("frequency", "x");
    private static final List<String> RECENCY = List.of("recency", "t_x");
    private static final List<String> AGE = List.of("T");
    private static final List<String> SPEND = List.of("monetary_value", "zbar");
    private static final List<String> AMOUNT = List.of("amount", "monetary_value", "dollars", "spend");
    private static final List<String> DATE = List.of("date");
    private static final int PROGRESS_EVERY = 100_000;

    private ClvInputs() {
    }

    /**
     * A summary and what it was read from, for the messages.
     *
     * @param summary the customers
     * @param source  the file and what it held, for messages
     * @param file    the file
     * @param lines   the line of each customer in a summary file; empty for a transaction log
     */
    public record Cohort(RfmSummary summary, String source, Path file, int[] lines) {
        /** Where customer {@code i} came from: "file:line" for a summary, "file" for a transaction log. */
        public String where(int i) {
            return lines.length > i ? file + ":" + lines[i] : file.toString();
        }
    }

    /** Per-customer contract lifetimes, the input of an sBG fit from a file. */
    public record Lifetimes(int[] periods, boolean[] churned) {
    }

    /**
     * Reads an RFM summary CSV with a header row: {@code frequency,recency,T} as lifetimes writes them or
     * {@code x,t_x,T} as Hardie's files name them, optionally the mean repeat spend ({@code monetary_value} or
     * {@code zbar}) and a customer id ({@code id}, {@code customer}, {@code customer_id}, or an unnamed first
     * column as pandas writes its index). Without an id, customers are numbered by row from 1. Column names are
     * matched ignoring case; any other column, or two columns for the same thing, is an error. {@code frequency} may
     * be written as a whole-number decimal ("2.0"), as pandas does.
     */
    public static Cohort summary(Path file, RfmTimeUnit unit, Progress progress) {
        return summary(InputFile.of(file), file, unit, progress);
    }

    /** Reads an RFM summary CSV; see {@link #summary(Path, RfmTimeUnit, Progress)}. */
    public static Cohort summary(InputFile input, Path file, RfmTimeUnit unit, Progress progress) {
        progress.start("reading " + file.getFileName());
        List<AccountId> ids = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        IntStream.Builder lines = IntStream.builder();
        IntStream.Builder x = IntStream.builder();
        DoubleStream.Builder tx = DoubleStream.builder();
        DoubleStream.Builder t = DoubleStream.builder();
        DoubleStream.Builder m = DoubleStream.builder();
        boolean spend;
        try (Table table = Table.open(input, List.of(FREQUENCY, RECENCY, AGE, SPEND, ID_COLUMNS), true,
                "frequency,recency,T (or x,t_x,T)")) {
            Header h = table.header;
            int cx = h.required(FREQUENCY);
            int ctx = h.required(RECENCY);
            int ct = h.required(AGE);
            int cm = h.optional(SPEND);
            spend = cm >= 0;
            int cid = h.optional(ID_COLUMNS);
            if (cid < 0 && h.name(0).isEmpty()) {
                cid = 0;
            }
            for (Row row = table.next(); row != null; row = table.next()) {
                int frequency = row.wholeNumber(cx);
                double recency = row.number(ctx);
                double age = row.number(ct);
                double mean = spend ? row.number(cm) : 0;
                String id = cid >= 0 ? row.text(cid) : Integer.toString(ids.size() + 1);
                try {
                    AccountId customer = AccountId.of(id);
                    CustomerRfm.of(customer, frequency, recency, age, mean);
                    ids.add(customer);
                } catch (IllegalArgumentException e) {
                    throw row.error(columnOf(e.getMessage(), cx, ctx, ct, cm, cid), e.getMessage());
                }
                Integer seen = firstLine.putIfAbsent(id, row.line());
                if (seen != null) {
                    throw row.error(cid, "customer '" + id + "' appears twice (first on line " + seen + ")");
                }
                lines.add(row.line());
                x.add(frequency);
                tx.add(recency);
                t.add(age);
                m.add(mean);
                if (ids.size() % PROGRESS_EVERY == 0) {
                    progress.update(String.format(Locale.ROOT, "%,d customers", ids.size()));
                }
            }
        }
        if (ids.isEmpty()) {
            throw new InputException(input.name() + ": no customers after the header row");
        }
        RfmSummary summary = spend
                ? RfmSummary.of(unit, ids, x.build().toArray(), tx.build().toArray(), t.build().toArray(),
                        m.build().toArray())
                : RfmSummary.of(unit, ids, x.build().toArray(), tx.build().toArray(), t.build().toArray());
        String source = String.format(Locale.ROOT, "%s (%,d customers, %s%s)", file.getFileName(), ids.size(),
                unitName(unit), spend ? ", with mean spend" : "");
        progress.done("read " + source);
        return new Cohort(summary, source, file, lines.build().toArray());
    }

    /**
     * Reads a transaction log and summarises it over the calibration window (see
     * {@link RfmSummary#fromPurchases(java.util.Collection, LocalDate, RfmTimeUnit)}). A file whose name ends in
     * {@code .csv} has a header row with a customer column ({@code customer}, {@code id} or {@code customer_id}), a
     * {@code date} column and an optional {@code amount} column; other files are CDNOW's whitespace-separated
     * layouts, {@code id date cds dollars} or {@code master_id sample_id date cds dollars}, where the customer is
     * the id just before the date and a first line that does not start with a number is a header. Dates are
     * yyyy-mm-dd (a time after it is ignored) or yyyymmdd.
     */
    public static Cohort transactions(Path file, LocalDate calibrationEnd, RfmTimeUnit unit, Currency currency,
                               Progress progress) {
        InputFile input = InputFile.of(file);
        progress.start("reading " + file.getFileName());
        List<Purchase> purchases = input.hasExtension(".csv") ? csvPurchases(input, currency, progress)
                : textPurchases(input, currency, progress);
        if (purchases.isEmpty()) {
            throw new InputException(file + ": no transactions");
        }
        progress.done(String.format(Locale.ROOT, "read %,d transactions from %s", purchases.size(), file.getFileName()));
        progress.start("summarising to " + calibrationEnd);
        RfmSummary summary;
        try {
            summary = RfmSummary.fromPurchases(purchases, calibrationEnd, unit);
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": " + e.getMessage());
        }
        if (summary.size() == 0) {
            throw new InputException(file + ": no customer made a first purchase by the calibration end "
                    + calibrationEnd + " (--calibration-end)");
        }
        int late = summary.customersFirstSeenAfterCalibration();
        String source = String.format(Locale.ROOT, "%s (%,d customers, calibration to %s, %s%s)", file.getFileName(),
                summary.size(), calibrationEnd, unitName(unit),
                late == 0 ? "" : String.format(Locale.ROOT, "; %,d first seen later left out", late));
        progress.done("summarised " + source);
        return new Cohort(summary, source, file, new int[0]);
    }

    /**
     * Reads per-customer contract lifetimes: a CSV with {@code periods} and {@code churned} (a yes/no value: true or
     * false, yes/no, y/n or 1/0, in any case), and optionally a customer id column, which is not used.
     */
    public static Lifetimes lifetimes(Path file) {
        IntStream.Builder periods = IntStream.builder();
        List<Boolean> churned = new ArrayList<>();
        try (Table table = Table.open(InputFile.of(file), List.of(List.of("periods"), List.of("churned"), ID_COLUMNS),
                true, "periods,churned")) {
            int cp = table.header.required(List.of("periods"));
            int cc = table.header.required(List.of("churned"));
            for (Row row = table.next(); row != null; row = table.next()) {
                periods.add(row.wholeNumber(cp));
                churned.add(row.bool(cc));
            }
        }
        boolean[] c = new boolean[churned.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = churned.get(i);
        }
        return new Lifetimes(periods.build().toArray(), c);
    }

    private static List<Purchase> csvPurchases(InputFile input, Currency currency, Progress progress) {
        List<Purchase> out = new ArrayList<>();
        try (Table table = Table.open(input, List.of(ID_COLUMNS, DATE, AMOUNT), false, "customer,date,amount")) {
            int cid = table.header.required(ID_COLUMNS);
            int cdate = table.header.required(DATE);
            int camount = table.header.optional(AMOUNT);
            for (Row row = table.next(); row != null; row = table.next()) {
                out.add(row.purchase(cid, cdate, camount, currency));
                if (out.size() % PROGRESS_EVERY == 0) {
                    progress.update(String.format(Locale.ROOT, "%,d transactions", out.size()));
                }
            }
        }
        return out;
    }

    private static List<Purchase> textPurchases(InputFile input, Currency currency, Progress progress) {
        List<Purchase> out = new ArrayList<>();
        Header master = new Header(input.name(), new String[] {"id", "date", "cds", "dollars"});
        Header sample = new Header(input.name(), new String[] {"master_id", "sample_id", "date", "cds", "dollars"});
        try (BufferedReader reader = new BufferedReader(input.reader())) {
            int line = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                String trimmed = text.strip();
                if (trimmed.isEmpty() || (line == 1 && !Character.isDigit(trimmed.charAt(0)))) {
                    continue;
                }
                String[] f = WHITESPACE.split(trimmed);
                if (f.length != 4 && f.length != 5) {
                    throw new InputException(input.name() + ":" + line + ": " + f.length + " fields; expected 4 (id"
                            + " date cds dollars, as CDNOW_master.txt) or 5 (master_id sample_id date cds dollars, as"
                            + " CDNOW_sample.txt), separated by white space");
                }
                int shift = f.length - 4;
                Row row = new Row(input.name(), line, shift == 0 ? master : sample, f);
                out.add(row.purchase(shift, shift + 1, shift + 3, currency));
                if (out.size() % PROGRESS_EVERY == 0) {
                    progress.update(String.format(Locale.ROOT, "%,d transactions", out.size()));
                }
            }
        } catch (IOException e) {
            throw InputFile.cannotRead(input.name(), e);
        }
        return out;
    }

    public static String unitName(RfmTimeUnit unit) {
        return unit.name().toLowerCase(Locale.ROOT);
    }

    /** The column a {@link CustomerRfm} message is about, from the field it names. */
    private static int columnOf(String message, int cx, int ctx, int ct, int cm, int cid) {
        if (message.startsWith("frequency")) {
            return cx;
        }
        if (message.startsWith("recency")) {
            return ctx;
        }
        if (message.startsWith("age")) {
            return ct;
        }
        if (message.startsWith("meanRepeatSpend")) {
            return cm;
        }
        return cid;
    }

    /** A CSV file of the CLV inputs: its header checked, its rows read with their lines. */
    private static final class Table implements AutoCloseable {
        private final CsvCells cells;
        private final Header header;

        private Table(CsvCells cells, Header header) {
            this.cells = cells;
            this.header = header;
        }

        /**
         * Opens the file and checks its header: every column is one of {@code roles} (each a list of names for one
         * thing), at most one column per role, and an unnamed first column only when {@code unnamedFirst}.
         */
        static Table open(InputFile input, List<List<String>> roles, boolean unnamedFirst, String expected) {
            CsvCells cells = CsvCells.open(input);
            try {
                Optional<String[]> names = cells.next();
                if (names.isEmpty()) {
                    throw new InputException(input.name() + ": the file is empty; expected a header row with "
                            + expected);
                }
                Header header = new Header(input.name() + ":" + cells.line(), names.get());
                header.check(roles, unnamedFirst);
                Table table = new Table(cells, header);
                cells = null;
                return table;
            } finally {
                if (cells != null) {
                    cells.close();
                }
            }
        }

        /** The next row that is not blank, or null at the end. */
        Row next() {
            Optional<String[]> row = cells.next();
            if (row.isEmpty()) {
                return null;
            }
            String[] values = row.get();
            if (values.length != header.size()) {
                throw new InputException(String.format(Locale.ROOT, "%s:%d: the row has %d cells but the header"
                        + " has %d", cells.file(), cells.line(), values.length, header.size()));
            }
            return new Row(cells.file(), cells.line(), header, values);
        }

        @Override
        public void close() {
            cells.close();
        }
    }

    /** A header row: finds columns by name, ignoring case. */
    private static final class Header {
        private final String where;
        private final String[] names;

        Header(String where, String[] names) {
            this.where = where;
            this.names = names;
        }

        int size() {
            return names.length;
        }

        /** Checks that every column has one role and no role has two columns. */
        void check(List<List<String>> roles, boolean unnamedFirst) {
            List<String> known = new ArrayList<>();
            roles.forEach(known::addAll);
            Map<List<String>, Integer> taken = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                String name = names[i];
                if (name.isEmpty()) {
                    if (i == 0 && unnamedFirst) {
                        continue;
                    }
                    throw new InputException(where + ": column " + (i + 1) + " has no name; every column needs one");
                }
                List<String> role = null;
                for (List<String> r : roles) {
                    for (String c : r) {
                        role = c.equalsIgnoreCase(name) ? r : role;
                    }
                }
                if (role == null) {
                    throw new InputException(where + ": " + CsvTable.unknown("column", name, known));
                }
                Integer before = taken.putIfAbsent(role, i);
                if (before != null) {
                    throw new InputException(where + ": the columns '" + names[before] + "' (" + (before + 1)
                            + ") and '" + name + "' (" + (i + 1) + ") are the same thing; keep one");
                }
            }
        }

        int optional(List<String> candidates) {
            for (String c : candidates) {
                for (int i = 0; i < names.length; i++) {
                    if (names[i].equalsIgnoreCase(c)) {
                        return i;
                    }
                }
            }
            return -1;
        }

        int required(List<String> candidates) {
            int i = optional(candidates);
            if (i < 0) {
                throw new InputException(where + ": the column " + String.join(" or ", candidates) + " is missing;"
                        + " the file has " + String.join(",", names));
            }
            return i;
        }

        String name(int column) {
            return column < names.length ? names[column] : "";
        }
    }

    /** One data row, read cell by cell with errors that say where. */
    private record Row(String file, int line, Header header, String[] values) {

        String text(int column) {
            String v = column < values.length ? values[column] : "";
            if (v.isEmpty()) {
                throw error(column, "is empty");
            }
            return v;
        }

        double number(int column) {
            String v = text(column);
            try {
                return TextValues.number(v);
            } catch (IllegalArgumentException e) {
                throw error(column, e.getMessage());
            }
        }

        int wholeNumber(int column) {
            double d = number(column);
            if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
                throw error(column, "'" + values[column] + "' is not a whole number");
            }
            return (int) d;
        }

        BigDecimal decimal(int column) {
            String v = text(column);
            try {
                return TextValues.amount(v);
            } catch (IllegalArgumentException e) {
                throw error(column, e.getMessage());
            }
        }

        boolean bool(int column) {
            String v = text(column);
            try {
                return TextValues.yesNo(v);
            } catch (IllegalArgumentException e) {
                throw error(column, e.getMessage());
            }
        }

        LocalDate date(int column) {
            String v = text(column);
            String day = v.length() == 8 && v.chars().allMatch(c -> c >= '0' && c <= '9')
                    ? v.substring(0, 4) + "-" + v.substring(4, 6) + "-" + v.substring(6, 8)
                    : v.length() > 10 && (v.charAt(10) == ' ' || v.charAt(10) == 'T') ? v.substring(0, 10) : v;
            try {
                return Dates.parseDate("date", day);
            } catch (IllegalArgumentException e) {
                String problem = TextValues.withoutField(e.getMessage());
                // A date of the right shape that does not exist (a month 13) says why; any other text, what to write.
                throw error(column, problem.contains("write it") ? "'" + TextValues.shorten(v) + "' is not a date"
                        + " (yyyy-mm-dd or yyyymmdd)" : problem.replace("'" + day + "'", "'" + v + "'"));
            }
        }

        /** The purchase of this row, its cells read left to right; without an amount column, an amount of 0. */
        Purchase purchase(int idColumn, int dateColumn, int amountColumn, Currency currency) {
            String id = text(idColumn);
            LocalDate day = date(dateColumn);
            BigDecimal amount = amountColumn >= 0 ? decimal(amountColumn) : BigDecimal.ZERO;
            AccountId customer;
            try {
                customer = AccountId.of(id);
            } catch (IllegalArgumentException e) {
                throw error(idColumn, e.getMessage());
            }
            try {
                return Purchase.of(customer, day, Money.of(amount, currency));
            } catch (IllegalArgumentException e) {
                throw error(amountColumn, e.getMessage());
            }
        }

        InputException error(int column, String problem) {
            String where = column < 0 ? "" : " column " + (column + 1) + " '" + header.name(column) + "':";
            return new InputException(file + ":" + line + ":" + where + " " + problem);
        }
    }
}
