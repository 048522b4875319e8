package dev.kizuna.health.definition;

/**
 * The ranges of the numbers a definition may hold, so that no combination of them can make a score's arithmetic
 * infinite or NaN. The readers reject a number outside its range at load time, with its path; the definition
 * records reject it too when a definition is built in Java.
 *
 * <ul>
 *   <li>A <b>weight</b> (of a scorecard measure or group) is from 0 to {@value #MAX_WEIGHT}: ten thousand items of the
 *       largest weight still add up to a finite total.</li>
 *   <li>A number that stands for a <b>signal value</b> (a normaliser's points, a cap's threshold, a standardisation's
 *       mean and standard deviation, the bounds of a declared domain, a playbook condition's threshold) lies within
 *       {@code ±}{@value #MAX_MAGNITUDE}: whole numbers are exact up to there, and differences of two such numbers
 *       stay finite.</li>
 *   <li>A <b>log-odds</b> value (a logistic model's intercept and coefficients) lies within
 *       {@code ±}{@value #MAX_LOG_ODDS}.</li>
 *   <li>A standardisation's <b>standard deviation</b> is at least {@value #MIN_SD}, so that dividing by it stays
 *       finite.</li>
 * </ul>
 *
 * <p>The limits of the documents themselves (size, nesting, string length) are those of {@link DefinitionFormat}.
 */
public final class DefinitionLimits {
    /** The largest weight of a scorecard measure or group. */
    public static final double MAX_WEIGHT = 1e6;
    /** The largest magnitude of a number that stands for a signal value. */
    public static final double MAX_MAGNITUDE = 1e15;
    /** The largest magnitude of a logistic model's intercept and coefficients. */
    public static final double MAX_LOG_ODDS = 1e6;
    /** The smallest standard deviation of a standardisation. */
    public static final double MIN_SD = 1e-9;

    private DefinitionLimits() {
    }
}
