package dev.kizuna.playbooks.evaluation;

import dev.kizuna.core.internal.Checks;
import dev.kizuna.playbooks.Action;

import java.time.Instant;
import java.util.Objects;

/**
 * An action the engine recommends for one account: which rule of which playbook, the action, when it is due, and
 * whether the host opens it or updates the open action of the same dedupe key. Immutable.
 *
 * @param playbook    the playbook's id
 * @param rule        the rule's id
 * @param action      the action
 * @param dueAt       the evaluation's instant plus the action's {@code dueIn}
 * @param dedupeKey   the dedupe key in force (see {@link Action#dedupeKeyIn})
 * @param disposition open a new action, or update the open one
 */
public record RecommendedAction(String playbook, String rule, Action action, Instant dueAt, String dedupeKey,
                                Disposition disposition) {

    /** What the host does with the recommendation. */
    public enum Disposition {
        /** Open a new action. */
        NEW,
        /** An action of the same dedupe key is open: update it rather than open a duplicate. */
        UPDATE
    }

    /** Validates the parts. */
    public RecommendedAction {
        Checks.id(playbook, "playbook");
        Checks.id(rule, "rule");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(dueAt, "dueAt");
        Checks.dedupeKey(dedupeKey, "dedupeKey");
        Objects.requireNonNull(disposition, "disposition");
    }
}
