package dev.kizuna.playbooks.log;

import dev.kizuna.core.plan.CsRole;
import dev.kizuna.playbooks.ActionKind;
import dev.kizuna.core.internal.Checks;

import java.time.Instant;
import java.util.Objects;

/**
 * An action that was recommended for an account and is still open: the host has not closed it with
 * {@link ActionLog#close}. A later recommendation with the same dedupe key updates it instead of opening another.
 * Immutable.
 *
 * @param dedupeKey      the dedupe key
 * @param playbook       the playbook that opened it
 * @param rule           the rule that opened it
 * @param kind           what it asks
 * @param owner          who owns it
 * @param customerFacing whether it reaches the customer
 * @param openedAt       when it was first recommended
 * @param updatedAt      when it was last recommended again; not before {@code openedAt}
 * @param dueAt          when it is due, as of the last recommendation
 */
public record OpenAction(String dedupeKey, String playbook, String rule, ActionKind kind, CsRole owner,
                         boolean customerFacing, Instant openedAt, Instant updatedAt, Instant dueAt) {

    /** Validates the parts. */
    public OpenAction {
        Checks.dedupeKey(dedupeKey, "openAction.dedupeKey");
        Checks.id(playbook, "openAction.playbook");
        Checks.id(rule, "openAction.rule");
        Objects.requireNonNull(kind, "openAction.kind");
        Objects.requireNonNull(owner, "openAction.owner");
        Objects.requireNonNull(openedAt, "openAction.openedAt");
        Objects.requireNonNull(updatedAt, "openAction.updatedAt");
        Objects.requireNonNull(dueAt, "openAction.dueAt");
        if (updatedAt.isBefore(openedAt)) {
            throw new IllegalArgumentException("openAction.updatedAt: " + updatedAt + " must not be before openedAt "
                    + openedAt);
        }
    }
}
