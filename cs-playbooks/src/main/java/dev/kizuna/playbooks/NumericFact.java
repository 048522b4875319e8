package dev.kizuna.playbooks;

import java.util.Objects;

/**
 * A numeric {@link Fact} on its way to a {@link Condition}: pick the comparison. Immutable.
 *
 * <pre>{@code Condition.healthScore().below(40)}</pre>
 */
public final class NumericFact {
    private final Fact fact;

    NumericFact(Fact fact) {
        this.fact = Objects.requireNonNull(fact, "fact");
    }

    /** Returns the fact. */
    public Fact fact() {
        return fact;
    }

    /** Returns the condition that the fact is strictly below {@code value}. */
    public Condition below(double value) {
        return new Condition.Test(fact, new Criterion.Below(value));
    }

    /** Returns the condition that the fact is at most {@code value}. */
    public Condition atMost(double value) {
        return new Condition.Test(fact, new Criterion.AtMost(value));
    }

    /** Returns the condition that the fact is strictly above {@code value}. */
    public Condition above(double value) {
        return new Condition.Test(fact, new Criterion.Above(value));
    }

    /** Returns the condition that the fact is at least {@code value}. */
    public Condition atLeast(double value) {
        return new Condition.Test(fact, new Criterion.AtLeast(value));
    }

    /** Returns the condition that the fact lies in {@code [low, high]}, both ends included. */
    public Condition between(double low, double high) {
        return new Condition.Test(fact, new Criterion.Between(low, high));
    }
}
