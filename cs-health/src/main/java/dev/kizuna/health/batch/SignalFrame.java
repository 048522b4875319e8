package dev.kizuna.health.batch;

import dev.kizuna.core.AccountId;
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
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The signals of many accounts in columns: a schema of distinct signal names and one {@code double[]} per signal,
 * all of {@link #rows()} values. {@code NaN} means "no value" for that account, as an absent key does in a
 * {@link SignalSnapshot}; a signal that is not in the schema has no value for any row.
 *
 * <p><b>A view, not a copy.</b> {@link Builder#column} wraps the caller's array, so a frame of ten million rows costs
 * no copy; {@link #column} returns that same array. Do not change a column while a scoring of the frame runs. Apart
 * from the columns' contents, a frame is immutable, and any number of threads may read it at once.
 *
 * <p>Each row also has an account (given, or {@code row-<n>} when not) and an instant (one for the whole frame, or
 * one per row), used when a row is scored through the object path and in failure messages. Values that a snapshot
 * cannot hold, {@code ±Infinity}, may sit in a column: scoring marks such a row as failed, naming the signal.
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
     * @throws IllegalArgumentException naming the signal, if a value is infinite
     */
    public SignalSnapshot snapshot(int row) {
        return snapshot(row, signals);
    }

    /**
     * Returns the snapshot of {@code row} with only the given signals (those the frame has and that have a value).
     *
     * @throws IllegalArgumentException naming the signal, if one of their values is infinite
     */
    public SignalSnapshot snapshot(int row, Collection<SignalName> only) {
        Objects.checkIndex(row, rows);
        TreeMap<SignalName, Double> values = new TreeMap<>();
        for (SignalName name : only) {
            Integer i = index.get(name);
            if (i == null) {
                continue;
            }
            double v = columns[i][row];
            if (v != v) {
                continue;
            }
            if (Double.isInfinite(v)) {
                throw new IllegalArgumentException(impossible(name, v));
            }
            values.put(name, v);
        }
        return new SignalSnapshot(account(row), at(row), values);
    }

    /** The failure reason of a row whose value of {@code signal} no snapshot can hold. */
    static String impossible(SignalName signal, double value) {
        return "signal " + signal.value() + ": " + value + " is not a finite number";
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
