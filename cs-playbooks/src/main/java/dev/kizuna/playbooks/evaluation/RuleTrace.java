package dev.kizuna.playbooks.evaluation;

import dev.kizuna.core.internal.Checks;
import dev.kizuna.playbooks.Trigger;

import java.util.Objects;
import java.util.Optional;

/**
 * What one rule did in one evaluation, and why. Immutable.
 *
 * @param playbook  the playbook's id
 * @param rule      the rule's id
 * @param priority  the rule's priority
 * @param trigger   level or edge
 * @param status    what happened
 * @param detail    the particulars (a cooldown's last firing, a step's wait), or empty
 * @param now       the condition evaluated on the current state; empty when the rule was shadowed
 * @param previous  for an edge trigger whose condition is true now, the condition on the previous state
 */
public record RuleTrace(String playbook, String rule, int priority, Trigger.Kind trigger, RuleStatus status,
                        String detail, Optional<ConditionTrace> now, Optional<ConditionTrace> previous) {

    /** Validates the parts. */
    public RuleTrace {
        Checks.id(playbook, "playbook");
        Checks.id(rule, "rule");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(previous, "previous");
    }

    /** Returns whether the rule's condition matched (whatever happened next). */
    public boolean matched() {
        return switch (status) {
            case FIRED, HELD_OUT, COOLDOWN, FIRING_LIMIT, ONE_VOICE -> true;
            default -> false;
        };
    }
}
