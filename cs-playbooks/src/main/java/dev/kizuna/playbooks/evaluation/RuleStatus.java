package dev.kizuna.playbooks.evaluation;

/** What happened to one rule in one evaluation, as the {@link Trace} reports it. */
public enum RuleStatus {
    /** The rule fired; its actions (less any suppressed by one voice) are recommended. */
    FIRED,
    /** The rule matched an account held out in the playbook's control group: recorded, not acted on. */
    HELD_OUT,
    /** The condition is false (for an edge trigger: false now, or already true before). */
    NOT_MATCHED,
    /** The condition is unknown: a fact it needs is missing. */
    UNKNOWN,
    /** An exclusive playbook's earlier rule matched, so this rule was not evaluated. */
    SHADOWED,
    /** A sequence step whose previous step has not fired, or whose delay has not passed. */
    NOT_DUE,
    /** The rule matched within its cooldown. */
    COOLDOWN,
    /** The rule matched but reached its firing limit. */
    FIRING_LIMIT,
    /** The rule matched but every action was customer-facing and over the one-voice cap; it was not recorded. */
    ONE_VOICE
}
