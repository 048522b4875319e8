package dev.kizuna.playbooks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A categorical {@link Fact} on its way to a {@link Condition}: name the values it may take. Enum values (stages,
 * plan statuses) are named by {@link Enum#name()}. Immutable.
 *
 * <pre>{@code Condition.stage().in(JourneyStage.CONVERSION)}</pre>
 *
 * @param <T> the type of the values: {@code String}, {@code JourneyStage} or {@code PlanStatus}
 */
public final class CategoricalFact<T> {
    private final Fact fact;

    CategoricalFact(Fact fact) {
        this.fact = Objects.requireNonNull(fact, "fact");
    }

    /** Returns the fact. */
    public Fact fact() {
        return fact;
    }

    /** Returns the condition that the fact is {@code value}. */
    public Condition is(T value) {
        return in(List.of(value));
    }

    /** Returns the condition that the fact is one of {@code values} (for tags: the account has one of them). */
    @SafeVarargs
    public final Condition in(T... values) {
        Objects.requireNonNull(values, "in");
        List<T> list = new ArrayList<>(values.length);
        for (T v : values) {
            list.add(v);
        }
        return in(list);
    }

    /** Returns the condition that the fact is one of {@code values} (for tags: the account has one of them). */
    public Condition in(Collection<? extends T> values) {
        Objects.requireNonNull(values, "in");
        List<String> names = new ArrayList<>(values.size());
        for (T v : values) {
            Objects.requireNonNull(v, "in[]");
            names.add(v instanceof Enum<?> e ? e.name() : v.toString());
        }
        return new Condition.Test(fact, Criterion.In.of(names));
    }
}
