package dev.kizuna.health.logistic;

/** What a logistic model does with a term whose signal has no value. */
public enum LogisticMissingInput {
    /**
     * Put the term at its reference (the mean when standardised, else 0), so it adds nothing to the linear
     * predictor. The default.
     */
    REFERENCE,
    /** Give no score: the result is "insufficient data". */
    FAIL
}
