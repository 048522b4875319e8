package dev.kizuna.health;

import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.internal.Checks;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one input (or the model's baseline, or a cap) added to a health score.
 *
 * <p>The {@code points} of all the contributions of a score add up exactly to its value (see
 * {@link HealthScore}). {@code impact} says which way the input pulled: negative pulls the score down, positive
 * lifts it; each model documents its reference point. Immutable and thread-safe.
 *
 * @param id       the input's id in the model (a measure, a term, {@code baseline}, or a cap's id): 1 to 64
 *                 characters
 * @param label    a readable name of the input
 * @param kind     what the contribution is
 * @param signal   the signal the input reads, if any
 * @param raw      the signal's value in the snapshot, or empty when it had none
 * @param subscore the input's own score from 0 to 100, for models that have one (the scorecard's normalised measure
 *                 score), or empty
 * @param weight   the input's share of the model's weight, from 0 to 1 (0 for a baseline or a cap)
 * @param points   the points the input contributed, in hundredths; may be negative (a cap, a risk factor)
 * @param impact   how far the input moved the score from the model's reference, in points: negative pulls down
 */
public record Contribution(
        String id,
        String label,
        Kind kind,
        Optional<SignalName> signal,
        OptionalDouble raw,
        OptionalDouble subscore,
        double weight,
        double points,
        double impact) {

    /** What a contribution stands for. */
    public enum Kind {
        /** An input read from a signal: a scorecard measure or a logistic term. */
        INPUT,
        /** The score the model gives when every input is at its reference (the logistic intercept). */
        BASELINE,
        /** A cap that lowered the score; its points are the (negative) change. */
        CAP
    }

    /** Validates every part. */
    public Contribution {
        Checks.key(id, "contribution.id");
        Checks.text(label, "contribution.label");
        Objects.requireNonNull(kind, "contribution.kind");
        Objects.requireNonNull(signal, "contribution.signal");
        Objects.requireNonNull(raw, "contribution.raw");
        Objects.requireNonNull(subscore, "contribution.subscore");
        if (subscore.isPresent()) {
            Checks.within(subscore.getAsDouble(), 0, 100, "contribution", id, ".subscore");
        }
        if (raw.isPresent()) {
            Checks.finite(raw.getAsDouble(), "contribution", id, ".raw");
        }
        Checks.within(weight, 0, 1, "contribution", id, ".weight");
        Checks.finite(points, "contribution", id, ".points");
        Checks.finite(impact, "contribution", id, ".impact");
    }

    /** Returns whether the input had no value in the snapshot. */
    public boolean isMissing() {
        return kind == Kind.INPUT && raw.isEmpty();
    }

    /** Returns this contribution with other points (used when rounding a score to hundredths). */
    public Contribution withPoints(double newPoints) {
        return new Contribution(id, label, kind, signal, raw, subscore, weight, newPoints, impact);
    }
}
