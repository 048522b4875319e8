package dev.kizuna.playbooks;

import dev.kizuna.core.internal.Checks;

import java.time.Duration;

/**
 * At most {@code max} firings of a rule for one account within any trailing {@code window}. Held-out firings count,
 * so the control group sees the same rhythm as the treated group. Immutable and thread-safe.
 *
 * @param max    the most firings, at least 1
 * @param window the trailing window, positive and at most ten years
 */
public record FiringLimit(int max, Duration window) {

    /** Validates the parts. */
    public FiringLimit {
        Checks.positive(max, "limit.max");
        Checks.window(window, "limit.window");
    }

    /** Returns the limit of {@code max} firings per {@code window}. */
    public static FiringLimit of(int max, Duration window) {
        return new FiringLimit(max, window);
    }
}
