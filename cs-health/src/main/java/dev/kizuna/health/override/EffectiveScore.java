package dev.kizuna.health.override;

import dev.kizuna.health.HealthBand;
import dev.kizuna.health.HealthScore;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The health to act on: the model's score, or an override of it, with the original always beside it.
 *
 * @param original the model's score, unchanged
 * @param override the override in force, if any
 * @param value    the value to act on: the override's value, else the original's (empty for insufficient data
 *                 without a value override)
 * @param band     the band to act on: the override's band, the band of the override's value, else the original's
 */
public record EffectiveScore(HealthScore original, Optional<ScoreOverride> override, OptionalDouble value,
                             Optional<HealthBand> band) {

    /** Validates the parts. */
    public EffectiveScore {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(override, "override");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(band, "band");
    }

    /** Returns the score as computed, without an override. */
    public static EffectiveScore of(HealthScore original) {
        return new EffectiveScore(original, Optional.empty(), original.value(), original.band());
    }

    /** Returns whether an override is in force. */
    public boolean isOverridden() {
        return override.isPresent();
    }
}
