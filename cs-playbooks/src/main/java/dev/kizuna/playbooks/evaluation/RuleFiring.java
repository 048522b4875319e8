package dev.kizuna.playbooks.evaluation;

import dev.kizuna.core.internal.Checks;

/**
 * A rule that fired for the account in an evaluation, or that matched it while the account was held out in the
 * playbook's control group (then no action is recommended, and the firing is recorded as held out). Immutable.
 *
 * @param playbook the playbook's id
 * @param rule     the rule's id
 * @param priority the rule's priority
 * @param heldOut  whether the account is in the playbook's control group
 */
public record RuleFiring(String playbook, String rule, int priority, boolean heldOut) {

    /** Validates the ids. */
    public RuleFiring {
        Checks.id(playbook, "playbook");
        Checks.id(rule, "rule");
    }
}
