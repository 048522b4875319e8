package dev.kizuna.health.logistic;

/**
 * What a logistic model does with a missing input: a term whose signal has no value in the snapshot.
 *
 * <p>One of the family of missing-input choices, each named for whose choice it is:
 * {@link dev.kizuna.health.scorecard.ScorecardMissingInput} for the scorecard and
 * {@link dev.kizuna.health.fit.LogisticFitter.MissingInput} for the fitter. Their values differ because what each can
 * do differs. In a definition file this is the value of the {@code missingInputs} key.
 */
public enum LogisticMissingInput {
    /**
     * Put the term at its reference (the mean when standardised, else 0), so it adds nothing to the linear
     * predictor. The default.
     */
    REFERENCE,
    /** Give no score: the result is "insufficient data". */
    FAIL
}
