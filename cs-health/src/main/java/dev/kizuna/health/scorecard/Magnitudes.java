package dev.kizuna.health.scorecard;

import dev.kizuna.health.definition.DefinitionLimits;
import dev.kizuna.core.internal.Checks;

/** The check of the numbers of a scorecard that stand for signal values: normalisers' points, caps' thresholds. */
final class Magnitudes {
    private Magnitudes() {
    }

    /** Returns {@code value} if it is finite and within {@code ±}{@link DefinitionLimits#MAX_MAGNITUDE}. */
    static double check(double value, String field) {
        Checks.finite(value, field);
        if (Math.abs(value) > DefinitionLimits.MAX_MAGNITUDE) {
            throw new IllegalArgumentException(field + ": " + value + " must be between -1e15 and 1e15");
        }
        return value;
    }
}
