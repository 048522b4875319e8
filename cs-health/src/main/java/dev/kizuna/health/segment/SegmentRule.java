package dev.kizuna.health.segment;

import dev.kizuna.core.internal.Checks;

import java.util.Objects;

/**
 * One rule of a {@link SegmentedDefinition}: accounts that meet {@code when} are scored by the model named
 * {@code model}. Immutable and thread-safe.
 *
 * @param when  which accounts the rule applies to
 * @param model the name of the model, a key of the definition's {@code models}
 */
public record SegmentRule(AccountCriterion when, String model) {

    /** Validates the parts. */
    public SegmentRule {
        Objects.requireNonNull(when, "rule.when");
        Checks.id(model, "rule.model");
    }

    /** Returns the rule that scores accounts meeting {@code when} with the model named {@code model}. */
    public static SegmentRule of(AccountCriterion when, String model) {
        return new SegmentRule(when, model);
    }
}
