package dev.kizuna.health.batch;

import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthScore;
import dev.kizuna.health.InputDomains;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

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
 *   <li>a row that cannot be scored is reported to {@code failures}, its value NaN and its band
 *       {@link BatchScorer#FAILED}, and every other row is still scored: a row holding a value of an input that is
 *       infinite or outside its domain ({@link SignalFrame#impossibleRows} with the domains of
 *       {@link InputDomains#of(dev.kizuna.health.ModelDefinition)}), with the frame's reason, and a row the model
 *       fails on;</li>
 *   <li>it is safe to call from many threads at once on disjoint row ranges.</li>
 * </ul>
 */
public interface BatchHealthModel extends HealthModel {

    /**
     * Scores rows {@code from} (inclusive) to {@code to} (exclusive) of {@code frame} into the same positions of
     * {@code values} and {@code bands} (see the class comment).
     *
     * <p>The default implementation reports the rows the frame finds impossible for the model's inputs, builds each
     * other row's snapshot, calls {@link #score} and catches what it throws, so it allocates per row; the built-in
     * models override it with a path that allocates nothing per row.
     *
     * @param frame    the accounts' signals
     * @param from     the first row
     * @param to       the row after the last
     * @param values   receives each row's value, or NaN
     * @param bands    receives each row's band position, or a negative code
     * @param failures receives the rows that failed
     */
    default void scoreRows(SignalFrame frame, int from, int to, double[] values, byte[] bands, RowFailures failures) {
        List<SignalName> present = new ArrayList<>();
        SortedMap<SignalName, SignalDomain> domains = new TreeMap<>();
        for (SignalName name : inputs()) {
            domains.put(name, definition().domainOf(name));
            if (frame.indexOf(name).isPresent()) {
                present.add(name);
            }
        }
        BandScheme scheme = bands();
        List<RowFailure> impossible = frame.impossibleRows(domains, from, to);
        int next = 0;
        for (int row = from; row < to; row++) {
            if (next < impossible.size() && impossible.get(next).row() == row) {
                failures.fail(row, impossible.get(next++).reason(), values, bands);
                continue;
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
