package dev.kizuna.health.scorecard;

/**
 * What a scorecard does with a measure whose signal has no value in the snapshot. Set for the whole scorecard,
 * and overridable per measure. Whatever the policy, the missing signal is listed in the score and lowers its
 * completeness.
 */
public enum ScorecardMissingInput {
    /**
     * Leave the measure out and share its weight among its siblings with data, in proportion to their weights; a
     * group with no data at all is left out of its parent the same way. This is the default.
     */
    REDISTRIBUTE,
    /** Count the measure with a sub-score of 0, keeping its weight. */
    ZERO,
    /** Give no score: the result is "insufficient data", naming the measure. */
    FAIL
}
