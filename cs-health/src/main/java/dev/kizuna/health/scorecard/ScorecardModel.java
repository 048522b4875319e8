package dev.kizuna.health.scorecard;

import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.BandLever;
import dev.kizuna.health.BandLever.Relation;
import dev.kizuna.health.BandLever.Target;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.Contribution;
import dev.kizuna.health.Explanation;
import dev.kizuna.health.HealthBand;
import dev.kizuna.health.InputDomains;
import dev.kizuna.health.batch.BatchHealthModel;
import dev.kizuna.health.batch.RowFailures;
import dev.kizuna.health.batch.SignalFrame;
import dev.kizuna.health.HealthScore;
import dev.kizuna.health.internal.Apportion;
import dev.kizuna.health.internal.BandRanks;
import dev.kizuna.health.internal.ImmutableArray;
import dev.kizuna.core.internal.Numbers;
import dev.kizuna.health.scorecard.CompiledScorecard.Evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The weighted scorecard model.
 *
 * <p><b>Score.</b> Each measure's signal is mapped by its normaliser to a sub-score {@code s} from 0 to 100. Within
 * each group (and at the top level), the weights {@code w} of the items that count are normalised to add up to 1,
 * and a group's score is {@code Σ w·s / Σ w}; a measure's effective weight is the product of its normalised weights
 * down the tree, and the score is {@code Σ effective weight · s}. Measures without data follow their
 * {@link ScorecardMissingInput}. Then the lowest {@link Cap} that holds, if it is below the score, replaces it.
 *
 * <p><b>Insufficient data</b> when a {@code FAIL} measure has no data, when no measure with weight counts, or when
 * the completeness (the share of the design weight, every weight normalised as if all data were there, whose signal
 * has a value) is below the minimum.
 *
 * <p><b>Contributions.</b> One per measure, in document order: {@code points = effective weight · s} (0 for a left-out
 * measure), then one for the binding cap, if any, with {@code points = capped - uncapped score}. Rounded to
 * hundredths by the largest-remainder method, they add up exactly to the value (see {@link HealthScore}). A
 * measure's {@code impact} is {@code effective weight · (s - uncapped score)}: how far it pulls the score away from
 * the mean of the others (it would be higher without a measure of negative impact); the impacts add up to 0.
 *
 * <p><b>Levers.</b> For each measure with data, the raw value that lifts the (capped) score into the next band with
 * the other signals held fixed: the needed sub-score {@code s + (target - score) / effective weight} is inverted
 * through the normaliser ({@link Normaliser#atLeast}). When a cap on the measure's own signal would still hold the
 * score below the band there, the target moves on to the nearest value past the cap's threshold ("at most 0
 * escalated tickets"), if the sub-score there is still enough. The target is then moved into the signal's domain
 * (whole numbers rounded in the improving direction, bounds clamped; see {@link BandLever}) and checked again by
 * re-scoring, with every measure on the signal moved. A lever is blocked when the sub-score needed is above 100 or
 * out of the normaliser's range, when a cap on another signal holds the score below the band, or when the value
 * moved into the domain does not reach it: then no value of the domain does, unless other measures read the same
 * signal (they may pull the other way), and the obstacle says which.
 *
 * <p><b>Domains.</b> {@link #score}, {@link #explain} and {@link #itemScores} reject a snapshot with a value outside
 * its input's {@linkplain ScorecardDefinition#domainOf domain} ({@link InputDomains#check}); the batch path reports
 * such a row as failed.
 *
 * <p>Immutable and thread-safe: any number of threads may score with one model.
 */
public final class ScorecardModel implements BatchHealthModel {
    private static final int NUDGES = 60;
    private static final Optional<String> PERFECT_IS_NOT_ENOUGH =
            Optional.of("even a sub-score of 100 would not reach the band");
    private static final Optional<String> OUT_OF_RANGE = Optional.of("its normaliser never reaches the sub-score needed");
    private static final Optional<String> NO_WEIGHT = Optional.of("its weight is 0");

    private final ScorecardDefinition definition;
    private final InputDomains domains;
    private final CompiledScorecard compiled;
    private final BandScheme bands;
    /** The bands' lower bounds, to find a value's band without walking the scheme's list. */
    private final BandRanks bandRanks;
    /** Each band's lowest score on the hundredths grid, worst first: the goal of a lever into it. */
    private final double[] bandGoals;
    /**
     * A contribution of each measure, then of each cap, checked once: a score's contributions are these with its
     * numbers, and share their id, label and signal.
     */
    private final Contribution[] measureInputs;
    private final Contribution[] capInputs;
    /** Each band, wrapped once, worst first: scores share these immutable optionals. */
    private final List<Optional<HealthBand>> bandOptionals;
    /**
     * Each thread's work space for scoring one account: the arrays a score is computed in and then read from, which
     * no result keeps. Reusing them saves about 600 bytes of allocation per account on the single-account path
     * (measured by ScorecardBenchmark with -prof gc); any number of threads may score at once, each in its own.
     */
    private final ThreadLocal<Workspace> workspace;
    /** The batch path's tables, made on first batch use. */
    private volatile Optional<ScorecardBatch> batch = Optional.empty();

    private ScorecardModel(ScorecardDefinition definition) {
        this.definition = Objects.requireNonNull(definition, "definition");
        this.domains = InputDomains.of(definition);
        this.compiled = CompiledScorecard.compile(definition);
        this.bands = definition.bands();
        this.bandRanks = new BandRanks(bands);
        this.bandGoals = new double[bands.bands().size()];
        List<Optional<HealthBand>> wrapped = new ArrayList<>();
        for (int b = 0; b < bandGoals.length; b++) {
            HealthBand band = bands.bands().get(b);
            bandGoals[b] = BandScheme.lowestScoreIn(band);
            wrapped.add(Optional.of(band));
        }
        this.bandOptionals = List.copyOf(wrapped);
        this.measureInputs = new Contribution[compiled.leaves];
        for (int l = 0; l < compiled.leaves; l++) {
            Measure m = compiled.measure[l];
            measureInputs[l] = Contribution.of(m.id(), m.label(), Contribution.Kind.INPUT, Optional.of(m.signal()),
                    Double.NaN, Double.NaN, 0, 0, 0);
        }
        this.workspace = ThreadLocal.withInitial(() -> new Workspace(compiled));
        this.capInputs = new Contribution[compiled.caps.length];
        for (int c = 0; c < capInputs.length; c++) {
            Cap cap = compiled.caps[c];
            capInputs[c] = Contribution.of(cap.id(), cap.label(), Contribution.Kind.CAP, Optional.of(cap.signal()),
                    Double.NaN, Double.NaN, 0, 0, 0);
        }
    }

    /** Returns the model of a scorecard definition. */
    public static ScorecardModel of(ScorecardDefinition definition) {
        return new ScorecardModel(definition);
    }

    @Override
    public ScorecardDefinition definition() {
        return definition;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if a value lies outside its input's domain ({@link InputDomains#check})
     */
    @Override
    public HealthScore score(SignalSnapshot snapshot, Instant computedAt) {
        domains.check(Objects.requireNonNull(snapshot, "snapshot"));
        Objects.requireNonNull(computedAt, "computedAt");
        Workspace w = workspace.get();
        return toScore(snapshot, computedAt, w.evaluate(compiled, snapshot), w);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if a value lies outside its input's domain ({@link InputDomains#check})
     */
    @Override
    public Explanation explain(SignalSnapshot snapshot, Instant computedAt) {
        domains.check(Objects.requireNonNull(snapshot, "snapshot"));
        Objects.requireNonNull(computedAt, "computedAt");
        Workspace w = workspace.get();
        Evaluation e = w.evaluate(compiled, snapshot);
        HealthScore score = toScore(snapshot, computedAt, e, w);
        return Explanation.of(score, levers(e, score, snapshot));
    }

    /**
     * Returns the score of every group and measure that counts for this snapshot, by id, in document order: a
     * group's score is the weighted mean of its items', a measure's is its sub-score. Items that do not count (no
     * data, left out) are empty. Caps do not apply here.
     *
     * @throws IllegalArgumentException if a value lies outside its input's domain ({@link InputDomains#check})
     */
    public Map<String, OptionalDouble> itemScores(SignalSnapshot snapshot) {
        domains.check(Objects.requireNonNull(snapshot, "snapshot"));
        Evaluation e = compiled.evaluate(compiled.read(snapshot));
        Map<String, OptionalDouble> out = new LinkedHashMap<>();
        for (int n = 0; n < compiled.nodes; n++) {
            double s = e.hasScore() ? e.nodeScore(n) : Double.NaN;
            out.put(compiled.nodeId[n], s == s ? OptionalDouble.of(s) : OptionalDouble.empty());
        }
        return out;
    }

    private HealthScore toScore(SignalSnapshot snapshot, Instant computedAt, Evaluation e, Workspace w) {
        List<SignalName> missing = List.of();
        for (int s = 0; s < compiled.signals.length; s++) {
            if (e.raw[s] != e.raw[s]) {
                if (missing.isEmpty()) {
                    missing = new ArrayList<>();
                }
                missing.add(compiled.signals[s]);
            }
        }
        if (e.fail >= 0) {
            Measure m = compiled.measure[e.fail];
            return HealthScore.insufficient(snapshot.account(), definition.id(), computedAt, snapshot.at(),
                    "measure '" + m.label() + "' has no value of " + m.signal().value()
                            + " and its missing-data policy is FAIL", e.completeness, missing);
        }
        if (e.rootMass <= 0) {
            return HealthScore.insufficient(snapshot.account(), definition.id(), computedAt, snapshot.at(),
                    "no measure with weight has data", e.completeness, missing);
        }
        if (e.completeness + 1e-12 < compiled.minimumCompleteness) {
            return HealthScore.insufficient(snapshot.account(), definition.id(), computedAt, snapshot.at(),
                    "completeness " + percent(e.completeness) + " is below the minimum of "
                            + percent(compiled.minimumCompleteness), e.completeness, missing);
        }
        int count = compiled.leaves + (e.bindingCap >= 0 ? 1 : 0);
        double[] points = w.points;
        for (int l = 0; l < compiled.leaves; l++) {
            int node = compiled.leafNode[l];
            points[l] = e.counts[node] ? e.effective[node] * e.subscore[l] : 0;
        }
        if (e.bindingCap >= 0) {
            points[compiled.leaves] = e.capped - e.uncapped;
        }
        long[] centi = Apportion.centi(points, count, e.capped, w.centi, w.remainder, w.order);
        Contribution[] contributions = new Contribution[count];
        for (int l = 0; l < compiled.leaves; l++) {
            int node = compiled.leafNode[l];
            double r = e.raw[compiled.leafSignal[l]];
            boolean counted = e.counts[node];
            double weight = Math.min(1, e.effective[node]);
            double impact = counted ? Numbers.round2(e.effective[node] * (e.subscore[l] - e.uncapped)) : 0;
            contributions[l] = measureInputs[l].withNumbers(r, counted ? e.subscore[l] : Double.NaN, weight,
                    centi[l] / 100.0, impact);
        }
        if (e.bindingCap >= 0) {
            double change = centi[compiled.leaves] / 100.0;
            contributions[compiled.leaves] = capInputs[e.bindingCap].withNumbers(
                    e.raw[compiled.capSignal[e.bindingCap]], Double.NaN, 0, change, change);
        }
        double value = Numbers.round2(e.capped);
        return new HealthScore(snapshot.account(), definition.id(), computedAt, snapshot.at(),
                HealthScore.Status.SCORED, OptionalDouble.of(value), bandOptionals.get(bandRanks.rank(value)),
                ImmutableArray.own(contributions, count), e.completeness, missing, Optional.empty());
    }

    private List<BandLever> levers(Evaluation e, HealthScore score, SignalSnapshot snapshot) {
        if (!score.isScored()) {
            return List.of();
        }
        int wanted = bandRanks.rank(score.value().getAsDouble()) + 1;
        if (wanted == bandGoals.length) {
            return List.of();
        }
        HealthBand band = bands.bands().get(wanted);
        double goal = bandGoals[wanted];
        BandLever[] levers = new BandLever[compiled.leaves];
        int count = 0;
        for (int l = 0; l < compiled.leaves; l++) {
            int node = compiled.leafNode[l];
            int signal = compiled.leafSignal[l];
            double current = e.raw[signal];
            if (current != current || !e.counts[node]) {
                continue;
            }
            Measure m = compiled.measure[l];
            double weight = e.effective[node];
            double needed = weight <= 0 ? Double.NaN : e.subscore[l] + (goal - e.uncapped) / weight;
            if (weight <= 0 || needed > 100 + 1e-9) {
                // Blocked levers share their reasons' optionals: most levers of a red account are blocked.
                levers[count++] = new BandLever(m.id(), m.label(), m.signal(), current, band, Optional.empty(),
                        weight <= 0 ? NO_WEIGHT : PERFECT_IS_NOT_ENOUGH);
                continue;
            }
            Optional<Target> target = compiled.scale[l].atLeast(Math.min(100, Math.max(0, needed)), current);
            BandLever lever = target.isEmpty()
                    ? new BandLever(m.id(), m.label(), m.signal(), current, band, Optional.empty(), OUT_OF_RANGE)
                    : verified(e, l, m, current, band, wanted, target);
            if (lever.isReachable()) {
                lever = BandLever.within(m.id(), m.label(), m.signal(), current, band, lever.target().orElseThrow(),
                        domains.leverDomain(m.signal(), snapshot), compiled.measuresReading(signal) == 1,
                        v -> bandRanks.rank(Numbers.round2(e.cappedWith(signal, v))) >= wanted);
            }
            levers[count++] = lever;
        }
        return ImmutableArray.own(levers, count);
    }

    /**
     * Checks a lever's target by re-scoring with it (through every measure reading the signal, and the caps), and
     * nudges it in the improving direction when floating-point rounding left it a hair short.
     */
    private BandLever verified(Evaluation e, int leaf, Measure m, double current, HealthBand band, int wanted,
                               Optional<Target> found) {
        Target target = found.orElseThrow();
        int signal = compiled.leafSignal[leaf];
        double goal = bandGoals[wanted];
        for (int k = 0; k <= compiled.caps.length; k++) {
            int cap = lowestCapHolding(e, signal, probe(target.value(), target.relation()));
            if (cap < 0 || compiled.caps[cap].max() >= goal) {
                break;
            }
            // A cap on this very signal is lifted by moving the signal past its threshold as well: that bound is
            // then the target, if the measure's sub-score there is still enough (checked below by re-scoring).
            Optional<Target> release = compiled.capSignal[cap] == signal
                    ? released(compiled.caps[cap], compiled.normaliser[leaf].direction()) : Optional.empty();
            if (release.isEmpty()) {
                return BandLever.blocked(m.id(), m.label(), m.signal(), current, band, "capped at "
                        + Numbers.plain(compiled.caps[cap].max()) + " by '" + compiled.caps[cap].label() + "'");
            }
            target = release.get();
            found = release;
        }
        double value = target.value();
        double direction = Math.signum(value - current);
        if (direction == 0) {
            direction = target.relation() == Relation.AT_LEAST || target.relation() == Relation.ABOVE ? 1 : -1;
        }
        for (int i = 0; i < NUDGES; i++) {
            double reached = Numbers.round2(e.cappedWith(signal, probe(value, target.relation())));
            if (bandRanks.rank(reached) >= wanted) {
                return value == target.value() ? BandLever.reaching(m.id(), m.label(), m.signal(), current, band, found)
                        : BandLever.reaching(m.id(), m.label(), m.signal(), current, band,
                        new Target(value, target.relation()));
            }
            value += direction * Math.max(Math.ulp(value), Math.abs(value) * 1e-12) * (1L << Math.min(i, 50));
        }
        // With other measures on the signal, pulling the other way, a value this way is all that was tried.
        return BandLever.blocked(m.id(), m.label(), m.signal(), current, band, compiled.measuresReading(signal) == 1
                ? "no value of its signal reaches the band"
                : "moving its signal the way this measure improves did not reach the band");
    }

    /**
     * Returns the nearest bound of the values for which {@code cap} does not hold, on the side the measure improves
     * towards when that matters ({@code ==}); empty for {@code !=}, which only one value lifts.
     */
    private static Optional<Target> released(Cap cap, int improving) {
        double t = cap.threshold();
        switch (cap.comparison()) {
            case GREATER:
                return Optional.of(new Target(t, Relation.AT_MOST));
            case AT_LEAST:
                return Optional.of(new Target(t, Relation.BELOW));
            case LESS:
                return Optional.of(new Target(t, Relation.AT_LEAST));
            case AT_MOST:
                return Optional.of(new Target(t, Relation.ABOVE));
            case EQUAL:
                return Optional.of(new Target(t, improving >= 0 ? Relation.ABOVE : Relation.BELOW));
            default:
                return Optional.empty();
        }
    }

    private static double probe(double value, Relation relation) {
        switch (relation) {
            case BELOW:
                return Math.nextDown(value);
            case ABOVE:
                return Math.nextUp(value);
            default:
                return value;
        }
    }

    private int lowestCapHolding(Evaluation e, int signal, double probe) {
        int lowest = -1;
        for (int c = 0; c < compiled.caps.length; c++) {
            double r = compiled.capSignal[c] == signal ? probe : e.raw[compiled.capSignal[c]];
            if (r == r && compiled.caps[c].holds(r)
                    && (lowest < 0 || compiled.caps[c].max() < compiled.caps[lowest].max())) {
                lowest = c;
            }
        }
        return lowest;
    }

    private static String percent(double share) {
        return Numbers.fixed2(share * 100) + "%";
    }

    /**
     * Scores rows of a frame without allocating per row, bit for bit as {@link #score} does (see
     * {@link BatchHealthModel}).
     */
    @Override
    public void scoreRows(SignalFrame frame, int from, int to, double[] values, byte[] bands, RowFailures failures) {
        Optional<ScorecardBatch> kernel = batch;
        if (kernel.isEmpty()) {
            // Made on first use; two threads may both make one, and either is right (it is immutable).
            kernel = Optional.of(new ScorecardBatch(compiled, definition.bands(), domains.domains()));
            batch = kernel;
        }
        kernel.get().scoreRows(frame, from, to, values, bands, failures);
    }

    /** One thread's arrays for scoring one account (see {@code workspace}). */
    private static final class Workspace {
        final double[] raw;
        final double[] subscore;
        /** A contribution's unrounded points, rounded hundredths, and the rounding's own work space. */
        final double[] points;
        final long[] centi;
        final double[] remainder;
        final int[] order;

        Workspace(CompiledScorecard compiled) {
            int contributions = compiled.leaves + 1;
            raw = new double[compiled.signals.length];
            subscore = new double[compiled.leaves];
            points = new double[contributions];
            centi = new long[contributions];
            remainder = new double[contributions];
            order = new int[contributions];
        }

        /** Evaluates the snapshot in these arrays; the evaluation is valid until the next one on this thread. */
        Evaluation evaluate(CompiledScorecard compiled, SignalSnapshot snapshot) {
            return compiled.evaluate(compiled.read(snapshot, raw), subscore);
        }
    }

    @Override
    public String toString() {
        return "ScorecardModel[" + definition.id() + ", " + compiled.leaves + " measures]";
    }
}
