package dev.kizuna.health.scorecard;

import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.internal.Checks;

import java.util.Objects;

/**
 * A ceiling on the score while a condition holds, such as "an open escalation caps the score at 40":
 * {@code support.escalated_tickets > 0 caps at 40}. A cap can only lower a score, never raise it; when several
 * hold, the lowest applies. A cap whose signal has no value does not apply. Immutable and thread-safe.
 *
 * @param id         the cap's id, unique in the scorecard
 * @param label      a readable name, such as {@code open escalation}
 * @param signal     the signal the condition reads
 * @param comparison how the value is compared with the threshold
 * @param threshold  the threshold, within {@code ±}{@value dev.kizuna.health.definition.DefinitionLimits#MAX_MAGNITUDE}
 * @param max        the highest score the account can have while the condition holds, from 0 to 100
 */
public record Cap(String id, String label, SignalName signal, Comparison comparison, double threshold, double max) {

    /** Validates every part. */
    public Cap {
        Checks.id(id, "cap.id");
        Checks.nonBlank(label, "cap " + id + ".label");
        Objects.requireNonNull(signal, "cap " + id + ".signal");
        Objects.requireNonNull(comparison, "cap " + id + ".comparison");
        Magnitudes.check(threshold, "cap " + id + ".threshold");
        Checks.within(max, 0, 100, "cap " + id + ".max");
    }

    /** Returns the cap {@code signal comparison threshold caps at max}, labelled with its id. */
    public static Cap of(String id, SignalName signal, Comparison comparison, double threshold, double max) {
        return new Cap(id, id, signal, comparison, threshold, max);
    }

    /** Returns whether the condition holds for {@code value}. */
    public boolean holds(double value) {
        return comparison.test(value, threshold);
    }
}
