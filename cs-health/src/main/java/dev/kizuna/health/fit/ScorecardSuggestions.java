package dev.kizuna.health.fit;

import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.backtest.Discrimination;
import dev.kizuna.health.batch.BatchScorer;
import dev.kizuna.health.batch.SignalFrame;
import dev.kizuna.health.definition.DefinitionLimits;
import dev.kizuna.health.logistic.LogisticModel;
import dev.kizuna.health.scorecard.Measure;
import dev.kizuna.health.scorecard.Normaliser;
import dev.kizuna.health.scorecard.ScorecardDefinition;
import dev.kizuna.health.scorecard.ScorecardModel;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Translates a fitted logistic model into a weighted scorecard that a CS team can read, and measures what the
 * translation costs.
 *
 * <p><b>The translation.</b> Each signal with a non-zero coefficient becomes one measure with a linear normaliser:
 * for a flag (only 0 and 1 in the training data) from 0 to 1; for any other signal from {@code mean - 2 sd} to
 * {@code mean + 2 sd}, kept within the observed range and rounded to two significant digits. The normaliser rises
 * when more of the signal lowers churn (a negative coefficient) and falls otherwise. A measure's weight is
 * {@code |raw coefficient| × (span of its normaliser)}: the log-odds the signal moves across the normaliser's range,
 * so that, between the bounds, scorecard points are proportional to the model's linear predictor and the two rank
 * accounts alike. Weights are then rounded to whole numbers adding up to 100 (largest remainders first); a measure
 * whose weight rounds to 0 is left out. What is lost: the clamping outside the bounds, the rounding, and the
 * logistic curve (a scorecard is linear in its measures). The normaliser's bounds are kept within
 * {@code ±}{@value dev.kizuna.health.definition.DefinitionLimits#MAX_MAGNITUDE}. The scorecard declares each custom
 * signal it reads with the domain the fitted model declares (see {@link LogisticFitter}).
 *
 * <p><b>The cost</b> is measured as the ROC AUC of both models on the data given, usually the training data; a
 * backtest on later data says more. Stateless and thread-safe.
 */
public final class ScorecardSuggestions {

    private ScorecardSuggestions() {
    }

    /**
     * Suggests a scorecard for {@code fit}, and compares the AUCs of both on {@code frame} and {@code event}.
     *
     * @param fit   the fitted model
     * @param frame the rows to read the signals' ranges from and to compare the models on (the training rows)
     * @param event each row's label
     * @param id    the scorecard's id and version
     * @throws FitException if no measure keeps a weight
     */
    public static ScorecardSuggestion suggest(LogisticFit fit, SignalFrame frame, boolean[] event, ModelId id) {
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(id, "id");
        if (event.length != frame.rows()) {
            throw new IllegalArgumentException("event: " + event.length + " labels for " + frame.rows() + " rows");
        }
        List<SignalName> signals = new ArrayList<>();
        List<Normaliser> normalisers = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        for (Coefficient c : fit.coefficients()) {
            SignalName signal = c.signal().orElseThrow();
            if (c.estimate() == 0) {
                continue;
            }
            double[] column = frame.column(signal).orElseThrow(() -> new FitException("signal " + signal.value()
                    + ": the frame has no such column"));
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            boolean flag = true;
            for (double v : column) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    flag &= v == 0 || v == 1;
                }
            }
            if (!(max > min)) {
                continue;
            }
            double low;
            double high;
            if (flag) {
                low = 0;
                high = 1;
            } else {
                low = twoDigits(Math.max(min, c.mean() - 2 * c.sd()));
                high = twoDigits(Math.min(max, c.mean() + 2 * c.sd()));
                if (!(high > low)) {
                    low = min;
                    high = max;
                }
                // A normaliser's points are bounded (DefinitionLimits): extreme training values are clamped.
                low = Math.max(low, -DefinitionLimits.MAX_MAGNITUDE);
                high = Math.min(high, DefinitionLimits.MAX_MAGNITUDE);
                if (!(high > low)) {
                    continue;
                }
            }
            signals.add(signal);
            normalisers.add(c.estimate() < 0 ? Normaliser.linear(low, high) : Normaliser.linear(high, low));
            raw.add(Math.abs(c.rawEstimate()) * (high - low));
        }
        int[] weights = percentages(raw);
        ScorecardDefinition.Builder b = ScorecardDefinition.builder(id).bands(fit.definition().bands());
        int kept = 0;
        for (int i = 0; i < signals.size(); i++) {
            if (weights[i] > 0) {
                SignalName s = signals.get(i);
                b.add(Measure.of(s.value(), s, weights[i], normalisers.get(i)));
                if (!s.isWellKnown()) {
                    b.signal(s, fit.definition().domainOf(s));
                }
                kept++;
            }
        }
        if (kept == 0) {
            throw new FitException("coefficients: no signal keeps a weight in the scorecard");
        }
        ScorecardDefinition scorecard = b.build();
        return new ScorecardSuggestion(scorecard, aucs(LogisticModel.of(fit.definition()),
                ScorecardModel.of(scorecard), frame, event));
    }

    /** The two models' ROC AUCs on the rows both score: {@code [logistic, scorecard]}. */
    private static double[] aucs(LogisticModel logistic, ScorecardModel scorecard, SignalFrame frame,
                                    boolean[] event) {
        int n = frame.rows();
        double[] a = new double[n];
        double[] b = new double[n];
        BatchScorer.of(logistic).scoreInto(frame, a, new byte[n]);
        BatchScorer.of(scorecard).scoreInto(frame, b, new byte[n]);
        int both = 0;
        int events = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
                both++;
                events += event[i] ? 1 : 0;
            }
        }
        if (events == 0 || events == both) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] riskA = new double[both];
        double[] riskB = new double[both];
        boolean[] e = new boolean[both];
        for (int i = 0, k = 0; i < n; i++) {
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
                riskA[k] = -a[i];
                riskB[k] = -b[i];
                e[k++] = event[i];
            }
        }
        return new double[] {Discrimination.rocAuc(riskA, e), Discrimination.rocAuc(riskB, e)};
    }

    /** Rounds to two significant digits, for bounds a person reads. */
    static double twoDigits(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return value;
        }
        return new BigDecimal(value).round(new MathContext(2)).doubleValue();
    }

    /** Whole percentages adding up to 100, in proportion to {@code shares}, by largest remainders. */
    static int[] percentages(List<Double> shares) {
        double total = 0;
        for (double s : shares) {
            total += s;
        }
        int[] out = new int[shares.size()];
        if (!(total > 0)) {
            return out;
        }
        double[] remainder = new double[out.length];
        int assigned = 0;
        for (int i = 0; i < out.length; i++) {
            double exact = 100 * shares.get(i) / total;
            out[i] = (int) Math.floor(exact);
            remainder[i] = exact - out[i];
            assigned += out[i];
        }
        for (int left = 100 - assigned; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < out.length; i++) {
                if (remainder[i] > remainder[best]) {
                    best = i;
                }
            }
            out[best]++;
            remainder[best] = -1;
        }
        return out;
    }
}
