package dev.kizuna.core.plan;

import dev.kizuna.core.internal.Checks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Argument checks shared by the plan types, in the {@code field: value, why} shape of {@code Checks}. */
final class PlanChecks {
    private PlanChecks() {
    }

    /** Returns an unmodifiable copy of the list, naming the first null element as {@code field[i]}. */
    static <T> List<T> copy(List<T> list, String field) {
        Objects.requireNonNull(list, field);
        Object[] elements = list.toArray();
        for (int i = 0; i < elements.length; i++) {
            Objects.requireNonNull(elements[i], field + "[" + i + "]");
        }
        return List.copyOf(list);
    }

    /** Returns an unmodifiable copy of a list of texts, each non-blank, naming the first bad one as {@code field[i]}. */
    static List<String> texts(List<String> list, String field) {
        List<String> out = copy(list, field);
        for (int i = 0; i < out.size(); i++) {
            Checks.nonBlank(out.get(i), field + "[" + i + "]");
        }
        return out;
    }

    /**
     * Checks that no two elements share a key, naming the second as {@code field[i].part} and the first it repeats:
     * {@code plan.goals[2].name: 'Adoption' is a duplicate of plan.goals[0].name}.
     */
    static <T, K> void unique(List<T> list, Function<T, K> key, String field, String part) {
        Map<K, Integer> seen = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            K k = key.apply(list.get(i));
            Integer first = seen.putIfAbsent(k, i);
            if (first != null) {
                throw new IllegalArgumentException(field + "[" + i + "]." + part + ": '" + k + "' is a duplicate of "
                        + field + "[" + first + "]." + part + "; each " + part + " must be unique");
            }
        }
    }
}
