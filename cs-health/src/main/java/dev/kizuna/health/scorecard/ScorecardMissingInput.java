package dev.kizuna.health.scorecard;

/**
 * What a scorecard does with a missing input: a measure whose signal has no value in the snapshot. Set for the whole
 * scorecard, and overridable per measure. Whatever the choice, the missing signal is listed in the score and lowers
 * its completeness.
 *
 * <p>One of the family of missing-input choices, each named for whose choice it is:
 * {@link dev.kizuna.health.logistic.LogisticMissingInput} for the logistic model and
 * {@link dev.kizuna.health.fit.LogisticFitter.MissingInput} for the fitter. Their values differ because what each can
 * do differs. In a definition file this is the value of the {@code missingData} key.
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
