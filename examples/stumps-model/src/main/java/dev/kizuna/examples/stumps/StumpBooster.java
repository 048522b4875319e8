package dev.kizuna.examples.stumps;

import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.batch.SignalFrame;
import dev.kizuna.health.outcome.Labels;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Fits a {@link StumpsDefinition} by gradient boosting on the logistic loss, one stump per round.
 *
 * <pre>{@code
 * Labels labels = Labelling.churnWithin(Period.ofMonths(3)).withObservedUntil(end).label(frame, outcomes);
 * StumpFit fit = StumpBooster.builder(ModelId.of("churn-stumps", "1")).rounds(200).learningRate(0.1).build()
 *         .fit(labels);
 * Files.writeString(Path.of("churn-stumps.json"), fit.definitionJson());
 * }</pre>
 *
 * <p><b>Boosting.</b> The model's churn log-odds start at the training rows' base rate,
 * {@code F = log(events / non-events)}, the intercept. Each round computes every row's gradient
 * {@code g = p - y} and hessian {@code h = p(1 - p)} of the log loss at {@code p = σ(F)}, and adds the one stump that
 * most improves the second-order approximation of the loss: the split maximising
 * {@code G_L² / (H_L + λ) + G_R² / (H_R + λ) - G² / (H + λ)} over every signal and candidate threshold, where
 * {@code G} and {@code H} are sums of gradients and hessians of the rows in each branch. Each branch's value is the
 * Newton step {@code -G / (H + λ)} times the learning rate, rounded to 1e-6 (so that the written definition is
 * exactly what was trained). Boosting stops early when no split improves the fit.
 *
 * <p><b>Candidate thresholds</b> are the {@code candidates}-quantiles of each signal's present values in the
 * training rows (distinct, above the smallest value, so neither branch is empty). Each branch must hold at least
 * {@code minimumLeafRows} rows.
 *
 * <p><b>Missing values</b> are routed to a learned branch, as XGBoost does: for each split both routes are tried and
 * the better kept, and the stump's {@code missing} value is that branch's value. A signal without missing values in
 * the training rows sends them to the branch with more rows.
 *
 * <p>A split chosen twice (the same signal and threshold) adds to the stump already there, so the definition holds
 * one stump per split, sorted by signal and threshold. A stump's values stay within
 * {@code ±}{@value Stump#MAX_LOG_ODDS}.
 *
 * <p><b>Deterministic</b>: the same rows and settings give the same definition, bit for bit, on every machine
 * ({@link StrictMath}, a fixed order of signals and thresholds, and ties to the first found). Immutable and
 * thread-safe.
 */
public final class StumpBooster {
    /** The smallest improvement of the approximate loss that a split must bring. */
    private static final double MINIMUM_GAIN = 1e-9;

    private final ModelId id;
    private final List<SignalName> signals;
    private final int rounds;
    private final double learningRate;
    private final int candidates;
    private final double l2;
    private final int minimumLeafRows;
    private final BandScheme bands;

    private StumpBooster(Builder b) {
        this.id = b.id;
        this.signals = List.copyOf(b.signals);
        this.rounds = b.rounds;
        this.learningRate = b.learningRate;
        this.candidates = b.candidates;
        this.l2 = b.l2;
        this.minimumLeafRows = b.minimumLeafRows;
        this.bands = b.bands;
    }

    /**
     * Returns a builder of a booster whose model has the given id: every signal of the frame, 200 rounds, learning
     * rate 0.1, 32 candidate thresholds per signal, λ = 1, at least 20 rows per branch, the standard bands.
     */
    public static Builder builder(ModelId id) {
        return new Builder(id);
    }

    /**
     * Fits the uncensored rows of {@code labels}.
     *
     * @throws IllegalArgumentException if the rows cannot be fitted (see {@link #fit(SignalFrame, boolean[])})
     */
    public StumpFit fit(Labels labels) {
        Objects.requireNonNull(labels, "labels");
        return fit(labels.uncensoredFrame(), labels.uncensoredEvents());
    }

    /**
     * Fits {@code event} (true for churn) from the signals of {@code frame}, row by row.
     *
     * @throws IllegalArgumentException if {@code event} does not have one label per row, if the rows do not hold
     *                                  both events and non-events, if a chosen signal is not in the frame, if a value
     *                                  is infinite, or if no signal can be split at all
     */
    public StumpFit fit(SignalFrame frame, boolean[] event) {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(event, "event");
        int n = frame.rows();
        if (event.length != n) {
            throw new IllegalArgumentException("event: " + event.length + " labels for " + n + " rows");
        }
        int events = 0;
        for (boolean e : event) {
            events += e ? 1 : 0;
        }
        if (events == 0 || events == n) {
            throw new IllegalArgumentException("event: " + events + " events in " + n
                    + " rows; fitting needs both events and non-events");
        }
        List<Column> columns = columns(frame);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("signals: no signal has two distinct values to split between");
        }

        double intercept = round6(StrictMath.log((double) events / (n - events)));
        double[] f = new double[n];
        Arrays.fill(f, intercept);
        double[] g = new double[n];
        double[] h = new double[n];
        List<Double> loss = new ArrayList<>(rounds + 1);
        loss.add(meanLoss(f, event));
        // Keyed by column position, then threshold position: the definition's order.
        Map<Long, double[]> stumps = new TreeMap<>();
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < n; i++) {
                double p = sigmoid(f[i]);
                g[i] = p - (event[i] ? 1 : 0);
                h[i] = p * (1 - p);
            }
            Optional<Split> found = bestSplit(columns, g, h);
            if (found.isEmpty()) {
                break;
            }
            Split best = found.get();
            double below = round6(-learningRate * best.gBelow / (best.hBelow + l2));
            double atOrAbove = round6(-learningRate * best.gAbove / (best.hAbove + l2));
            double missing = best.missingBelow ? below : atOrAbove;
            if (below == 0 && atOrAbove == 0) {
                break;
            }
            double[] values = stumps.computeIfAbsent(((long) best.column << 32) | best.threshold, k -> new double[3]);
            values[0] = clamp(round6(values[0] + below));
            values[1] = clamp(round6(values[1] + atOrAbove));
            values[2] = clamp(round6(values[2] + missing));
            Column c = columns.get(best.column);
            int missingBin = c.thresholds.length + 1;
            for (int i = 0; i < n; i++) {
                int bin = c.bins[i];
                f[i] += bin == missingBin ? missing : bin <= best.threshold ? below : atOrAbove;
            }
            loss.add(meanLoss(f, event));
        }
        if (stumps.isEmpty()) {
            throw new IllegalArgumentException("signals: no split improves on the base rate");
        }
        List<Stump> out = new ArrayList<>(stumps.size());
        for (Map.Entry<Long, double[]> e : stumps.entrySet()) {
            Column c = columns.get((int) (e.getKey() >>> 32));
            double threshold = c.thresholds[(int) (e.getKey() & 0xFFFF_FFFFL)];
            double[] v = e.getValue();
            out.add(Stump.of(c.signal, threshold, v[0], v[1], v[2]));
        }
        StumpsDefinition definition = new StumpsDefinition(id, bands, intercept, out, 0);
        return new StumpFit(definition, loss, n, events);
    }

    /** One signal's candidate thresholds and each row's bin: 0..T for present values, T + 1 for missing. */
    private static final class Column {
        final SignalName signal;
        final double[] thresholds;
        final int[] bins;

        Column(SignalName signal, double[] thresholds, int[] bins) {
            this.signal = signal;
            this.thresholds = thresholds;
            this.bins = bins;
        }
    }

    private List<Column> columns(SignalFrame frame) {
        List<SignalName> names = new ArrayList<>(signals.isEmpty() ? frame.signals() : signals);
        names.sort(Comparator.naturalOrder());
        List<Column> out = new ArrayList<>(names.size());
        for (SignalName name : names) {
            double[] values = frame.column(name).orElseThrow(() -> new IllegalArgumentException("signals: "
                    + name.value() + " is not a column of the frame"));
            double[] present = Arrays.stream(values).filter(v -> v == v).sorted().toArray();
            for (double v : present) {
                if (Double.isInfinite(v)) {
                    throw new IllegalArgumentException("frame: " + name.value() + " has the value " + v);
                }
            }
            double[] thresholds = thresholds(present);
            if (thresholds.length == 0) {
                continue;
            }
            int[] bins = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                bins[i] = values[i] != values[i] ? thresholds.length + 1 : atOrBelow(thresholds, values[i]);
            }
            out.add(new Column(name, thresholds, bins));
        }
        return out;
    }

    /** Returns the distinct {@code candidates}-quantiles of sorted values, each above the smallest value. */
    private double[] thresholds(double[] sorted) {
        if (sorted.length == 0) {
            return new double[0];
        }
        double[] out = new double[candidates];
        int count = 0;
        for (int q = 1; q < candidates; q++) {
            double t = sorted[(int) ((long) q * sorted.length / candidates)];
            if (t > sorted[0] && (count == 0 || t > out[count - 1])) {
                out[count++] = t;
            }
        }
        return Arrays.copyOf(out, count);
    }

    /** Returns how many thresholds are at or below {@code value}: its bin. */
    private static int atOrBelow(double[] thresholds, double value) {
        int low = 0;
        int high = thresholds.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (thresholds[mid] <= value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The best split of a round: the column, the threshold's position, and each branch's sums. */
    private static final class Split {
        int column;
        int threshold;
        boolean missingBelow;
        double gain;
        double gBelow;
        double hBelow;
        double gAbove;
        double hAbove;
    }

    private Optional<Split> bestSplit(List<Column> columns, double[] g, double[] h) {
        Split best = new Split();
        boolean found = false;
        double gTotal = 0;
        double hTotal = 0;
        for (int i = 0; i < g.length; i++) {
            gTotal += g[i];
            hTotal += h[i];
        }
        double parent = gTotal * gTotal / (hTotal + l2);
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            int bins = column.thresholds.length + 2;
            double[] gBin = new double[bins];
            double[] hBin = new double[bins];
            int[] nBin = new int[bins];
            for (int i = 0; i < g.length; i++) {
                int b = column.bins[i];
                gBin[b] += g[i];
                hBin[b] += h[i];
                nBin[b]++;
            }
            int missing = bins - 1;
            double gMissing = gBin[missing];
            double hMissing = hBin[missing];
            int nMissing = nBin[missing];
            double gPresent = gTotal - gMissing;
            double hPresent = hTotal - hMissing;
            int nPresent = g.length - nMissing;
            double gLeft = 0;
            double hLeft = 0;
            int nLeft = 0;
            for (int k = 0; k < column.thresholds.length; k++) {
                gLeft += gBin[k];
                hLeft += hBin[k];
                nLeft += nBin[k];
                double gRight = gPresent - gLeft;
                double hRight = hPresent - hLeft;
                int nRight = nPresent - nLeft;
                for (int route = 0; route < 2; route++) {
                    boolean missingBelow = route == 0;
                    if (nMissing == 0 && missingBelow != (nLeft > nRight)) {
                        continue;
                    }
                    double gl = missingBelow ? gLeft + gMissing : gLeft;
                    double hl = missingBelow ? hLeft + hMissing : hLeft;
                    int nl = missingBelow ? nLeft + nMissing : nLeft;
                    double gr = missingBelow ? gRight : gRight + gMissing;
                    double hr = missingBelow ? hRight : hRight + hMissing;
                    int nr = missingBelow ? nRight : nRight + nMissing;
                    if (nl < minimumLeafRows || nr < minimumLeafRows) {
                        continue;
                    }
                    double gain = gl * gl / (hl + l2) + gr * gr / (hr + l2) - parent;
                    if (gain > MINIMUM_GAIN && (!found || gain > best.gain)) {
                        found = true;
                        best.column = c;
                        best.threshold = k;
                        best.missingBelow = missingBelow;
                        best.gain = gain;
                        best.gBelow = gl;
                        best.hBelow = hl;
                        best.gAbove = gr;
                        best.hAbove = hr;
                    }
                }
            }
        }
        return found ? Optional.of(best) : Optional.empty();
    }

    private static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + StrictMath.exp(-z));
        }
        double e = StrictMath.exp(z);
        return e / (1.0 + e);
    }

    /** Returns the mean log loss {@code -[y log p + (1 - y) log(1 - p)]} at log-odds {@code f}, without overflow. */
    private static double meanLoss(double[] f, boolean[] event) {
        double sum = 0;
        for (int i = 0; i < f.length; i++) {
            sum += Math.max(f[i], 0) - (event[i] ? f[i] : 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(f[i])));
        }
        return sum / f.length;
    }

    private static double round6(double value) {
        return Math.round(value * 1e6) / 1e6 + 0.0;
    }

    private static double clamp(double value) {
        return Math.max(-Stump.MAX_LOG_ODDS, Math.min(Stump.MAX_LOG_ODDS, value));
    }

    /** Chooses the settings of a {@link StumpBooster}. Not thread-safe; the booster it builds is. */
    public static final class Builder {
        private final ModelId id;
        private List<SignalName> signals = List.of();
        private int rounds = 200;
        private double learningRate = 0.1;
        private int candidates = 32;
        private double l2 = 1;
        private int minimumLeafRows = 20;
        private BandScheme bands = BandScheme.standard();

        private Builder(ModelId id) {
            this.id = Objects.requireNonNull(id, "id");
        }

        /** Fits only these signals (by default, every column of the frame). */
        public Builder signals(List<SignalName> names) {
            Objects.requireNonNull(names, "signals");
            Set<SignalName> seen = new HashSet<>();
            for (SignalName name : names) {
                if (!seen.add(Objects.requireNonNull(name, "signals[]"))) {
                    throw new IllegalArgumentException("signals: " + name.value() + " is given twice");
                }
            }
            if (names.isEmpty()) {
                throw new IllegalArgumentException("signals: give at least one signal");
            }
            this.signals = List.copyOf(names);
            return this;
        }

        /** Sets the most boosting rounds, 1 to {@value StumpsDefinition#MAX_STUMPS} (default 200). */
        public Builder rounds(int count) {
            if (count < 1 || count > StumpsDefinition.MAX_STUMPS) {
                throw new IllegalArgumentException("rounds: " + count + " must be between 1 and "
                        + StumpsDefinition.MAX_STUMPS);
            }
            this.rounds = count;
            return this;
        }

        /** Sets the learning rate (shrinkage) applied to every stump, in {@code (0, 1]} (default 0.1). */
        public Builder learningRate(double rate) {
            if (!(rate > 0 && rate <= 1)) {
                throw new IllegalArgumentException("learningRate: " + rate + " must be > 0 and <= 1");
            }
            this.learningRate = rate;
            return this;
        }

        /** Sets how many quantiles of each signal are tried as thresholds, 2 to 1,024 (default 32). */
        public Builder candidates(int count) {
            if (count < 2 || count > 1_024) {
                throw new IllegalArgumentException("candidates: " + count + " must be between 2 and 1024");
            }
            this.candidates = count;
            return this;
        }

        /** Sets the L2 penalty λ on branch values, above 0 (default 1); it keeps every value finite. */
        public Builder l2(double lambda) {
            if (!(lambda > 0 && lambda < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("l2: " + lambda + " must be a finite number > 0");
            }
            this.l2 = lambda;
            return this;
        }

        /** Sets the fewest rows a branch may hold, at least 1 (default 20). */
        public Builder minimumLeafRows(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("minimumLeafRows: " + count + " must be >= 1");
            }
            this.minimumLeafRows = count;
            return this;
        }

        /** Sets the bands of the fitted model (default: the standard bands). */
        public Builder bands(BandScheme scheme) {
            this.bands = Objects.requireNonNull(scheme, "bands");
            return this;
        }

        /** Returns the booster. */
        public StumpBooster build() {
            return new StumpBooster(this);
        }
    }
}
