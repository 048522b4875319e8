package dev.kizuna.playbooks.log;

import dev.kizuna.core.internal.Checks;

import java.time.Instant;
import java.util.Objects;

/**
 * A rule fired for an account, or matched it while the account was held out, at an instant. Immutable.
 *
 * @param playbook the playbook's id
 * @param rule     the rule's id
 * @param at       when the evaluation ran
 * @param heldOut  whether the account was held out in the playbook's control group (no action was taken)
 */
public record Firing(String playbook, String rule, Instant at, boolean heldOut) {

    /** Validates the parts. */
    public Firing {
        Checks.id(playbook, "firing.playbook");
        Checks.id(rule, "firing.rule");
        Objects.requireNonNull(at, "firing.at");
    }

    /** Returns whether this is a firing of the given rule. */
    public boolean isOf(String playbookId, String ruleId) {
        return playbook.equals(playbookId) && rule.equals(ruleId);
    }
}
