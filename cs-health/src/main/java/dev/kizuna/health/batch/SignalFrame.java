package dev.kizuna.health.batch;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The signals of many accounts in columns: a schema of distinct signal names and one {@code double[]} per signal,
 * all of {@link #rows()} values. {@code NaN} means "no value" for that account, as an absent key does in a
 * {@link SignalSnapshot}; a signal that is not in the schema has no value for any row.
 *
 * <p><b>A view, not a copy.</b> {@link Builder#column} wraps the caller's array, so a frame of ten million rows costs
 * no copy; {@link #column} returns that same array. Do not change a column once the frame is built: its values were
 * checked then (below). Apart from the columns' contents, a frame is immutable, and any number of threads may read it
 * at once.
 *
 * <p>Each row also has an account (given, or {@code row-<n>} when not) and an instant (one for the whole frame, or
 * one per row), used when a row is scored through the object path and in failure messages.
 *
 * <p><b>Impossible values.</b> A column may hold values that no {@link SignalSnapshot} can: {@code ±Infinity}, a
 * value outside its signal's {@linkplain SignalName#domain() domain} (an NPS of 500, a licence utilisation of -2, 3.5
 * open tickets), and more escalated than open tickets in a row. The frame finds them once, when it is built, in one
 * pass over each column; scoring then reports each such row as failed, with the reason (the signal, the value and
 * its domain, such as {@code 500 is outside the domain of sentiment.nps: a number from -100 to 100}), counts it, and
 * scores the other rows ({@link #impossibleRows}). A row is failed only for the signals the model reads, as its
 * {@linkplain #snapshot(int, Collection) snapshot} of those signals would be rejected.
 */
public final class SignalFrame {
    private final int rows;
    private final List<SignalName> signals;
    private final double[][] columns;
    private final Map<SignalName, Integer> index;
    private final Instant at;
    /** Each row's instant; empty when every row has {@link #at}. */
    private final Instant[] instants;
    /** Each row's account; empty when rows are named by number. */
    private final AccountId[] accounts;
    /** For each column, the rows whose value is neither NaN nor inside the signal's domain, ascending. */
    private final int[][] outside;
    /** The rows with more escalated than open tickets, ascending; empty unless the frame has both columns. */
    private final int[] ticketRows;

    private SignalFrame(int rows, List<SignalName> signals, double[][] columns, Instant at, Instant[] instants,
                        AccountId[] accounts) {
        this.rows = rows;
        this.signals = List.copyOf(signals);
        this.columns = columns;
        Map<SignalName, Integer> byName = new HashMap<>();
        for (int s = 0; s < this.signals.size(); s++) {
            byName.put(this.signals.get(s), s);
        }
        this.index = byName;
        this.at = at;
        this.instants = instants;
        this.accounts = accounts;
        this.outside = new int[columns.length][];
        for (int s = 0; s < columns.length; s++) {
            outside[s] = outside(columns[s], this.signals.get(s).domain());
        }
        Integer escalated = byName.get(SignalName.SUPPORT_ESCALATED_TICKETS);
        Integer open = byName.get(SignalName.SUPPORT_OPEN_TICKETS);
        this.ticketRows = escalated == null || open == null ? NONE : moreThan(columns[escalated], columns[open]);
    }

    private static final int[] NONE = new int[0];

    /** Returns the rows whose value is neither NaN (no value) nor inside {@code domain}, ascending. */
    private static int[] outside(double[] column, SignalDomain domain) {
        int[] rows = NONE;
        int count = 0;
        for (int r = 0; r < column.length; r++) {
            double v = column[r];
            if (v == v && !domain.contains(v)) {
                if (count == rows.length) {
                    rows = Arrays.copyOf(rows, Math.max(8, 2 * count));
                }
                rows[count++] = r;
            }
        }
        return count == rows.length ? rows : Arrays.copyOf(rows, count);
    }

    /** Returns the rows where {@code above} holds a value above {@code below}'s, both given. */
    private static int[] moreThan(double[] above, double[] below) {
        int[] rows = NONE;
        int count = 0;
        for (int r = 0; r < above.length; r++) {
            if (above[r] > below[r]) {
                if (count == rows.length) {
                    rows = Arrays.copyOf(rows, Math.max(8, 2 * count));
                }
                rows[count++] = r;
            }
        }
        return count == rows.length ? rows : Arrays.copyOf(rows, count);
    }

    /**
     * Returns a builder of a frame of {@code rows} accounts, all observed at {@code at}.
     *
     * @throws IllegalArgumentException if {@code rows} is negative
     */
    public static Builder builder(int rows, Instant at) {
        return new Builder(rows, at);
    }

    /**
     * Returns a frame of the snapshots, one row each, in order: a column for every signal any of them has (sorted by
     * name), NaN where a snapshot has no value, and each row's account and instant. The values are copied.
     */
    public static SignalFrame of(List<SignalSnapshot> snapshots) {
        Objects.requireNonNull(snapshots, "snapshots");
        TreeSet<SignalName> names = new TreeSet<>();
        for (SignalSnapshot s : snapshots) {
            names.addAll(Objects.requireNonNull(s, "snapshots[]").values().keySet());
        }
        int rows = snapshots.size();
        Map<SignalName, double[]> columns = new LinkedHashMap<>();
        for (SignalName name : names) {
            double[] column = new double[rows];
            Arrays.fill(column, Double.NaN);
            columns.put(name, column);
        }
        Instant[] instants = new Instant[rows];
        AccountId[] accounts = new AccountId[rows];
        for (int r = 0; r < rows; r++) {
            SignalSnapshot s = snapshots.get(r);
            for (Map.Entry<SignalName, Double> e : s.values().entrySet()) {
                columns.get(e.getKey())[r] = e.getValue();
            }
            instants[r] = s.at();
            accounts[r] = s.account();
        }
        Instant first = rows == 0 ? Instant.EPOCH : instants[0];
        return new SignalFrame(rows, new ArrayList<>(columns.keySet()), columns.values().toArray(new double[0][]),
                first, instants, accounts);
    }

    /** Returns the number of rows (accounts). */
    public int rows() {
        return rows;
    }

    /** Returns the signals that have a column, in schema order. */
    public List<SignalName> signals() {
        return signals;
    }

    /** Returns the position of {@code signal} in the schema, if it has a column. */
    public OptionalInt indexOf(SignalName signal) {
        Integer i = index.get(Objects.requireNonNull(signal, "signal"));
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /**
     * Returns the column of {@code signal} (the frame's own array, not a copy), or empty if the frame has none.
     */
    public Optional<double[]> column(SignalName signal) {
        Integer i = index.get(Objects.requireNonNull(signal, "signal"));
        return i == null ? Optional.empty() : Optional.of(columns[i]);
    }

    /** Returns the column at {@code position} in the schema (the frame's own array). */
    public double[] column(int position) {
        Objects.checkIndex(position, columns.length);
        return columns[position];
    }

    /** Returns the value of {@code signal} in {@code row}: NaN when it has none or the frame has no such column. */
    public double value(int row, SignalName signal) {
        Objects.checkIndex(row, rows);
        Integer i = index.get(Objects.requireNonNull(signal, "signal"));
        return i == null ? Double.NaN : columns[i][row];
    }

    /** Returns the account of {@code row}: the one given, or {@code row-<row>}. */
    public AccountId account(int row) {
        Objects.checkIndex(row, rows);
        return accounts.length > 0 ? accounts[row] : AccountId.of("row-" + row);
    }

    /** Returns the instant the values of {@code row} were observed. */
    public Instant at(int row) {
        Objects.checkIndex(row, rows);
        return instants.length > 0 ? instants[row] : at;
    }

    /**
     * Returns the snapshot of {@code row}: every signal of the frame that has a value there.
     *
     * @throws IllegalArgumentException naming the signal, if a value is infinite or a snapshot rejects it (see
     *                                  {@link SignalSnapshot})
     */
    public SignalSnapshot snapshot(int row) {
        return snapshot(row, signals);
    }

    /**
     * Returns the snapshot of {@code row} with only the given signals (those the frame has and that have a value).
     *
     * @throws IllegalArgumentException naming the signal, if one of their values is infinite or a snapshot rejects
     *                                  it (see {@link SignalSnapshot})
     */
    public SignalSnapshot snapshot(int row, Collection<SignalName> only) {
        Objects.checkIndex(row, rows);
        TreeMap<SignalName, Double> values = new TreeMap<>();
        for (SignalName name : only) {
            Integer i = index.get(name);
            if (i != null && columns[i][row] == columns[i][row]) {
                values.put(name, columns[i][row]);
            }
        }
        // In name order, with the words of impossibleRows: the first problem is the one both report.
        for (Map.Entry<SignalName, Double> e : values.entrySet()) {
            SignalName name = e.getKey();
            double v = e.getValue();
            if (!name.domain().contains(v)) {
                throw new IllegalArgumentException(reason(name, v, name.domain()));
            }
        }
        return new SignalSnapshot(account(row), at(row), values);
    }

    /** The failure reason of a row whose value of {@code signal} no snapshot can hold. */
    static String impossible(SignalName signal, double value) {
        return "signal " + signal.value() + ": " + value + " is not a finite number";
    }

    /**
     * Returns the rows from {@code from} (inclusive) to {@code to} (exclusive) that a model reading the signals of
     * {@code domains} cannot score, each once with the reason, by row: a value of one of those signals that is
     * infinite ({@code signal sentiment.nps: Infinity is not a finite number}), or outside the signal's own domain
     * or the one given for it ({@code 500 is outside the domain of sentiment.nps: a number from -100 to 100}), and,
     * when both ticket signals are given, more escalated than open tickets. A row with several problems gets the
     * first, in signal-name order. Signals the frame has no column of are skipped.
     *
     * <p>The values outside the signals' own domains were found when the frame was built, so for the usual
     * domains ({@link dev.kizuna.health.InputDomains#domains()} of a model whose definition declares none narrower)
     * this costs a few lookups and allocates only when there are such rows; a narrower domain given for a signal is
     * checked here, over the range of its column.
     *
     * @param domains the signals a model reads and their domains ({@link dev.kizuna.health.ModelDefinition#domainOf})
     * @throws IndexOutOfBoundsException if the range is not within the rows
     */
    public List<RowFailure> impossibleRows(Map<SignalName, SignalDomain> domains, int from, int to) {
        Objects.requireNonNull(domains, "domains");
        Objects.checkFromToIndex(from, to, rows);
        SortedMap<Integer, String> found = null;
        Map<SignalName, SignalDomain> sorted = domains instanceof SortedMap
                && ((SortedMap<SignalName, SignalDomain>) domains).comparator() == null ? domains : new TreeMap<>(domains);
        for (Map.Entry<SignalName, SignalDomain> e : sorted.entrySet()) {
            SignalName signal = e.getKey();
            Integer position = index.get(signal);
            if (position == null) {
                continue;
            }
            double[] column = columns[position];
            int[] bad = outside[position];
            for (int k = firstAtLeast(bad, from); k < bad.length && bad[k] < to; k++) {
                found = add(found, bad[k], reason(signal, column[bad[k]], signal.domain()));
            }
            SignalDomain given = e.getValue();
            if (!given.equals(signal.domain())) {
                for (int r = from; r < to; r++) {
                    double v = column[r];
                    if (v == v && !given.contains(v)) {
                        found = add(found, r, reason(signal, v, given));
                    }
                }
            }
        }
        if (ticketRows.length > 0 && domains.containsKey(SignalName.SUPPORT_ESCALATED_TICKETS)
                && domains.containsKey(SignalName.SUPPORT_OPEN_TICKETS)) {
            double[] escalated = columns[index.get(SignalName.SUPPORT_ESCALATED_TICKETS)];
            double[] open = columns[index.get(SignalName.SUPPORT_OPEN_TICKETS)];
            for (int k = firstAtLeast(ticketRows, from); k < ticketRows.length && ticketRows[k] < to; k++) {
                int r = ticketRows[k];
                found = add(found, r, SignalSnapshot.ticketProblem(escalated[r], open[r]).orElseThrow());
            }
        }
        if (found == null) {
            return List.of();
        }
        List<RowFailure> out = new ArrayList<>(found.size());
        for (Map.Entry<Integer, String> e : found.entrySet()) {
            out.add(new RowFailure(e.getKey(), e.getValue()));
        }
        return out;
    }

    private static SortedMap<Integer, String> add(SortedMap<Integer, String> found, int row, String reason) {
        SortedMap<Integer, String> map = found == null ? new TreeMap<>() : found;
        map.putIfAbsent(row, reason);
        return map;
    }

    private static String reason(SignalName signal, double value, SignalDomain domain) {
        return Double.isInfinite(value) ? impossible(signal, value) : domain.problem(signal, value).orElseThrow();
    }

    /** Returns the position of the first of the ascending {@code rows} that is at least {@code row}. */
    private static int firstAtLeast(int[] rows, int row) {
        int low = 0;
        int high = rows.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (rows[mid] < row) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    @Override
    public String toString() {
        return "SignalFrame[" + rows + " rows, " + signals.size() + " signals]";
    }

    /** Builds a {@link SignalFrame}. Not thread-safe. */
    public static final class Builder {
        private final int rows;
        private final Instant at;
        private final Map<SignalName, double[]> columns = new LinkedHashMap<>();
        private Instant[] instants = new Instant[0];
        private AccountId[] accounts = new AccountId[0];

        private Builder(int rows, Instant at) {
            if (rows < 0) {
                throw new IllegalArgumentException("rows: " + rows + " must be >= 0");
            }
            this.rows = rows;
            this.at = Objects.requireNonNull(at, "at");
        }

        /**
         * Adds the column of {@code signal}, wrapping {@code values} (not copied); NaN is "no value".
         *
         * @throws IllegalArgumentException if the column's length is not the number of rows, or the signal already
         *                                  has a column
         */
        public Builder column(SignalName signal, double[] values) {
            Objects.requireNonNull(signal, "signal");
            Objects.requireNonNull(values, "values");
            if (values.length != rows) {
                throw new IllegalArgumentException("column " + signal.value() + ": " + values.length
                        + " values, but the frame has " + rows + " rows");
            }
            if (columns.putIfAbsent(signal, values) != null) {
                throw new IllegalArgumentException("column " + signal.value() + ": the signal has a column already");
            }
            return this;
        }

        /**
         * Sets each row's account (copied).
         *
         * @throws IllegalArgumentException if there are not as many accounts as rows
         */
        public Builder accounts(List<AccountId> ids) {
            Objects.requireNonNull(ids, "accounts");
            if (ids.size() != rows) {
                throw new IllegalArgumentException("accounts: " + ids.size() + " accounts, but the frame has " + rows
                        + " rows");
            }
            AccountId[] copy = new AccountId[rows];
            for (int r = 0; r < rows; r++) {
                copy[r] = Objects.requireNonNull(ids.get(r), "accounts[]");
            }
            this.accounts = copy;
            return this;
        }

        /**
         * Sets each row's instant (copied), instead of one for the whole frame.
         *
         * @throws IllegalArgumentException if there are not as many instants as rows
         */
        public Builder instants(List<Instant> times) {
            Objects.requireNonNull(times, "instants");
            if (times.size() != rows) {
                throw new IllegalArgumentException("instants: " + times.size() + " instants, but the frame has "
                        + rows + " rows");
            }
            Instant[] copy = new Instant[rows];
            for (int r = 0; r < rows; r++) {
                copy[r] = Objects.requireNonNull(times.get(r), "instants[]");
            }
            this.instants = copy;
            return this;
        }

        /** Builds the frame. */
        public SignalFrame build() {
            return new SignalFrame(rows, new ArrayList<>(columns.keySet()), columns.values().toArray(new double[0][]),
                    at, instants, accounts);
        }
    }
}
