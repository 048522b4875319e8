package dev.kizuna.health.batch;

import java.util.Objects;

/**
 * A row of a {@link SignalFrame} that could not be scored, and why: the model threw, or the row holds a value no
 * snapshot can (an infinite number). Immutable and thread-safe.
 *
 * @param row    the row's position in the frame
 * @param reason what went wrong, such as {@code signal sentiment.nps: Infinity is not a finite number}
 */
public record RowFailure(int row, String reason) {

    /** Validates the parts. */
    public RowFailure {
        if (row < 0) {
            throw new IllegalArgumentException("row: " + row + " must be >= 0");
        }
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("reason: must not be blank");
        }
    }
}
