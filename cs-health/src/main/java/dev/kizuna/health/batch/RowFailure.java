package dev.kizuna.health.batch;

import java.util.Objects;

/**
 * A row of a {@link SignalFrame} that could not be scored, and why: the row holds a value no snapshot can (an
 * infinite number, a value outside its signal's domain, more escalated than open tickets; see
 * {@link SignalFrame#impossibleRows}), or the model threw. Immutable and thread-safe.
 *
 * @param row    the row's position in the frame
 * @param reason what went wrong, in the user's terms, such as
 *               {@code 500 is outside the domain of sentiment.nps: a number from -100 to 100} or
 *               {@code signal sentiment.nps: Infinity is not a finite number}
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
