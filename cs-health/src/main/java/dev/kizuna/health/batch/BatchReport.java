package dev.kizuna.health.batch;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a batch scoring did: how many rows were scored, had insufficient data or failed, and why each failed row
 * failed. The values and bands themselves are in the caller's arrays. Immutable and thread-safe.
 *
 * @param rows         the rows of the frame
 * @param scored       the rows with a value and a band
 * @param insufficient the rows whose inputs did not support a score (band {@link BatchScorer#INSUFFICIENT_DATA})
 * @param failed       the rows that failed (band {@link BatchScorer#FAILED})
 * @param failures     the failed rows with their reasons, by row
 */
public record BatchReport(int rows, int scored, int insufficient, int failed, List<RowFailure> failures) {

    /** Validates the counts against each other and sorts the failures by row. */
    public BatchReport {
        Objects.requireNonNull(failures, "failures");
        if (rows < 0 || scored < 0 || insufficient < 0 || failed < 0) {
            throw new IllegalArgumentException("rows: the counts " + rows + ", " + scored + ", " + insufficient + ", "
                    + failed + " must be >= 0");
        }
        if (scored + insufficient + failed != rows) {
            throw new IllegalArgumentException("rows: " + scored + " scored + " + insufficient + " insufficient + "
                    + failed + " failed do not add up to " + rows);
        }
        if (failures.size() != failed) {
            throw new IllegalArgumentException("failures: " + failures.size() + " reasons for " + failed
                    + " failed rows");
        }
        failures = failures.stream().sorted(Comparator.comparingInt(RowFailure::row)).toList();
    }

    /** Returns why {@code row} failed, or empty if it did not. */
    public Optional<String> reason(int row) {
        int low = 0;
        int high = failures.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int r = failures.get(mid).row();
            if (r < row) {
                low = mid + 1;
            } else if (r > row) {
                high = mid - 1;
            } else {
                return Optional.of(failures.get(mid).reason());
            }
        }
        return Optional.empty();
    }

    /** Returns whether every row was scored or had insufficient data: nothing failed. */
    public boolean allSucceeded() {
        return failed == 0;
    }
}
