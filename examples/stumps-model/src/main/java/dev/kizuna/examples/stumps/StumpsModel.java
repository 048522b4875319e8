package dev.kizuna.examples.stumps;

import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.BandLever;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.Contribution;
import dev.kizuna.health.Explanation;
import dev.kizuna.health.HealthBand;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthScore;
import dev.kizuna.health.InputDomains;
import dev.kizuna.health.logistic.LogisticModel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * The boosted-stumps churn model.
 *
 * <p><b>Score.</b> The churn log-odds are {@code z = intercept + Σₛ tₛ}, where {@code tₛ} is the sum of the
 * {@linkplain Stump#output(double) outputs} of the stumps on signal {@code s}. The churn probability is
 * {@code p = 1 / (1 + exp(-z))} (computed without overflow) and health is {@code 100 · (1 - p)}.
 *
 * <p><b>Missing inputs</b> never throw: a stump whose signal has no value adds its {@code missing} value, learned
 * by the fitter. Completeness is the share of the stumps whose signal has a value, and a result below the
 * definition's minimum completeness is insufficient data.
 *
 * <p><b>Contributions</b> are apportioned per signal, as the built-in logistic model apportions per term. The
 * baseline is the health of the intercept alone, {@code S₀ = 100 · (1 - σ(intercept))}, a {@code BASELINE}
 * contribution with id {@value #BASELINE_ID}. The difference {@code S - S₀} is shared among the signals in
 * proportion to their share of the log-odds the stumps added: {@code pointsₛ = (S - S₀) · tₛ / Σ tᵣ}. A signal that
 * raises churn risk ({@code tₛ > 0}) gets negative points. When {@code Σ tᵣ} is (almost) 0, the slope
 * {@code -100 · p₀(1 - p₀)} of the logistic curve at the baseline replaces the ratio {@code (S - S₀) / Σ tᵣ}, its
 * limit. The points therefore add up to {@code S} before rounding, and {@link HealthScore#scored} rounds them so that
 * they add up exactly. Each signal's contribution has the signal's name as id and label, its {@code impact} equals
 * its points, and its {@code weight} is its share of the stumps.
 *
 * <p><b>Levers.</b> A signal's stumps make health a step function of that signal, with steps at their thresholds.
 * {@link #explain} gives, for each signal with a value, the boundary of the nearest step (up or down) at which the
 * account reaches the next band, all other signals held fixed: {@code at least} a threshold when moving up,
 * {@code below} one when moving down. The boundary is moved into the signal's domain first (a count's "below 3.5"
 * becomes "at most 3"; see {@link BandLever.Target#within}), and the value a lever proposes is scored exactly as
 * {@link #score} would score it. Health is constant between thresholds, so trying the domain's nearest value past
 * each boundary tries every value the signal can take: when none reaches the band, the lever says so. Stumps need not be monotone, so a value further past that boundary may fall back out of the band.
 *
 * <p><b>Domains.</b> {@link #score}, {@link #explain} and {@link #churnProbability} reject a snapshot with a value
 * outside its signal's domain ({@link InputDomains#check}).
 *
 * <p>Immutable and thread-safe.
 */
public final class StumpsModel implements HealthModel {
    /** The id of the baseline contribution; no signal can have it, since signal names have no parentheses. */
    public static final String BASELINE_ID = "(baseline)";

    private final StumpsDefinition definition;
    private final InputDomains domains;
    /** The distinct signals, sorted. */
    private final SignalName[] signals;
    /** For each signal, the indices of its stumps, in the definition's order. */
    private final int[][] stumpsOf;
    /** For each signal, its distinct thresholds, ascending: the steps of its part of the score. */
    private final double[][] steps;
    private final Stump[] stumps;

    private StumpsModel(StumpsDefinition definition) {
        this.definition = Objects.requireNonNull(definition, "definition");
        this.domains = InputDomains.of(definition);
        this.stumps = definition.stumps().toArray(new Stump[0]);
        this.signals = definition.inputs().toArray(new SignalName[0]);
        this.stumpsOf = new int[signals.length][];
        this.steps = new double[signals.length][];
        for (int s = 0; s < signals.length; s++) {
            List<Integer> mine = new ArrayList<>();
            TreeSet<Double> thresholds = new TreeSet<>();
            for (int k = 0; k < stumps.length; k++) {
                if (stumps[k].signal().equals(signals[s])) {
                    mine.add(k);
                    thresholds.add(stumps[k].threshold());
                }
            }
            stumpsOf[s] = mine.stream().mapToInt(Integer::intValue).toArray();
            steps[s] = thresholds.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /** Returns the model of a definition. */
    public static StumpsModel of(StumpsDefinition definition) {
        return new StumpsModel(definition);
    }

    @Override
    public StumpsDefinition definition() {
        return definition;
    }

    /** Returns the log-odds the stumps on signal {@code s} add for a raw value (NaN for none). */
    private double part(int s, double raw) {
        double sum = 0;
        for (int k : stumpsOf[s]) {
            sum += stumps[k].output(raw);
        }
        return sum;
    }

    /** Returns the sum of the signals' parts, always in the same order, so that equal parts give equal sums. */
    private static double sum(double[] parts) {
        double sum = 0;
        for (double t : parts) {
            sum += t;
        }
        return sum;
    }

    /**
     * Returns the churn probability of the snapshot, or empty when the result would be insufficient data.
     *
     * @throws IllegalArgumentException if a value lies outside its signal's domain ({@link InputDomains#check})
     */
    public OptionalDouble churnProbability(SignalSnapshot snapshot) {
        Evaluation e = evaluate(domains.check(Objects.requireNonNull(snapshot, "snapshot")));
        return e.insufficient.isEmpty()
                ? OptionalDouble.of(LogisticModel.sigmoid(definition.intercept() + sum(e.part)))
                : OptionalDouble.empty();
    }

    /** What one snapshot gives: each signal's raw value and part, the completeness, and what is missing. */
    private static final class Evaluation {
        final double[] raw;
        final double[] part;
        final List<SignalName> missing = new ArrayList<>(0);
        double completeness;
        Optional<String> insufficient = Optional.empty();

        Evaluation(int signals) {
            raw = new double[signals];
            part = new double[signals];
        }
    }

    private Evaluation evaluate(SignalSnapshot snapshot) {
        Evaluation e = new Evaluation(signals.length);
        Map<SignalName, Double> values = snapshot.values();
        int present = 0;
        for (int s = 0; s < signals.length; s++) {
            Double v = values.get(signals[s]);
            e.raw[s] = v == null ? Double.NaN : v;
            e.part[s] = part(s, e.raw[s]);
            if (v == null) {
                e.missing.add(signals[s]);
            } else {
                present += stumpsOf[s].length;
            }
        }
        e.completeness = (double) present / stumps.length;
        if (e.completeness + 1e-12 < definition.minimumCompleteness()) {
            e.insufficient = Optional.of(String.format(java.util.Locale.ROOT,
                    "completeness %.2f%% is below the minimum of %.2f%%", e.completeness * 100,
                    definition.minimumCompleteness() * 100));
        }
        return e;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if a value lies outside its signal's domain ({@link InputDomains#check})
     */
    @Override
    public HealthScore score(SignalSnapshot snapshot, Instant computedAt) {
        domains.check(Objects.requireNonNull(snapshot, "snapshot"));
        Objects.requireNonNull(computedAt, "computedAt");
        return toScore(snapshot, computedAt, evaluate(snapshot));
    }

    private HealthScore toScore(SignalSnapshot snapshot, Instant computedAt, Evaluation e) {
        if (e.insufficient.isPresent()) {
            return HealthScore.insufficient(snapshot.account(), definition.id(), computedAt, snapshot.at(),
                    e.insufficient.get(), e.completeness, e.missing);
        }
        double intercept = definition.intercept();
        double added = sum(e.part);
        double s0 = LogisticModel.health(intercept);
        double s = LogisticModel.health(intercept + added);
        double ratio = LogisticModel.pointsPerLogOdds(intercept, intercept + added);
        List<Contribution> contributions = new ArrayList<>(signals.length + 1);
        contributions.add(Contribution.of(BASELINE_ID, "baseline (intercept)", Contribution.Kind.BASELINE,
                Optional.empty(), Double.NaN, Double.NaN, 0, s0, 0));
        for (int i = 0; i < signals.length; i++) {
            double points = ratio * e.part[i];
            double weight = Math.min(1, (double) stumpsOf[i].length / stumps.length);
            contributions.add(Contribution.of(signals[i].value(), signals[i].value(), Contribution.Kind.INPUT,
                    Optional.of(signals[i]), e.raw[i], Double.NaN, weight, points, Math.round(points * 100) / 100.0));
        }
        return HealthScore.scored(snapshot.account(), definition.id(), computedAt, snapshot.at(), s,
                definition.bands(), contributions, e.completeness, e.missing);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if a value lies outside its signal's domain ({@link InputDomains#check})
     */
    @Override
    public Explanation explain(SignalSnapshot snapshot, Instant computedAt) {
        domains.check(Objects.requireNonNull(snapshot, "snapshot"));
        Objects.requireNonNull(computedAt, "computedAt");
        Evaluation e = evaluate(snapshot);
        HealthScore score = toScore(snapshot, computedAt, e);
        return Explanation.of(score, levers(e, score, snapshot));
    }

    private List<BandLever> levers(Evaluation e, HealthScore score, SignalSnapshot snapshot) {
        Optional<HealthBand> next = BandLever.nextBand(score, definition.bands());
        if (next.isEmpty()) {
            return List.of();
        }
        HealthBand band = next.get();
        int wanted = definition.bands().rank(band);
        Optional<String> unreachable = LogisticModel.unreachable(band);
        List<BandLever> levers = new ArrayList<>(signals.length);
        for (int s = 0; s < signals.length; s++) {
            double current = e.raw[s];
            if (current != current) {
                continue;
            }
            String id = signals[s].value();
            if (unreachable.isPresent()) {
                levers.add(BandLever.blocked(id, id, signals[s], current, band, unreachable.get()));
                continue;
            }
            SignalDomain domain = domains.leverDomain(signals[s], snapshot);
            Optional<BandLever.Target> target = nearestStepReaching(e, s, wanted, domain);
            levers.add(target.isPresent()
                    ? BandLever.reaching(id, id, signals[s], current, band, target.get())
                    : BandLever.blocked(id, id, signals[s], current, band,
                    BandLever.noValueReaches(signals[s], domain, band)));
        }
        return levers;
    }

    /**
     * Returns the boundary of the step of signal {@code s} nearest its current value at which the score reaches
     * band rank {@code wanted}, moved into {@code domain}; the score is computed at the value proposed, exactly as
     * {@link #score} computes it.
     */
    private Optional<BandLever.Target> nearestStepReaching(Evaluation e, int s, int wanted, SignalDomain domain) {
        double[] at = steps[s];
        double current = e.raw[s];
        // The step of the current value: the number of thresholds at or below it.
        int here = 0;
        while (here < at.length && at[here] <= current) {
            here++;
        }
        double[] parts = Arrays.copyOf(e.part, e.part.length);
        BandScheme bands = definition.bands();
        for (int distance = 1; distance <= at.length; distance++) {
            int up = here + distance;
            int down = here - distance;
            double upGap = up <= at.length ? at[up - 1] - current : Double.POSITIVE_INFINITY;
            double downGap = down >= 0 ? current - at[down] : Double.POSITIVE_INFINITY;
            // Try the nearer side first; on a tie, up.
            for (int side = 0; side < 2; side++) {
                boolean goUp = (side == 0) == (upGap <= downGap);
                BandLever.Target candidate = null;
                if (goUp && up <= at.length) {
                    candidate = new BandLever.Target(at[up - 1], BandLever.Relation.AT_LEAST);
                } else if (!goUp && down >= 0) {
                    candidate = new BandLever.Target(at[down], BandLever.Relation.BELOW);
                }
                if (candidate == null) {
                    continue;
                }
                BandLever.Target moved = candidate.within(domain);
                double value = moved.nearest();
                // Inside the domain and still on the far side of the boundary: past it, not clamped short of it.
                boolean crossed = moved.isUpward() ? value >= candidate.value() : value < candidate.value();
                if (domain.contains(value) && crossed) {
                    parts[s] = part(s, value);
                    if (reaches(parts, bands, wanted)) {
                        return Optional.of(moved);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private boolean reaches(double[] parts, BandScheme bands, int wanted) {
        double value = Math.round(LogisticModel.health(definition.intercept() + sum(parts)) * 100) / 100.0;
        return bands.rankOf(value) >= wanted;
    }

    @Override
    public String toString() {
        return "StumpsModel[" + definition.id() + ", " + stumps.length + " stumps on " + signals.length
                + " signals]";
    }
}
