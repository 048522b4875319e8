package dev.kizuna.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.Money;
import dev.kizuna.core.event.Purchase;
import dev.kizuna.examples.cli.InputFiles.InputException;
import dev.kizuna.metrics.clv.CustomerRfm;
import dev.kizuna.metrics.clv.RfmSummary;
import dev.kizuna.metrics.clv.RfmTimeUnit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the inputs of {@code kizuna clv}: RFM summaries as CSV, transaction logs (CSV or the CDNOW text layouts) and
 * per-customer contract lifetimes for sBG. Every error names the file, the line and the column.
 */
final class ClvInputs {
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
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
    record Cohort(RfmSummary summary, String source, Path file, int[] lines) {
        /** Where customer {@code i} came from: "file:line" for a summary, "file" for a transaction log. */
        String where(int i) {
            return lines.length > i ? file + ":" + lines[i] : file.toString();
        }
    }

    /** Per-customer contract lifetimes, the input of an sBG fit from a file. */
    record Lifetimes(int[] periods, boolean[] churned) {
    }

    /**
     * Reads an RFM summary CSV with a header row: {@code frequency,recency,T} as lifetimes writes them or
     * {@code x,t_x,T} as Hardie's files name them, optionally the mean repeat spend ({@code monetary_value} or
     * {@code zbar}) and a customer id ({@code id}, {@code customer}, {@code customer_id}, or an unnamed first
     * column as pandas writes its index). Without an id, customers are numbered by row from 1. Column names are
     * matched ignoring case. {@code frequency} may be written as a whole-number double ("2.0"), as pandas does.
     */
    static Cohort summary(Path file, RfmTimeUnit unit, Progress progress) throws IOException {
        checkFile(file);
        progress.start("reading " + file.getFileName());
        List<AccountId> ids = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        IntColumn lines = new IntColumn();
        IntColumn x = new IntColumn();
        DoubleColumn tx = new DoubleColumn();
        DoubleColumn t = new DoubleColumn();
        DoubleColumn m = new DoubleColumn();
        boolean spend;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<String[]> rows = CSV.readerFor(String[].class).readValues(reader)) {
            if (!rows.hasNextValue()) {
                throw new InputException(file + ": the file is empty; expected a header row with frequency,recency,T "
                        + "(or x,t_x,T)");
            }
            Header h = new Header(file, rows.nextValue());
            int cx = h.required(FREQUENCY);
            int ctx = h.required(RECENCY);
            int ct = h.required(AGE);
            int cm = h.optional(SPEND);
            spend = cm >= 0;
            int cid = h.optional(ID_COLUMNS);
            if (cid < 0 && !h.known(0)) {
                cid = 0;
            }
            while (rows.hasNextValue()) {
                int line = rows.getCurrentLocation().getLineNr();
                Row row = new Row(file, line, h, rows.nextValue());
                if (row.blank()) {
                    continue;
                }
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
                    throw row.error(columnOf(e.getMessage(), h, cx, ctx, ct, cm, cid), e.getMessage());
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
        } catch (JsonProcessingException e) {
            throw new InputException(file + ": " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
        if (ids.isEmpty()) {
            throw new InputException(file + ": no customers after the header row");
        }
        RfmSummary summary = spend
                ? RfmSummary.of(unit, ids, x.toArray(), tx.toArray(), t.toArray(), m.toArray())
                : RfmSummary.of(unit, ids, x.toArray(), tx.toArray(), t.toArray());
        String source = String.format(Locale.ROOT, "%s (%,d customers, %s%s)", file.getFileName(), ids.size(),
                unitName(unit), spend ? ", with mean spend" : "");
        progress.done("read " + source);
        return new Cohort(summary, source, file, lines.toArray());
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
    static Cohort transactions(Path file, LocalDate calibrationEnd, RfmTimeUnit unit, Currency currency,
                               Progress progress) throws IOException {
        checkFile(file);
        progress.start("reading " + file.getFileName());
        List<Purchase> purchases = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")
                ? csvPurchases(file, currency, progress) : textPurchases(file, currency, progress);
        if (purchases.isEmpty()) {
            throw new InputException(file + ": no transactions");
        }
        progress.done(String.format(Locale.ROOT, "read %,d transactions from %s", purchases.size(), file.getFileName()));
        progress.start("summarising to " + calibrationEnd);
        RfmSummary summary = RfmSummary.fromPurchases(purchases, calibrationEnd, unit);
        if (summary.size() == 0) {
            throw new InputException(file + ": no customer made a first purchase by the calibration end " + calibrationEnd);
        }
        int late = summary.customersFirstSeenAfterCalibration();
        String source = String.format(Locale.ROOT, "%s (%,d customers, calibration to %s, %s%s)", file.getFileName(),
                summary.size(), calibrationEnd, unitName(unit),
                late == 0 ? "" : String.format(Locale.ROOT, "; %,d first seen later left out", late));
        progress.done("summarised " + source);
        return new Cohort(summary, source, file, new int[0]);
    }

    /** Reads per-customer contract lifetimes: a CSV with {@code periods} and {@code churned} (true/false, 1/0). */
    static Lifetimes lifetimes(Path file) throws IOException {
        checkFile(file);
        IntColumn periods = new IntColumn();
        List<Boolean> churned = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<String[]> rows = CSV.readerFor(String[].class).readValues(reader)) {
            if (!rows.hasNextValue()) {
                throw new InputException(file + ": the file is empty; expected a header row with periods,churned");
            }
            Header h = new Header(file, rows.nextValue());
            int cp = h.required(List.of("periods"));
            int cc = h.required(List.of("churned"));
            while (rows.hasNextValue()) {
                int line = rows.getCurrentLocation().getLineNr();
                Row row = new Row(file, line, h, rows.nextValue());
                if (row.blank()) {
                    continue;
                }
                periods.add(row.wholeNumber(cp));
                churned.add(row.bool(cc));
            }
        } catch (JsonProcessingException e) {
            throw new InputException(file + ": " + e.getOriginalMessage());
        }
        boolean[] c = new boolean[churned.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = churned.get(i);
        }
        return new Lifetimes(periods.toArray(), c);
    }

    private static List<Purchase> csvPurchases(Path file, Currency currency, Progress progress) throws IOException {
        List<Purchase> out = new ArrayList<>();
        long size = Files.size(file);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<String[]> rows = CSV.readerFor(String[].class).readValues(reader)) {
            if (!rows.hasNextValue()) {
                throw new InputException(file + ": the file is empty; expected a header row with customer,date,amount");
            }
            Header h = new Header(file, rows.nextValue());
            int cid = h.required(ID_COLUMNS);
            int cdate = h.required(DATE);
            int camount = h.optional(AMOUNT);
            while (rows.hasNextValue()) {
                int line = rows.getCurrentLocation().getLineNr();
                Row row = new Row(file, line, h, rows.nextValue());
                if (row.blank()) {
                    continue;
                }
                out.add(row.purchase(cid, cdate, camount, currency));
                if (out.size() % PROGRESS_EVERY == 0) {
                    // Characters read: the bytes of an ASCII file, close enough for a bar otherwise.
                    progress.updateBytes(Math.min(size, rows.getCurrentLocation().getCharOffset()), size);
                }
            }
        } catch (JsonProcessingException e) {
            throw new InputException(file + ": " + e.getOriginalMessage());
        }
        return out;
    }

    private static List<Purchase> textPurchases(Path file, Currency currency, Progress progress) throws IOException {
        List<Purchase> out = new ArrayList<>();
        Header master = new Header(file, new String[] {"id", "date", "cds", "dollars"});
        Header sample = new Header(file, new String[] {"master_id", "sample_id", "date", "cds", "dollars"});
        long size = Files.size(file);
        long read = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            int line = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                read += text.length() + 1;
                String trimmed = text.strip();
                if (trimmed.isEmpty() || (line == 1 && !Character.isDigit(trimmed.charAt(0)))) {
                    continue;
                }
                String[] f = WHITESPACE.split(trimmed);
                if (f.length != 4 && f.length != 5) {
                    throw new InputException(file + ":" + line + ": " + f.length + " fields; expected 4 (id date cds "
                            + "dollars, as CDNOW_master.txt) or 5 (master_id sample_id date cds dollars, as "
                            + "CDNOW_sample.txt), separated by white space");
                }
                int shift = f.length - 4;
                Row row = new Row(file, line, shift == 0 ? master : sample, f);
                out.add(row.purchase(shift, shift + 1, shift + 3, currency));
                if (out.size() % PROGRESS_EVERY == 0) {
                    progress.updateBytes(Math.min(size, read), size);
                }
            }
        }
        return out;
    }

    private static void checkFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": no such file");
        }
        if (Files.size(file) > InputFiles.MAX_FILE_BYTES) {
            throw new InputException(file + ": " + Files.size(file) + " bytes is over the limit of "
                    + InputFiles.MAX_FILE_BYTES);
        }
    }

    static String unitName(RfmTimeUnit unit) {
        return unit.name().toLowerCase(Locale.ROOT);
    }

    /** The column a {@link CustomerRfm} message is about, from the field it names. */
    private static int columnOf(String message, Header h, int cx, int ctx, int ct, int cm, int cid) {
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

    /** A header row: finds columns by name, ignoring case. */
    private static final class Header {
        private final Path file;
        private final String[] names;

        Header(Path file, String[] names) {
            this.file = file;
            this.names = names;
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

        int required(List<String> candidates) throws InputException {
            int i = optional(candidates);
            if (i < 0) {
                throw new InputException(file + ":1: no column " + String.join(" or ", candidates) + " in the header "
                        + String.join(",", names));
            }
            return i;
        }

        boolean known(int column) {
            String n = names.length > column ? names[column] : "";
            for (List<String> group : List.of(FREQUENCY, RECENCY, AGE, SPEND)) {
                for (String c : group) {
                    if (c.equalsIgnoreCase(n)) {
                        return true;
                    }
                }
            }
            return false;
        }

        String name(int column) {
            return column < names.length ? names[column] : "";
        }
    }

    /** One data row, read cell by cell with errors that say where. */
    private record Row(Path file, int line, Header header, String[] values) {

        boolean blank() {
            return values.length == 0 || (values.length == 1 && values[0].isEmpty());
        }

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
                double d = Double.parseDouble(v);
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                throw error(column, "'" + v + "' is not a number");
            }
            throw error(column, "'" + v + "' is not a finite number");
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
                return new BigDecimal(v);
            } catch (NumberFormatException e) {
                throw error(column, "'" + v + "' is not a decimal number");
            }
        }

        boolean bool(int column) {
            String v = text(column).toLowerCase(Locale.ROOT);
            switch (v) {
                case "true", "1", "yes" -> {
                    return true;
                }
                case "false", "0", "no" -> {
                    return false;
                }
                default -> throw error(column, "'" + v + "' is not true/false (or 1/0)");
            }
        }

        LocalDate date(int column) {
            String v = text(column);
            try {
                if (v.length() == 8 && v.chars().allMatch(Character::isDigit)) {
                    return LocalDate.of(Integer.parseInt(v.substring(0, 4)), Integer.parseInt(v.substring(4, 6)),
                            Integer.parseInt(v.substring(6, 8)));
                }
                if (v.length() > 10 && (v.charAt(10) == ' ' || v.charAt(10) == 'T')) {
                    return LocalDate.parse(v.substring(0, 10));
                }
                return LocalDate.parse(v);
            } catch (DateTimeException e) {
                throw error(column, "'" + v + "' is not a date (yyyy-mm-dd or yyyymmdd)");
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

        InputFiles.UncheckedInputException error(int column, String problem) {
            String where = column < 0 ? "" : " column " + (column + 1) + " '" + header.name(column) + "':";
            return new InputFiles.UncheckedInputException(file + ":" + line + ":" + where + " " + problem);
        }
    }

    /** A growable int column. */
    private static final class IntColumn {
        private int[] values = new int[64];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** A growable double column. */
    private static final class DoubleColumn {
        private double[] values = new double[64];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
