package dev.kizuna.health.batch;

import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthScore;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link HealthModel} that scores a {@link SignalFrame} in batch. This is the batch SPI: the built-in scorecard and
 * logistic models implement it with an allocation-free path over the columns; a third-party model implements it to
 * do the same, or inherits the default, which scores each row through {@link #score}. A model that does not
 * implement it at all is scored the default way by {@link BatchScorer}. Call models through {@link BatchScorer},
 * which also splits the work across threads and isolates failures.
 *
 * <p>The contract of {@link #scoreRows}, checked for any model by {@code HealthModelCompatibilityKit}:
 * <ul>
 *   <li>for a row scored, {@code values[row]} is bit for bit the {@link HealthScore#value()} that {@link #score}
 *       gives for the row's snapshot ({@link SignalFrame#snapshot(int, java.util.Collection)} of {@link #inputs()})
 *       at {@link SignalFrame#at(int)}, and {@code bands[row]} is the position of its band in {@link #bands()}, 0 for
 *       the worst;</li>
 *   <li>for a row with insufficient data, the value is NaN and the band {@link BatchScorer#INSUFFICIENT_DATA};</li>
 *   <li>a row that cannot be scored (an infinite value of an input, or the model fails on it) is reported to
 *       {@code failures}, its value NaN and its band {@link BatchScorer#FAILED}; every other row is still scored;</li>
 *   <li>it is safe to call from many threads at once on disjoint row ranges.</li>
 * </ul>
 */
public interface BatchHealthModel extends HealthModel {

    /**
     * Scores rows {@code from} (inclusive) to {@code to} (exclusive) of {@code frame} into the same positions of
     * {@code values} and {@code bands} (see the class comment).
     *
     * <p>The default implementation builds each row's snapshot, calls {@link #score} and catches what it throws,
     * so it allocates per row; the built-in models override it with a path that allocates nothing per row.
     *
     * @param frame    the accounts' signals
     * @param from     the first row
     * @param to       the row after the last
     * @param values   receives each row's value, or NaN
     * @param bands    receives each row's band position, or a negative code
     * @param failures receives the rows that failed
     */
    default void scoreRows(SignalFrame frame, int from, int to, double[] values, byte[] bands, RowFailures failures) {
        List<SignalName> inputs = List.copyOf(inputs());
        List<SignalName> present = new ArrayList<>(inputs.size());
        List<double[]> columns = new ArrayList<>(inputs.size());
        for (SignalName name : inputs) {
            frame.column(name).ifPresent(column -> {
                present.add(name);
                columns.add(column);
            });
        }
        BandScheme scheme = bands();
        rows:
        for (int row = from; row < to; row++) {
            for (int c = 0; c < columns.size(); c++) {
                double v = columns.get(c)[row];
                if (Double.isInfinite(v)) {
                    failures.fail(row, SignalFrame.impossible(present.get(c), v), values, bands);
                    continue rows;
                }
            }
            try {
                HealthScore score = score(frame.snapshot(row, present), frame.at(row));
                if (score.isScored()) {
                    values[row] = score.value().getAsDouble();
                    bands[row] = (byte) scheme.rank(score.band().orElseThrow());
                } else {
                    values[row] = Double.NaN;
                    bands[row] = BatchScorer.INSUFFICIENT_DATA;
                }
            } catch (RuntimeException e) {
                failures.fail(row, BatchScorer.reason(e), values, bands);
            }
        }
    }
}
