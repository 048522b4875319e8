package dev.kizuna.playbooks;

import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.internal.Checks;
import dev.kizuna.core.internal.Numbers;

import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a condition asks of a fact (its criterion): a comparison with a threshold for numeric facts, membership in a set of names for
 * categorical ones. A closed set of kinds; immutable and thread-safe.
 */
public sealed interface Criterion
        permits Criterion.Below, Criterion.AtMost, Criterion.Above, Criterion.AtLeast, Criterion.Between, Criterion.In {

    /** Returns whether this criterion applies to numeric facts (else to categorical ones). */
    boolean isNumeric();

    /** Returns the name of this criterion in definitions, such as {@code below}. */
    String key();

    /** Returns the threshold as a person reads it, such as {@code < 40} or {@code in [red, yellow]}. */
    String describe();

    /**
     * Returns whether some value of {@code domain} meets this criterion: {@code above: 500} cannot hold for an NPS
     * (-100 to 100), {@code between: [1.2, 1.8]} cannot hold for a count (whole numbers). Always true for a
     * categorical criterion. Definition readers reject a test that cannot hold, since its rule would never fire.
     */
    default boolean canHold(SignalDomain domain) {
        Objects.requireNonNull(domain, "domain");
        // The smallest and largest values of the domain: whole numbers when the domain is whole.
        double low = domain.whole() ? Math.ceil(domain.min()) : domain.min();
        double high = domain.whole() ? Math.floor(domain.max()) : domain.max();
        if (this instanceof Below b) {
            return low < b.value();
        }
        if (this instanceof AtMost m) {
            return low <= m.value();
        }
        if (this instanceof Above a) {
            return high > a.value();
        }
        if (this instanceof AtLeast a) {
            return high >= a.value();
        }
        if (this instanceof Between b) {
            double from = Math.max(b.low(), low);
            double to = Math.min(b.high(), high);
            return domain.whole() ? Math.ceil(from) <= Math.floor(to) : from <= to;
        }
        return true;
    }

    /**
     * The fact is strictly below the value.
     *
     * @param value the threshold, finite
     */
    record Below(double value) implements Criterion {
        /** Validates the threshold. */
        public Below {
            Checks.finite(value, "below");
        }

        @Override
        public boolean isNumeric() {
            return true;
        }

        @Override
        public String key() {
            return "below";
        }

        @Override
        public String describe() {
            return "< " + Numbers.rawOrMissing(value);
        }
    }

    /**
     * The fact is at most the value.
     *
     * @param value the threshold, finite
     */
    record AtMost(double value) implements Criterion {
        /** Validates the threshold. */
        public AtMost {
            Checks.finite(value, "atMost");
        }

        @Override
        public boolean isNumeric() {
            return true;
        }

        @Override
        public String key() {
            return "atMost";
        }

        @Override
        public String describe() {
            return "<= " + Numbers.rawOrMissing(value);
        }
    }

    /**
     * The fact is strictly above the value.
     *
     * @param value the threshold, finite
     */
    record Above(double value) implements Criterion {
        /** Validates the threshold. */
        public Above {
            Checks.finite(value, "above");
        }

        @Override
        public boolean isNumeric() {
            return true;
        }

        @Override
        public String key() {
            return "above";
        }

        @Override
        public String describe() {
            return "> " + Numbers.rawOrMissing(value);
        }
    }

    /**
     * The fact is at least the value.
     *
     * @param value the threshold, finite
     */
    record AtLeast(double value) implements Criterion {
        /** Validates the threshold. */
        public AtLeast {
            Checks.finite(value, "atLeast");
        }

        @Override
        public boolean isNumeric() {
            return true;
        }

        @Override
        public String key() {
            return "atLeast";
        }

        @Override
        public String describe() {
            return ">= " + Numbers.rawOrMissing(value);
        }
    }

    /**
     * The fact lies in {@code [low, high]}, both ends included.
     *
     * @param low  the lower bound, finite
     * @param high the upper bound, finite and at least {@code low}
     */
    record Between(double low, double high) implements Criterion {
        /** Validates the bounds. */
        public Between {
            Checks.finite(low, "between.low");
            Checks.finite(high, "between.high");
            if (high < low) {
                throw new IllegalArgumentException("between: [" + Numbers.rawOrMissing(low) + ", " + Numbers.rawOrMissing(high)
                        + "] is empty: the upper bound must be >= the lower bound");
            }
        }

        @Override
        public boolean isNumeric() {
            return true;
        }

        @Override
        public String key() {
            return "between";
        }

        @Override
        public String describe() {
            return "in [" + Numbers.rawOrMissing(low) + ", " + Numbers.rawOrMissing(high) + "]";
        }
    }

    /**
     * The categorical fact is one of the names (for tags: the account has one of them).
     *
     * @param values the names, at least one, sorted
     */
    record In(SortedSet<String> values) implements Criterion {
        /** Validates and copies the names. */
        public In {
            Objects.requireNonNull(values, "in");
            if (values.isEmpty()) {
                throw new IllegalArgumentException("in: [] must name at least one value");
            }
            TreeSet<String> copy = new TreeSet<>();
            for (String v : values) {
                copy.add(Checks.nonBlank(Objects.requireNonNull(v, "in[]"), "in[]"));
            }
            values = Collections.unmodifiableSortedSet(copy);
        }

        /** Returns the criterion of the given names. */
        public static In of(Collection<String> values) {
            return new In(new TreeSet<>(values));
        }

        @Override
        public boolean isNumeric() {
            return false;
        }

        @Override
        public String key() {
            return "in";
        }

        @Override
        public String describe() {
            return "in " + values;
        }
    }
}
