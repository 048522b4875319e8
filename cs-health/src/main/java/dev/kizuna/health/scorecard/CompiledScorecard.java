package dev.kizuna.health.scorecard;

import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A scorecard flattened into arrays, the form every scoring path runs on.
 *
 * <p>The distinct signals read (by measures, then by caps) are numbered {@code 0..signals.length-1}; raw input is a
 * {@code double[]} in that order with {@code NaN} for "no value" (snapshot values are always finite, so NaN is free
 * as the marker). That is the shape a columnar batch path fills straight from columns. The tree of groups and
 * measures is stored in pre-order ({@code parent[i] < i}), so one backward pass aggregates children into parents
 * and one forward pass hands weights down. The weighing when every measure counts, the usual case, is done once
 * here, and the logarithmic normalisers' logarithms are taken once ({@link #scale}). Immutable after construction
 * and thread-safe; {@link #evaluate} allocates only its result.
 */
final class CompiledScorecard {
    /** The distinct signals read, in first-use order. */
    public final SignalName[] signals;
    /** The number of tree nodes (groups and measures). */
    public final int nodes;
    /** Each node's parent node, or -1 at the top level; parents come first. */
    public final int[] parent;
    /** Each node's weight among its siblings, as defined. */
    public final double[] localWeight;
    /** Each node's leaf number, or -1 for a group. */
    public final int[] leafOfNode;
    /** Each node's id. */
    public final String[] nodeId;
    /** The number of measures. */
    public final int leaves;
    /** Each measure's node. */
    public final int[] leafNode;
    /** Each measure's signal number. */
    public final int[] leafSignal;
    /** Each measure. */
    public final Measure[] measure;
    /** Each measure's normaliser. */
    public final Normaliser[] normaliser;
    /** Each measure's normaliser, compiled: the same results, faster to evaluate. */
    public final CompiledNormaliser[] scale;
    /** Each measure's effective missing-data policy. */
    public final ScorecardMissingInput[] policy;
    /** Each measure's share of the total weight when every signal has data (for completeness). */
    public final double[] designWeight;
    /** The caps. */
    public final Cap[] caps;
    /** Each cap's signal number. */
    public final int[] capSignal;
    /** The minimum completeness. */
    public final double minimumCompleteness;
    /** For each signal number, the measures that read it (usually one). */
    private final int[][] leavesOfSignal;
    /** The signals in name order (the order of a snapshot's values), and their numbers. */
    private final SignalName[] sortedSignals;
    private final int[] sortedSignalNumber;
    /**
     * The weighing when every measure counts (the usual case), computed once by the same passes as any other:
     * which nodes count, the groups' masses, the effective weights and the top-level mass.
     */
    private final boolean[] fullCounts;
    private final double[] fullMass;
    private final double[] fullEffective;
    private final double fullRootMass;

    private CompiledScorecard(ScorecardDefinition definition) {
        Map<SignalName, Integer> signalIndex = new LinkedHashMap<>();
        List<ScorecardItem> order = new ArrayList<>();
        List<Integer> parents = new ArrayList<>();
        flatten(definition.measures(), -1, order, parents);
        nodes = order.size();
        parent = new int[nodes];
        localWeight = new double[nodes];
        leafOfNode = new int[nodes];
        nodeId = new String[nodes];
        List<Integer> leafNodes = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            ScorecardItem item = order.get(i);
            parent[i] = parents.get(i);
            localWeight[i] = item.weight();
            nodeId[i] = item.id();
            leafOfNode[i] = item instanceof Measure ? leafNodes.size() : -1;
            if (item instanceof Measure) {
                leafNodes.add(i);
            }
        }
        leaves = leafNodes.size();
        leafNode = new int[leaves];
        leafSignal = new int[leaves];
        measure = new Measure[leaves];
        normaliser = new Normaliser[leaves];
        scale = new CompiledNormaliser[leaves];
        policy = new ScorecardMissingInput[leaves];
        designWeight = new double[leaves];
        double[] siblingTotal = new double[nodes + 1];
        for (int i = 0; i < nodes; i++) {
            siblingTotal[parent[i] + 1] += localWeight[i];
        }
        double[] share = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            double up = parent[i] < 0 ? 1 : share[parent[i]];
            share[i] = up * localWeight[i] / siblingTotal[parent[i] + 1];
        }
        for (int l = 0; l < leaves; l++) {
            int node = leafNodes.get(l);
            Measure m = (Measure) order.get(node);
            leafNode[l] = node;
            measure[l] = m;
            normaliser[l] = m.normaliser();
            scale[l] = CompiledNormaliser.of(m.normaliser());
            policy[l] = m.missingData().orElse(definition.missingData());
            designWeight[l] = share[node];
            leafSignal[l] = signalIndex.computeIfAbsent(m.signal(), k -> signalIndex.size());
        }
        caps = definition.caps().toArray(new Cap[0]);
        capSignal = new int[caps.length];
        for (int c = 0; c < caps.length; c++) {
            capSignal[c] = signalIndex.computeIfAbsent(caps[c].signal(), k -> signalIndex.size());
        }
        signals = signalIndex.keySet().toArray(new SignalName[0]);
        sortedSignals = signals.clone();
        Arrays.sort(sortedSignals);
        sortedSignalNumber = new int[signals.length];
        for (int s = 0; s < signals.length; s++) {
            sortedSignalNumber[s] = signalIndex.get(sortedSignals[s]);
        }
        minimumCompleteness = definition.minimumCompleteness();
        leavesOfSignal = new int[signals.length][];
        for (int s = 0; s < signals.length; s++) {
            int count = 0;
            for (int l = 0; l < leaves; l++) {
                count += leafSignal[l] == s ? 1 : 0;
            }
            leavesOfSignal[s] = new int[count];
            count = 0;
            for (int l = 0; l < leaves; l++) {
                if (leafSignal[l] == s) {
                    leavesOfSignal[s][count++] = l;
                }
            }
        }
        fullCounts = new boolean[nodes];
        fullMass = new double[nodes];
        fullEffective = new double[nodes];
        for (int l = 0; l < leaves; l++) {
            fullCounts[leafNode[l]] = true;
        }
        fullRootMass = weigh(fullCounts, fullMass, fullEffective);
    }

    private static void flatten(List<ScorecardItem> items, int parentNode, List<ScorecardItem> order,
                                List<Integer> parents) {
        for (ScorecardItem item : items) {
            int node = order.size();
            order.add(item);
            parents.add(parentNode);
            if (item instanceof MeasureGroup) {
                flatten(((MeasureGroup) item).items(), node, order, parents);
            }
        }
    }

    /** Compiles a scorecard. */
    public static CompiledScorecard compile(ScorecardDefinition definition) {
        return new CompiledScorecard(definition);
    }

    /** Returns the snapshot's values of {@link #signals}, NaN where it has none. */
    public double[] read(SignalSnapshot snapshot) {
        return read(snapshot, new double[signals.length]);
    }

    /**
     * Writes the snapshot's values of {@link #signals} into {@code raw} (of their length), NaN where it has none,
     * and returns it.
     */
    public double[] read(SignalSnapshot snapshot, double[] raw) {
        int size = snapshot.size();
        if (size > 4 * signals.length) {
            // A snapshot far wider than the scorecard: look each signal up.
            SortedMap<SignalName, Double> values = snapshot.values();
            for (int s = 0; s < raw.length; s++) {
                Double v = values.get(signals[s]);
                raw[s] = v == null ? Double.NaN : v;
            }
            return raw;
        }
        // One merged pass over both name orders: a snapshot's values are sorted by name. The well-known names are
        // shared constants, so most matches are found by identity, without comparing strings.
        Arrays.fill(raw, Double.NaN);
        int next = 0;
        for (int i = 0; i < size; i++) {
            SignalName name = snapshot.nameAt(i);
            while (next < sortedSignals.length) {
                SignalName wanted = sortedSignals[next];
                int order = wanted == name ? 0 : wanted.compareTo(name);
                if (order > 0) {
                    break;
                }
                next++;
                if (order == 0) {
                    raw[sortedSignalNumber[next - 1]] = snapshot.valueAt(i);
                    break;
                }
            }
            if (next == sortedSignals.length) {
                break;
            }
        }
        return raw;
    }

    /** Returns how many measures read signal number {@code signal}. */
    public int measuresReading(int signal) {
        return leavesOfSignal[signal].length;
    }

    /**
     * Evaluates the scorecard on raw values in signal order (NaN for no value); {@code raw} is kept, not copied.
     * When every measure counts, the evaluation's {@code counts}, {@code mass} and {@code effective} arrays are the
     * scorecard's own, shared by every such evaluation; callers only read them.
     */
    public Evaluation evaluate(double[] raw) {
        return evaluate(raw, new double[leaves]);
    }

    /**
     * Evaluates the scorecard as {@link #evaluate(double[])} does, with the sub-scores written into {@code sub} (one
     * per measure), which the evaluation keeps as its {@code subscore}.
     */
    public Evaluation evaluate(double[] raw, double[] sub) {
        double completeness = 0;
        boolean all = true;
        int fail = -1;
        for (int l = 0; l < leaves; l++) {
            double r = raw[leafSignal[l]];
            if (r == r) {
                sub[l] = scale[l].score(r);
                completeness += designWeight[l];
            } else if (policy[l] == ScorecardMissingInput.ZERO) {
                sub[l] = 0;
            } else {
                sub[l] = Double.NaN;
                all = false;
                if (policy[l] == ScorecardMissingInput.FAIL) {
                    fail = l;
                }
            }
        }
        Evaluation e;
        if (all) {
            e = new Evaluation(this, raw, sub, fullCounts, fullMass, fullEffective);
            e.rootMass = fullRootMass;
        } else {
            e = new Evaluation(this, raw, sub, new boolean[nodes], new double[nodes], new double[nodes]);
            for (int l = 0; l < leaves; l++) {
                e.counts[leafNode[l]] = sub[l] == sub[l];
            }
        }
        e.completeness = Math.min(1, completeness);
        e.fail = fail;
        if (fail >= 0) {
            return e;
        }
        if (!all) {
            e.rootMass = weigh(e.counts, e.mass, e.effective);
        }
        if (e.rootMass <= 0) {
            return e;
        }
        boolean[] counts = e.counts;
        double[] eff = e.effective;
        double score = 0;
        for (int l = 0; l < leaves; l++) {
            int n = leafNode[l];
            if (counts[n]) {
                score += eff[n] * sub[l];
            }
        }
        score = score < 0 ? 0 : (score > 100 ? 100 : score);
        e.uncapped = score;
        e.capped = score;
        for (int c = 0; c < caps.length; c++) {
            double r = raw[capSignal[c]];
            if (r == r && caps[c].holds(r) && caps[c].max() < e.capped) {
                e.capped = caps[c].max();
                e.bindingCap = c;
            }
        }
        return e;
    }

    /**
     * Weighs the tree, given which measures count: marks the groups that count, sums each group's counting mass and
     * hands the effective weights down, redistributing among counting siblings only. Returns the top-level mass
     * that counts; the effective weights are left at 0 when it is 0.
     */
    private double weigh(boolean[] counts, double[] mass, double[] eff) {
        // Backward pass: children before parents, so each group's counting mass is complete when reached.
        double rootMass = 0;
        for (int n = nodes - 1; n >= 0; n--) {
            if (leafOfNode[n] < 0) {
                counts[n] = mass[n] > 0;
            }
            if (counts[n]) {
                if (parent[n] < 0) {
                    rootMass += localWeight[n];
                } else {
                    mass[parent[n]] += localWeight[n];
                }
            }
        }
        if (rootMass <= 0) {
            return rootMass;
        }
        // Forward pass: effective weights.
        for (int n = 0; n < nodes; n++) {
            int p = parent[n];
            if (p >= 0 && !counts[p]) {
                // A group whose counting items all weigh 0 is left out, and so is everything in it.
                counts[n] = false;
            }
            if (counts[n]) {
                eff[n] = p < 0 ? localWeight[n] / rootMass : eff[p] * localWeight[n] / mass[p];
            }
        }
        return rootMass;
    }

    /** The evaluation of one account: intermediate arrays, kept for contributions and explanations. */
    public static final class Evaluation {
        /** The scorecard evaluated. */
        public final CompiledScorecard card;
        /** The raw values, by signal number; NaN for none. */
        public final double[] raw;
        /** Each measure's sub-score; NaN when it does not count. */
        public final double[] subscore;
        /** Whether each node counts (has data, or is counted as zero). */
        public final boolean[] counts;
        /** Each group's counting weight. */
        public final double[] mass;
        /** Each node's effective share of the score; 0 when it does not count. */
        public final double[] effective;
        /** The measure whose missing signal makes the result fail under {@code FAIL}, or -1. */
        public int fail = -1;
        /** The total top-level weight that counts; 0 when nothing does. */
        public double rootMass;
        /** The share of the design weight with data. */
        public double completeness;
        /** The score before caps. */
        public double uncapped;
        /** The score after caps. */
        public double capped;
        /** The cap that lowered the score, or -1. */
        public int bindingCap = -1;

        Evaluation(CompiledScorecard card, double[] raw, double[] subscore, boolean[] counts, double[] mass,
                   double[] effective) {
            this.card = card;
            this.raw = raw;
            this.subscore = subscore;
            this.counts = counts;
            this.mass = mass;
            this.effective = effective;
        }

        /** Returns whether a score could be computed (before the minimum-completeness check). */
        public boolean hasScore() {
            return fail < 0 && rootMass > 0;
        }

        /** Returns a node's own score (a group's weighted mean, a measure's sub-score), or NaN if it does not count. */
        public double nodeScore(int node) {
            if (!counts[node] || effective[node] <= 0) {
                int l = card.leafOfNode[node];
                return l >= 0 && counts[node] ? subscore[l] : Double.NaN;
            }
            double total = 0;
            for (int l = 0; l < card.leaves; l++) {
                int n = card.leafNode[l];
                if (counts[n] && isWithin(n, node)) {
                    total += effective[n] * subscore[l];
                }
            }
            return total / effective[node];
        }

        private boolean isWithin(int n, int ancestor) {
            for (int x = n; x >= 0; x = card.parent[x]) {
                if (x == ancestor) {
                    return true;
                }
            }
            return false;
        }

        /** Returns the score with the given raw value of one signal, others held fixed, capped. */
        public double cappedWith(int signal, double value) {
            double score = uncapped;
            if (raw[signal] == raw[signal]) {
                for (int l : card.leavesOfSignal[signal]) {
                    if (counts[card.leafNode[l]]) {
                        score += effective[card.leafNode[l]] * (card.scale[l].score(value) - subscore[l]);
                    }
                }
            }
            score = score < 0 ? 0 : (score > 100 ? 100 : score);
            for (int c = 0; c < card.caps.length; c++) {
                double r = card.capSignal[c] == signal ? value : raw[card.capSignal[c]];
                if (r == r && card.caps[c].holds(r) && card.caps[c].max() < score) {
                    score = card.caps[c].max();
                }
            }
            return score;
        }
    }
}
