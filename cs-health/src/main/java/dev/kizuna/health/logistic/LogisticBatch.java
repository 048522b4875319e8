package dev.kizuna.health.logistic;

import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.InputDomains;
import dev.kizuna.health.batch.BatchScorer;
import dev.kizuna.health.batch.RowFailure;
import dev.kizuna.health.batch.RowFailures;
import dev.kizuna.health.batch.SignalFrame;
import dev.kizuna.health.internal.BandRanks;
import dev.kizuna.core.internal.Numbers;

import java.util.Optional;
import java.util.SortedMap;

/**
 * The batch path of a {@link LogisticModel}: per row, the linear predictor summed in term order from the columns,
 * with the object path's arithmetic, so that every value is bit for bit the same. Nothing is allocated per row. A row
 * holding a value outside its input's domain is failed with the frame's reason ({@link SignalFrame#impossibleRows}),
 * as the object path rejects it. Immutable and thread-safe.
 */
final class LogisticBatch {
    private static final double[] ABSENT = new double[0];

    private final SignalName[] signal;
    private final double[] coefficient;
    private final boolean[] standardised;
    private final double[] mean;
    private final double[] sd;
    private final double[] absCoefficient;
    private final double intercept;
    private final double totalWeight;
    private final boolean failOnMissing;
    private final double minimum;
    private final BandRanks ranks;
    /** The domain of every signal the model reads. */
    private final SortedMap<SignalName, SignalDomain> domains;

    LogisticBatch(LogisticDefinition definition) {
        domains = InputDomains.of(definition).domains();
        int n = definition.terms().size();
        signal = new SignalName[n];
        coefficient = new double[n];
        standardised = new boolean[n];
        mean = new double[n];
        sd = new double[n];
        absCoefficient = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            Term t = definition.terms().get(i);
            signal[i] = t.signal();
            coefficient[i] = t.coefficient();
            absCoefficient[i] = Math.abs(t.coefficient());
            total += Math.abs(t.coefficient());
            if (t.standardisation().isPresent()) {
                standardised[i] = true;
                mean[i] = t.standardisation().get().mean();
                sd[i] = t.standardisation().get().sd();
            }
        }
        totalWeight = total;
        intercept = definition.intercept();
        failOnMissing = definition.missingInputs() == LogisticMissingInput.FAIL;
        minimum = definition.minimumCompleteness();
        BandScheme bands = definition.bands();
        ranks = new BandRanks(bands);
    }

    void scoreRows(SignalFrame frame, int from, int to, double[] values, byte[] bands, RowFailures failures) {
        int n = signal.length;
        double[][] column = new double[n][];
        for (int i = 0; i < n; i++) {
            Optional<double[]> c = frame.column(signal[i]);
            column[i] = c.isPresent() ? c.get() : ABSENT;
        }
        for (int row = from; row < to; row++) {
            double z = intercept;
            double present = 0;
            int presentTerms = 0;
            boolean missingFails = false;
            boolean impossible = false;
            for (int i = 0; i < n; i++) {
                double r = column[i] == ABSENT ? Double.NaN : column[i][row];
                if (r != r) {
                    missingFails |= failOnMissing;
                    continue;
                }
                if (Double.isInfinite(r)) {
                    impossible = true;
                    break;
                }
                // The same expression as Term.value, so the same bits.
                double term = standardised[i] ? coefficient[i] * (r - mean[i]) / sd[i] : coefficient[i] * r;
                z += term;
                present += absCoefficient[i];
                presentTerms++;
            }
            if (impossible) {
                // No snapshot can hold the row: it is reported below, with the frame's reason.
                values[row] = Double.NaN;
                bands[row] = BatchScorer.FAILED;
                continue;
            }
            double completeness = totalWeight > 0 ? Math.min(1, present / totalWeight) : (double) presentTerms / n;
            if (missingFails || completeness + 1e-12 < minimum || !Double.isFinite(z)) {
                values[row] = Double.NaN;
                bands[row] = BatchScorer.INSUFFICIENT_DATA;
                continue;
            }
            double value = Numbers.round2(100.0 * LogisticModel.sigmoid(-z));
            values[row] = value;
            bands[row] = ranks.rank(value);
        }
        // Every row holding an infinite value is among these.
        for (RowFailure impossible : frame.impossibleRows(domains, from, to)) {
            failures.fail(impossible.row(), impossible.reason(), values, bands);
        }
    }


}
