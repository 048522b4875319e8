package dev.kizuna.health.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a {@link BatchHealthModel} reports the rows it could not score. One is handed to each
 * {@link BatchHealthModel#scoreRows} call; it allocates only when a row fails. Not thread-safe: each call, and so
 * each parallel chunk, has its own.
 */
public final class RowFailures {
    private final List<RowFailure> failures = new ArrayList<>(0);

    /** Creates an empty sink. */
    public RowFailures() {
    }

    /**
     * Records that {@code row} failed because of {@code reason}. The model must also set the row's value to NaN and
     * its band to {@link BatchScorer#FAILED}; {@link #fail(int, String, double[], byte[])} does all three.
     */
    public void fail(int row, String reason) {
        failures.add(new RowFailure(row, Objects.requireNonNull(reason, "reason")));
    }

    /** Records that {@code row} failed, and marks it so in {@code values} (NaN) and {@code bands} ({@code FAILED}). */
    public void fail(int row, String reason, double[] values, byte[] bands) {
        fail(row, reason);
        values[row] = Double.NaN;
        bands[row] = BatchScorer.FAILED;
    }

    /** Returns the failures recorded, in the order reported. */
    public List<RowFailure> list() {
        return List.copyOf(failures);
    }

    /** Returns how many failures were recorded. */
    public int size() {
        return failures.size();
    }

    void addAll(RowFailures other) {
        failures.addAll(other.failures);
    }

    void clear() {
        failures.clear();
    }

    List<RowFailure> view() {
        return failures;
    }
}
