package dev.kizuna.playbooks.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct slots a compiled rule set reads, each with an index, so that conditions compile to comparisons of
 * numbers in an array. Immutable after {@link #freeze()}; compared by identity.
 */
final class FactTable {
    private final List<Slot> slots = new ArrayList<>();
    private final Map<Slot, Integer> index = new HashMap<>();
    private boolean frozen;

    int indexOf(Slot slot) {
        Integer i = index.get(slot);
        if (i != null) {
            return i;
        }
        if (frozen) {
            throw new IllegalStateException("the fact table is frozen");
        }
        slots.add(slot);
        index.put(slot, slots.size() - 1);
        return slots.size() - 1;
    }

    void freeze() {
        frozen = true;
    }

    int size() {
        return slots.size();
    }

    Slot slot(int i) {
        return slots.get(i);
    }

    /** Returns {@code [current values..., previous values...]}, NaN where missing. */
    double[] resolve(EvaluationContext context) {
        int n = slots.size();
        double[] values = new double[2 * n];
        Facts facts = new Facts(context);
        for (int i = 0; i < n; i++) {
            Slot s = slots.get(i);
            values[i] = facts.value(s, false);
            values[n + i] = facts.value(s, true);
        }
        return values;
    }
}
