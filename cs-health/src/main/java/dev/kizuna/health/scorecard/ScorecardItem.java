package dev.kizuna.health.scorecard;

/**
 * An entry of a scorecard or of a group: a {@link Measure} or a nested {@link MeasureGroup}. Its weight is relative
 * to its siblings': weights are normalised within each group.
 */
public sealed interface ScorecardItem permits Measure, MeasureGroup {

    /** Returns the item's id, unique in the scorecard. */
    String id();

    /** Returns the item's readable name. */
    String label();

    /** Returns the item's weight among its siblings, any non-negative number. */
    double weight();
}
