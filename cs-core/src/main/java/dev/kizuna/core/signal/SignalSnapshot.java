package dev.kizuna.core.signal;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.internal.Checks;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The signal values of one account at one instant: the input of a health score.
 *
 * <p>Every value is a finite number within its signal's {@linkplain SignalName#domain() domain}: an NPS from -100 to
 * 100, a share from 0 to 1, a count a whole number from 0 up, a flag 0 or 1 (a custom signal's domain is any finite
 * number). One rule ties two well-known signals: the escalated tickets are among the open tickets, so
 * {@code support.escalated_tickets} is at most {@code support.open_tickets} when a snapshot has both. A value that
 * breaks either rule is impossible, and the snapshot is not made: the constructor, {@link #of}, {@link #with} and
 * the {@link Builder} throw an {@link IllegalArgumentException} naming the signal, the value and the domain, such as
 * {@code 500 is outside the domain of sentiment.nps: a number from -100 to 100}.
 *
 * <p>A signal that is not known at {@code at} is simply absent: nothing is defaulted, so a score can see what is
 * missing and say so. Values are sorted by name, so equal snapshots serialise identically. Immutable and
 * thread-safe.
 *
 * @param account the account
 * @param at      when the values were observed
 * @param values  the values by signal name, each finite and within its signal's domain
 */
public record SignalSnapshot(AccountId account, Instant at, SortedMap<SignalName, Double> values) {

    /**
     * Validates every value and copies the map (into an unmodifiable one kept as arrays; see {@link #nameAt}).
     *
     * @throws IllegalArgumentException naming the signal and the value, if a value is not finite, is outside its
     *                                  signal's domain, or breaks the rule between escalated and open tickets
     */
    public SignalSnapshot {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(values, "values");
        if (!(values instanceof SignalValues)) {
            SortedMap<SignalName, Double> sorted = values;
            if (sorted.comparator() != null) {
                // Another order than the names': sorted again (and checked) by the names' own.
                TreeMap<SignalName, Double> copy = new TreeMap<>();
                for (Map.Entry<SignalName, Double> e : values.entrySet()) {
                    copy.put(Objects.requireNonNull(e.getKey(), "values key"), e.getValue());
                }
                sorted = copy;
            }
            // In the names' natural order, so each name is above the one before: checked, then copied as they come.
            SignalName[] names = new SignalName[sorted.size()];
            double[] numbers = new double[names.length];
            int i = 0;
            for (Map.Entry<SignalName, Double> e : sorted.entrySet()) {
                SignalName name = Objects.requireNonNull(e.getKey(), "values key");
                Double value = Objects.requireNonNull(e.getValue(), () -> field(name));
                if (i == names.length || (i > 0 && names[i - 1].compareTo(name) >= 0)) {
                    throw new IllegalArgumentException("values: not sorted by name at " + name.value());
                }
                names[i] = name;
                numbers[i++] = checked(name, value);
            }
            if (i != names.length) {
                throw new IllegalArgumentException("values: " + i + " entries, but a size of " + names.length);
            }
            SignalValues checked = names.length == 0 ? SignalValues.EMPTY : new SignalValues(names, numbers);
            checkTickets(checked);
            values = checked;
        }
    }

    /** Returns the snapshot of the given values; the map is copied. */
    public static SignalSnapshot of(AccountId account, Instant at, Map<SignalName, Double> values) {
        return new SignalSnapshot(account, at, new TreeMap<>(Objects.requireNonNull(values, "values")));
    }

    /** Returns a snapshot of {@code account} at {@code at} with no values. */
    public static SignalSnapshot empty(AccountId account, Instant at) {
        return new SignalSnapshot(account, at, SignalValues.EMPTY);
    }

    /** Returns a builder of the snapshot of {@code account} at {@code at}. */
    public static Builder builder(AccountId account, Instant at) {
        return new Builder(account, at);
    }

    /** Returns the value of {@code name}, or empty if the snapshot does not have it. */
    public OptionalDouble value(SignalName name) {
        Objects.requireNonNull(name, "name");
        Double value = values.get(name);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /** Returns whether the snapshot has a value of {@code name}. */
    public boolean has(SignalName name) {
        Objects.requireNonNull(name, "name");
        return values.containsKey(name);
    }

    /** Returns this snapshot with {@code name} set to {@code value}, replacing any earlier value. */
    public SignalSnapshot with(SignalName name, double value) {
        Objects.requireNonNull(name, "name");
        TreeMap<SignalName, Double> copy = new TreeMap<>(values);
        copy.put(name, value);
        return new SignalSnapshot(account, at, copy);
    }

    /**
     * Returns the values {@code name} could take in this snapshot, every other value held fixed: its
     * {@linkplain SignalName#domain() domain}, narrowed by the rule between escalated and open tickets (open tickets
     * at least the escalated ones, escalated tickets at most the open ones, when the snapshot has the other). A value
     * inside it, put in with {@link #with}, makes a valid snapshot.
     */
    public SignalDomain domainOf(SignalName name) {
        Objects.requireNonNull(name, "name");
        SignalDomain domain = name.domain();
        if (name.equals(SignalName.SUPPORT_OPEN_TICKETS)) {
            Double escalated = values.get(SignalName.SUPPORT_ESCALATED_TICKETS);
            return escalated == null ? domain : new SignalDomain(escalated, domain.max(), true);
        }
        if (name.equals(SignalName.SUPPORT_ESCALATED_TICKETS)) {
            Double open = values.get(SignalName.SUPPORT_OPEN_TICKETS);
            return open == null ? domain : new SignalDomain(domain.min(), open, true);
        }
        return domain;
    }

    /**
     * Returns why a snapshot cannot have {@code escalated} escalated tickets with {@code open} open tickets, such as
     * {@code support.escalated_tickets: 5 is more than support.open_tickets, 3: escalated tickets are among the open
     * tickets}; empty when it can ({@code escalated <= open}).
     */
    public static Optional<String> ticketProblem(double escalated, double open) {
        if (escalated <= open) {
            return Optional.empty();
        }
        return Optional.of(SignalName.SUPPORT_ESCALATED_TICKETS.value() + ": " + plain(escalated) + " is more than "
                + SignalName.SUPPORT_OPEN_TICKETS.value() + ", " + plain(open)
                + ": escalated tickets are among the open tickets");
    }

    /** Returns the number of values. */
    public int size() {
        return values.size();
    }

    /**
     * Returns the name of the {@code index}-th value in name order, from 0 to {@code size() - 1}: with
     * {@link #valueAt}, a walk over the values without boxing, for models that read many snapshots.
     *
     * @throws IndexOutOfBoundsException if there is no such value
     */
    public SignalName nameAt(int index) {
        return ((SignalValues) values).names[Objects.checkIndex(index, values.size())];
    }

    /**
     * Returns the {@code index}-th value in name order, the value of {@link #nameAt nameAt(index)}.
     *
     * @throws IndexOutOfBoundsException if there is no such value
     */
    public double valueAt(int index) {
        return ((SignalValues) values).values[Objects.checkIndex(index, values.size())];
    }

    private static String field(SignalName name) {
        return "values['" + name.value() + "']";
    }

    /** Returns the value if it is finite and within the signal's domain, else throws naming both. */
    private static double checked(SignalName name, double value) {
        Checks.finite(value, field(name));
        SignalDomain domain = name.domain();
        if (!domain.contains(value)) {
            throw new IllegalArgumentException(domain.problem(name, value).orElseThrow());
        }
        return value;
    }

    private static void checkTickets(SignalValues values) {
        Double escalated = values.get(SignalName.SUPPORT_ESCALATED_TICKETS);
        if (escalated == null) {
            return;
        }
        Double open = values.get(SignalName.SUPPORT_OPEN_TICKETS);
        if (open != null) {
            Optional<String> problem = ticketProblem(escalated, open);
            if (problem.isPresent()) {
                throw new IllegalArgumentException(problem.get());
            }
        }
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    /** Builds a {@link SignalSnapshot}. Not thread-safe; the snapshot it builds is. */
    public static final class Builder {
        private final AccountId account;
        private final Instant at;
        private final TreeMap<SignalName, Double> values = new TreeMap<>();

        private Builder(AccountId account, Instant at) {
            this.account = Objects.requireNonNull(account, "account");
            this.at = Objects.requireNonNull(at, "at");
        }

        /**
         * Sets {@code name} to {@code value}, replacing any earlier value.
         *
         * @throws IllegalArgumentException naming the signal and the value, if the value is not finite or is outside
         *                                  the signal's {@linkplain SignalName#domain() domain}
         */
        public Builder put(SignalName name, double value) {
            Objects.requireNonNull(name, "name");
            values.put(name, checked(name, value));
            return this;
        }

        /** Sets the signal named {@code name} to {@code value}; see {@link SignalName#of(String)}. */
        public Builder put(String name, double value) {
            return put(SignalName.of(name), value);
        }

        /**
         * Builds the snapshot.
         *
         * @throws IllegalArgumentException if it has more escalated tickets than open tickets
         */
        public SignalSnapshot build() {
            return new SignalSnapshot(account, at, values);
        }
    }
}
