package dev.kizuna.core.signal;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.internal.Checks;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The signal values of one account at one instant: the input of a health score.
 *
 * <p>Every value is a finite number. A signal that is not known at {@code at} is simply absent: nothing is
 * defaulted, so a score can see what is missing and say so. Values are sorted by name, so equal snapshots
 * serialise identically. Immutable and thread-safe.
 *
 * @param account the account
 * @param at      when the values were observed
 * @param values  the values by signal name, each finite
 */
public record SignalSnapshot(AccountId account, Instant at, SortedMap<SignalName, Double> values) {

    /** Validates every value and copies the map. */
    public SignalSnapshot {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(values, "values");
        TreeMap<SignalName, Double> copy = new TreeMap<>();
        for (Map.Entry<SignalName, Double> e : values.entrySet()) {
            SignalName name = Objects.requireNonNull(e.getKey(), "values key");
            Double value = Objects.requireNonNull(e.getValue(), () -> field(name));
            copy.put(name, Checks.finite(value, field(name)));
        }
        values = Collections.unmodifiableSortedMap(copy);
    }

    /** Returns the snapshot of the given values; the map is copied. */
    public static SignalSnapshot of(AccountId account, Instant at, Map<SignalName, Double> values) {
        return new SignalSnapshot(account, at, new TreeMap<>(Objects.requireNonNull(values, "values")));
    }

    /** Returns a snapshot of {@code account} at {@code at} with no values. */
    public static SignalSnapshot empty(AccountId account, Instant at) {
        return new SignalSnapshot(account, at, Collections.emptySortedMap());
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

    /** Returns the number of values. */
    public int size() {
        return values.size();
    }

    private static String field(SignalName name) {
        return "values['" + name.value() + "']";
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
         * @throws IllegalArgumentException naming the signal, if the value is not finite
         */
        public Builder put(SignalName name, double value) {
            Objects.requireNonNull(name, "name");
            values.put(name, Checks.finite(value, field(name)));
            return this;
        }

        /** Sets the signal named {@code name} to {@code value}; see {@link SignalName#of(String)}. */
        public Builder put(String name, double value) {
            return put(SignalName.of(name), value);
        }

        /** Builds the snapshot. */
        public SignalSnapshot build() {
            return new SignalSnapshot(account, at, values);
        }
    }
}
