package dev.kizuna.health;

import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;

import java.time.Instant;
import java.util.List;
import java.util.SortedSet;

/**
 * Turns an account's signals into a {@link HealthScore}. This is the SPI that every health model implements, the
 * built-in scorecard and logistic models as well as a host's or a researcher's own.
 *
 * <p>The contract, which {@code HealthModelCompatibilityKit} (in cs-health's test-jar) checks for any model:
 * <ul>
 *   <li>a scored result lies in {@code [0, 100]}, in the band of {@link #bands()} that contains it;</li>
 *   <li>scoring is deterministic: the same snapshot and instant give an equal score;</li>
 *   <li>the contributions add up exactly to the value (see {@link HealthScore});</li>
 *   <li>a missing input never throws: it is listed in {@link HealthScore#missing()} and lowers the completeness, and
 *       when too much is missing the result is {@link HealthScore.Status#INSUFFICIENT_DATA};</li>
 *   <li>an impossible value is rejected, never scored: {@link #score} and {@link #explain} throw an
 *       {@link IllegalArgumentException} when a signal the model reads has a value outside
 *       {@code definition().domainOf(signal)} (the snapshot itself already rejects a value outside a well-known
 *       signal's domain; a definition may declare a custom signal's). The message names the signal, the value and
 *       the domain, in {@link dev.kizuna.core.signal.SignalDomain#problem}'s words, such as
 *       {@code 7 is outside the domain of custom.dependents: 0 or 1}. {@link InputDomains#check} does it;</li>
 *   <li>every lever's target lies in the signal's domain, and applied alone reaches the band it names (see
 *       {@link BandLever});</li>
 *   <li>a model is immutable and thread-safe: any number of threads may score at once;</li>
 *   <li>its definition survives a round trip through JSON.</li>
 * </ul>
 */
public interface HealthModel {

    /** Returns the definition the model was created from. */
    ModelDefinition definition();

    /** Returns the model's id and version. */
    default ModelId id() {
        return definition().id();
    }

    /** Returns the bands of the model's scores. */
    default BandScheme bands() {
        return definition().bands();
    }

    /** Returns every signal the model reads, sorted. */
    default SortedSet<SignalName> inputs() {
        return definition().inputs();
    }

    /**
     * Scores one account.
     *
     * @param snapshot   the account's signals; signals the model does not read are ignored
     * @param computedAt the instant recorded as the time of computation (pass the clock's time; an explicit instant
     *                   keeps scoring deterministic)
     * @return the score, or an insufficient-data result; never throws for missing signals, nor for values beyond
     *         the range a model maps (a normaliser clamps them)
     * @throws IllegalArgumentException naming the signal, the value and the domain, if a signal the model reads has
     *                                  a value outside {@code definition().domainOf(signal)}
     */
    HealthScore score(SignalSnapshot snapshot, Instant computedAt);

    /**
     * Scores one account and explains the score: the inputs pulling it down and lifting it, how far each input
     * would have to move to reach the next band, and a one-line reason.
     *
     * <p>The default implementation explains from the contributions alone and gives no levers; the built-in models
     * override it.
     *
     * @throws IllegalArgumentException as {@link #score} does, for a value outside its input's domain
     */
    default Explanation explain(SignalSnapshot snapshot, Instant computedAt) {
        return Explanation.of(score(snapshot, computedAt), List.of());
    }
}
