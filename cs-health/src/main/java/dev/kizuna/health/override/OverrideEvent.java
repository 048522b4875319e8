package dev.kizuna.health.override;

import dev.kizuna.core.internal.Checks;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the override audit log: an override set or revoked, by whom, when and why.
 *
 * @param kind     what happened
 * @param override the override concerned
 * @param author   who did it (for {@code SET}, the override's author)
 * @param reason   why (for {@code SET}, the override's reason)
 * @param at       when (for {@code SET}, the override's creation time)
 */
public record OverrideEvent(Kind kind, ScoreOverride override, String author, String reason, Instant at) {

    /** What happened to an override. */
    public enum Kind {
        /** The override was set. */
        SET,
        /** The override was revoked before it expired. */
        REVOKED
    }

    /** Validates the parts. */
    public OverrideEvent {
        Objects.requireNonNull(kind, "event.kind");
        Objects.requireNonNull(override, "event.override");
        Checks.nonBlank(author, "event.author");
        Checks.nonBlank(reason, "event.reason");
        Objects.requireNonNull(at, "event.at");
    }
}
