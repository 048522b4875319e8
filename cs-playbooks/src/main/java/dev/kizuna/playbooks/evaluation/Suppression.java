package dev.kizuna.playbooks.evaluation;

import dev.kizuna.core.internal.Checks;
import dev.kizuna.playbooks.Action;

import java.util.Objects;
import java.util.Optional;

/**
 * A rule that matched but did not fire, or an action that was not recommended, and why. Immutable.
 *
 * @param playbook the playbook's id
 * @param rule     the rule's id
 * @param action   the suppressed action, for {@link Reason#ONE_VOICE}; empty when the whole rule was held back
 * @param reason   why
 * @param detail   the particulars, such as {@code fired 2026-11-20T00:00:00Z, cooldown P14D}
 */
public record Suppression(String playbook, String rule, Optional<Action> action, Reason reason, String detail) {

    /** Why a match did not lead to an action. */
    public enum Reason {
        /** The rule fired for the account within its cooldown. */
        COOLDOWN,
        /** The rule already fired its maximum number of times within the limit's window. */
        FIRING_LIMIT,
        /** The customer-facing action would exceed the cap of one voice per customer. */
        ONE_VOICE
    }

    /** Validates the parts. */
    public Suppression {
        Checks.id(playbook, "playbook");
        Checks.id(rule, "rule");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
