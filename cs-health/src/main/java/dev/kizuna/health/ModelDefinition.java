package dev.kizuna.health;

import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;

import java.util.SortedSet;

/**
 * The data a {@link HealthModelProvider} creates a model from: a scorecard's measures and weights, a logistic
 * model's coefficients. A definition is a plain immutable value, read from JSON or YAML and written back
 * unchanged; it never holds code.
 *
 * <p>Implementations are immutable and thread-safe, and implement {@code equals} by value (records do), so that a
 * definition equals itself after a round trip through JSON.
 */
public interface ModelDefinition {

    /** Returns the model type, which names the provider that reads it, such as {@code scorecard}. */
    String type();

    /** Returns the model's id and version. */
    ModelId id();

    /** Returns the bands of the model's scores. */
    BandScheme bands();

    /** Returns every signal the model reads, sorted. */
    SortedSet<SignalName> inputs();

    /**
     * Returns the values {@code signal} can take for this model: by default the signal's own
     * {@linkplain SignalName#domain() domain} (any finite number for a custom signal). A definition that declares a
     * custom signal's domain returns the declared one. A value outside it is rejected, never scored, and no
     * explanation proposes one.
     */
    default SignalDomain domainOf(SignalName signal) {
        return signal.domain();
    }
}
