package dev.kizuna.health.scorecard;

import dev.kizuna.health.definition.DefinitionLimits;
import dev.kizuna.core.internal.Checks;
import dev.kizuna.core.internal.Numbers;

import java.util.List;
import java.util.Objects;

/**
 * A group of measures (and nested groups) with a weight of its own, such as Gainsight's measure groups. Its score
 * is the weighted mean of its items' scores. A group is never empty, and its items' weights do not all equal 0.
 * Immutable and thread-safe.
 *
 * @param id     the group's id, unique in the scorecard
 * @param label  a readable name, such as {@code Support}
 * @param weight the group's weight among its siblings, from 0 to
 *               {@value dev.kizuna.health.definition.DefinitionLimits#MAX_WEIGHT}
 * @param items  the group's measures and groups, at least one
 */
public record MeasureGroup(String id, String label, double weight, List<ScorecardItem> items)
        implements ScorecardItem {

    /** Validates every part. */
    public MeasureGroup {
        Checks.id(id, "group.id");
        Checks.nonBlank(label, "group " + id + ".label");
        Checks.nonNegative(weight, "group " + id + ".weight");
        if (weight > DefinitionLimits.MAX_WEIGHT) {
            throw new IllegalArgumentException("group " + id + ".weight" + ": " + Numbers.plain(weight) + " must be at most "
                    + Numbers.plain(DefinitionLimits.MAX_WEIGHT));
        }
        Objects.requireNonNull(items, "group " + id + ".measures");
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("group " + id + ".measures: a group must not be empty");
        }
        if (totalWeight(items) <= 0) {
            throw new IllegalArgumentException("group " + id + ".measures: the weights add up to 0; at least one"
                    + " must be positive");
        }
    }

    /** Returns a group labelled with its id. */
    public static MeasureGroup of(String id, double weight, List<? extends ScorecardItem> items) {
        return new MeasureGroup(id, id, weight, List.copyOf(items));
    }

    /** Returns this group with another label. */
    public MeasureGroup withLabel(String newLabel) {
        return new MeasureGroup(id, newLabel, weight, items);
    }

    static double totalWeight(List<? extends ScorecardItem> items) {
        double total = 0;
        for (ScorecardItem item : items) {
            total += item.weight();
        }
        return total;
    }
}
