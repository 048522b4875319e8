package dev.kizuna.playbooks;

import dev.kizuna.core.internal.Checks;

import java.time.Duration;

/**
 * One voice per customer: at most {@code max} new customer-facing actions per account within any trailing
 * {@code window}, across all playbooks of a rule set. Rules are served in their order (priority, then ids), so the
 * most important play reaches the customer first; what does not fit is suppressed and reported with the reason.
 * Updating an open action (same dedupe key) is not a new contact and is not capped. Immutable and thread-safe.
 *
 * @param max    the most new customer-facing actions per window, at least 1
 * @param window the trailing window, positive and at most ten years
 */
public record OneVoice(int max, Duration window) {

    /** Validates the parts. */
    public OneVoice {
        Checks.positive(max, "oneVoice.max");
        Checks.window(window, "oneVoice.window");
    }

    /** Returns the cap of {@code max} customer-facing actions per {@code window}. */
    public static OneVoice of(int max, Duration window) {
        return new OneVoice(max, window);
    }
}
