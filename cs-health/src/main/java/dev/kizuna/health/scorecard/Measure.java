package dev.kizuna.health.scorecard;

import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.definition.DefinitionLimits;
import dev.kizuna.core.internal.Checks;
import dev.kizuna.core.internal.Numbers;

import java.util.Objects;
import java.util.Optional;

/**
 * One measure of a scorecard: a signal, a normaliser that maps its value to a sub-score from 0 to 100, and a
 * weight. Immutable and thread-safe.
 *
 * @param id          the measure's id, unique in the scorecard
 * @param label       a readable name, such as {@code NPS}
 * @param signal      the signal read
 * @param weight      the weight among the measure's siblings, from 0 to
 *                    {@value dev.kizuna.health.definition.DefinitionLimits#MAX_WEIGHT} (weights are normalised)
 * @param normaliser  maps the raw value to a sub-score
 * @param missingData what to do when the signal has no value, overriding the scorecard's policy; empty to use the
 *                    scorecard's
 */
public record Measure(String id, String label, SignalName signal, double weight, Normaliser normaliser,
                      Optional<ScorecardMissingInput> missingData) implements ScorecardItem {

    /** Validates every part. */
    public Measure {
        Checks.id(id, "measure.id");
        Checks.nonBlank(label, "measure " + id + ".label");
        Objects.requireNonNull(signal, "measure " + id + ".signal");
        Checks.nonNegative(weight, "measure " + id + ".weight");
        if (weight > DefinitionLimits.MAX_WEIGHT) {
            throw new IllegalArgumentException("measure " + id + ".weight" + ": " + Numbers.plain(weight) + " must be at most "
                    + Numbers.plain(DefinitionLimits.MAX_WEIGHT));
        }
        Objects.requireNonNull(normaliser, "measure " + id + ".normaliser");
        Objects.requireNonNull(missingData, "measure " + id + ".missingData");
    }

    /** Returns a measure labelled with its id, following the scorecard's missing-data policy. */
    public static Measure of(String id, SignalName signal, double weight, Normaliser normaliser) {
        return new Measure(id, id, signal, weight, normaliser, Optional.empty());
    }

    /** Returns this measure with another label. */
    public Measure withLabel(String newLabel) {
        return new Measure(id, newLabel, signal, weight, normaliser, missingData);
    }

    /** Returns this measure with its own missing-data policy. */
    public Measure withMissingData(ScorecardMissingInput policy) {
        return new Measure(id, label, signal, weight, normaliser, Optional.of(policy));
    }
}
