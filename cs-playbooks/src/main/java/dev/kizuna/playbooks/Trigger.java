package dev.kizuna.playbooks;

import java.util.Objects;

/**
 * When a rule's condition makes it fire: while the condition holds (a level trigger, "while red"), or when it starts
 * to hold (an edge trigger, "on entering red", "on crossing below 40").
 *
 * <p>An edge trigger compares the context's current state with its previous state (see
 * {@link dev.kizuna.playbooks.engine.EvaluationContext#previousAt()}): it fires when the condition is true now and was
 * <em>false</em> then. When the previous state is unknown (no earlier snapshot, or the fact was missing then), the
 * edge cannot be seen and the trigger does not fire; a level rule with a cooldown covers that case when a host wants
 * it covered. Immutable and thread-safe.
 *
 * @param kind      level or edge
 * @param condition the condition
 */
public record Trigger(Kind kind, Condition condition) {

    /** Level or edge. */
    public enum Kind {
        /** Fires while the condition holds. */
        LEVEL,
        /** Fires when the condition holds now and did not hold in the previous state. */
        EDGE
    }

    /** Validates the parts. */
    public Trigger {
        Objects.requireNonNull(kind, "trigger.kind");
        Objects.requireNonNull(condition, "trigger.condition");
    }

    /** Returns a level trigger: the rule fires while {@code condition} holds. */
    public static Trigger when(Condition condition) {
        return new Trigger(Kind.LEVEL, condition);
    }

    /** Returns an edge trigger: the rule fires when {@code condition} starts to hold. */
    public static Trigger onEntering(Condition condition) {
        return new Trigger(Kind.EDGE, condition);
    }

    /** Returns how a person reads the trigger, such as {@code on entering health_band in [red]}. */
    public String describe() {
        return (kind == Kind.LEVEL ? "while " : "on entering ") + condition.describe();
    }
}
