package dev.kizuna.health.segment;

import dev.kizuna.health.HealthModel;
import dev.kizuna.core.internal.Checks;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The model chosen for an account, and why.
 *
 * @param model  the model
 * @param rule   the position (from 0) of the rule that matched, or empty when the default applied
 * @param reason why, such as {@code rule 2: segment = enterprise and tier = strategic} or
 *               {@code default: no rule matched}
 */
public record ModelChoice(HealthModel model, OptionalInt rule, String reason) {

    /** Validates the parts. */
    public ModelChoice {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(rule, "rule");
        Checks.nonBlank(reason, "reason");
    }

    /** Returns whether the default model was chosen. */
    public boolean isDefault() {
        return rule.isEmpty();
    }
}
