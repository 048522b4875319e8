package dev.kizuna.playbooks.evaluation;

import dev.kizuna.playbooks.Condition;

/** The value of a condition in three-valued logic: a test of a missing fact is unknown (see {@link Condition}). */
public enum Truth {
    /** The condition holds. */
    TRUE,
    /** The condition does not hold. */
    FALSE,
    /** A fact the condition needs is missing. */
    UNKNOWN
}
