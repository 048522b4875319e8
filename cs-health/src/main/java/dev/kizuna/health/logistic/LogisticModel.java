package dev.kizuna.health.logistic;

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
import dev.kizuna.core.internal.Numbers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The logistic churn model.
 *
 * <p><b>Score.</b> The linear predictor is {@code z = intercept + Σ tᵢ} with {@code tᵢ = coefficientᵢ · xᵢ}, where
 * {@code xᵢ} is the raw value or {@code (raw - mean) / sd} when standardised. The churn probability is
 * {@code p = 1 / (1 + exp(-z))} (computed without overflow) and health is {@code 100 · (1 - p)}.
 *
 * <p><b>Missing inputs.</b> Under {@link LogisticMissingInput#REFERENCE} a term without data sits at its reference
 * (the mean, or 0), adding nothing; under {@code FAIL} the result is insufficient data. Completeness is the share of
 * {@code Σ |coefficient|} whose signal has a value (for standardised terms, the share of the standardised effect
 * sizes), and a result below the minimum completeness is insufficient data.
 *
 * <p><b>Contributions</b> are apportioned from the linear predictor. The baseline is the health at the reference
 * point, {@code S₀ = 100 · (1 - σ(intercept))}, a {@code BASELINE} contribution. The difference
 * {@code S - S₀} is shared among the terms in proportion to their share of {@code z - intercept = Σ tᵢ}:
 * {@code pointsᵢ = (S - S₀) · tᵢ / Σ tⱼ}. Since health falls as {@code z} rises, a term that raises churn risk gets
 * negative points. When {@code Σ tⱼ} is (almost) 0, the slope {@code -100 · p₀(1 - p₀)} of the logistic curve at
 * the baseline replaces the ratio {@code (S - S₀) / Σ tⱼ}, its limit. The points therefore add up to {@code S}
 * exactly before rounding, and are rounded by the largest-remainder method (see {@link HealthScore}). A term's
 * {@code impact} equals its points; its {@code weight} is its share of {@code Σ |coefficient|}.
 *
 * <p><b>Levers</b> solve {@code 100 · σ(-z') = target} for {@code z'} and move one term's raw value by
 * {@code (z' - z) / slope}, where the slope is {@code coefficient} (or {@code coefficient / sd}). The value is then
 * moved into the signal's domain (whole numbers rounded in the improving direction, bounds clamped; see
 * {@link BandLever}) and checked by re-scoring; when no value inside the domain reaches the band, the lever says so.
 *
 * <p><b>Domains.</b> {@link #score}, {@link #explain} and {@link #churnProbability} reject a snapshot with a value
 * outside its input's {@linkplain LogisticDefinition#domainOf domain} ({@link InputDomains#check}); the batch path
 * reports such a row as failed.
 *
 * <p>Immutable and thread-safe.
 */
public final class LogisticModel implements BatchHealthModel {
    private static final int NUDGES = 60;

    private final LogisticDefinition definition;
    private final InputDomains domains;
    private final Term[] terms;
    private final double totalWeight;

    private LogisticModel(LogisticDefinition definition) {
        this.definition = Objects.requireNonNull(definition, "definition");
        this.domains = InputDomains.of(definition);
        this.terms = definition.terms().toArray(new Term[0]);
        double total = 0;
        for (Term t : terms) {
            total += Math.abs(t.coefficient());
        }
        this.totalWeight = total;
    }

    /** Returns the model of a logistic definition. */
    public static LogisticModel of(LogisticDefinition definition) {
        return new LogisticModel(definition);
    }

    @Override
    public LogisticDefinition definition() {
        return definition;
    }

    /** Returns {@code 1 / (1 + exp(-z))} without overflow. */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    /**
     * Returns the health of churn log-odds {@code z}: {@code 100 · (1 - σ(z))}, 100 for certain retention and 0 for
     * certain churn. For every model that scores churn risk in log-odds, as plug-in models may.
     */
    public static double health(double z) {
        return 100.0 * sigmoid(-z);
    }

    /**
     * Returns the health points one unit of log-odds is worth between the baseline {@code z0} (the intercept alone)
     * and {@code z}: {@code (health(z) - health(z0)) / (z - z0)}, or, when {@code z} is within {@code 1e-9} of
     * {@code z0}, its limit, the slope {@code -100 · p0 (1 - p0)} of the logistic curve at the baseline. Multiplying
     * each input's share of {@code z - z0} by it apportions {@code health(z) - health(z0)} among the inputs, as this
     * model's contributions do.
     */
    public static double pointsPerLogOdds(double z0, double z) {
        double dz = z - z0;
        if (Math.abs(dz) > 1e-9) {
            return (health(z) - health(z0)) / dz;
        }
        double p0 = sigmoid(z0);
        return -100.0 * p0 * (1 - p0);
    }

    /**
     * Returns why no lever of a log-odds model reaches {@code band}, when none can: a band whose lowest score is 100
     * needs a churn probability of exactly 0, which finite log-odds never give.
     */
    public static Optional<String> unreachable(HealthBand band) {
        return BandScheme.lowestScoreIn(Objects.requireNonNull(band, "band")) >= 100
                ? Optional.of("a health of 100 needs a churn probability of exactly 0") : Optional.empty();
    }

    /**
     * Returns the churn probability of the snapshot, or empty when the result would be insufficient data.
     *
     * @throws IllegalArgumentException if a value lies outside its input's domain ({@link InputDomains#check})
     */
    public OptionalDouble churnProbability(SignalSnapshot snapshot) {
        Evaluation e = evaluate(domains.check(Objects.requireNonNull(snapshot, "snapshot")));
        return e.insufficient == null ? OptionalDouble.of(sigmoid(e.z)) : OptionalDouble.empty();
    }

    private final class Evaluation {
        final double[] raw = new double[terms.length];
        final double[] term = new double[terms.length];
        double z;
        double completeness;
        final List<SignalName> missing = new ArrayList<>(0);
        @org.jspecify.annotations.Nullable String insufficient;
    }

    private Evaluation evaluate(SignalSnapshot snapshot) {
        Evaluation e = new Evaluation();
        Map<SignalName, Double> values = snapshot.values();
        double z = definition.intercept();
        double present = 0;
        int presentTerms = 0;
        for (int i = 0; i < terms.length; i++) {
            Double v = values.get(terms[i].signal());
            if (v == null) {
                e.raw[i] = Double.NaN;
                if (!e.missing.contains(terms[i].signal())) {
                    e.missing.add(terms[i].signal());
                }
                if (definition.missingInputs() == LogisticMissingInput.FAIL && e.insufficient == null) {
                    e.insufficient = "term '" + terms[i].label() + "' has no value of " + terms[i].signal().value()
                            + " and the missing-input policy is FAIL";
                }
                continue;
            }
            e.raw[i] = v;
            e.term[i] = terms[i].value(v);
            z += e.term[i];
            present += Math.abs(terms[i].coefficient());
            presentTerms++;
        }
        e.z = z;
        e.completeness = totalWeight > 0 ? Math.min(1, present / totalWeight) : (double) presentTerms / terms.length;
        if (e.insufficient == null && e.completeness + 1e-12 < definition.minimumCompleteness()) {
            e.insufficient = "completeness " + Numbers.fixed2(e.completeness * 100) + "% is below the minimum of "
                    + Numbers.fixed2(definition.minimumCompleteness() * 100) + "%";
        }
        if (e.insufficient == null && !Double.isFinite(z)) {
            e.insufficient = "the linear predictor is not a finite number";
        }
        return e;
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
        return toScore(snapshot, computedAt, evaluate(snapshot));
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
        Evaluation e = evaluate(snapshot);
        HealthScore score = toScore(snapshot, computedAt, e);
        return Explanation.of(score, levers(e, score, snapshot));
    }

    private HealthScore toScore(SignalSnapshot snapshot, Instant computedAt, Evaluation e) {
        if (e.insufficient != null) {
            return HealthScore.insufficient(snapshot.account(), definition.id(), computedAt, snapshot.at(),
                    e.insufficient, e.completeness, e.missing);
        }
        double z0 = definition.intercept();
        double s0 = health(z0);
        double s = health(e.z);
        double ratio = pointsPerLogOdds(z0, e.z);
        double[] points = new double[terms.length + 1];
        points[0] = s0;
        for (int i = 0; i < terms.length; i++) {
            points[i + 1] = ratio * e.term[i];
        }
        long[] centi = Apportion.centi(points, points.length, s);
        List<Contribution> contributions = new ArrayList<>(points.length);
        contributions.add(new Contribution("baseline", "baseline (intercept)", Contribution.Kind.BASELINE,
                Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(), 0, centi[0] / 100.0, 0));
        for (int i = 0; i < terms.length; i++) {
            Term t = terms[i];
            double r = e.raw[i];
            double weight = totalWeight > 0 ? Math.abs(t.coefficient()) / totalWeight : 1.0 / terms.length;
            contributions.add(Contribution.of(t.id(), t.label(), Contribution.Kind.INPUT, Optional.of(t.signal()), r,
                    Double.NaN, Math.min(1, weight), centi[i + 1] / 100.0, Numbers.round2(points[i + 1])));
        }
        double value = Numbers.round2(s);
        return new HealthScore(snapshot.account(), definition.id(), computedAt, snapshot.at(),
                HealthScore.Status.SCORED, OptionalDouble.of(value), Optional.of(definition.bands().bandOf(value)),
                contributions, e.completeness, e.missing, Optional.empty());
    }

    private List<BandLever> levers(Evaluation e, HealthScore score, SignalSnapshot snapshot) {
        BandScheme bands = definition.bands();
        Optional<HealthBand> next = BandLever.nextBand(score, bands);
        if (next.isEmpty()) {
            return List.of();
        }
        HealthBand band = next.get();
        int wanted = bands.rank(band);
        double goal = BandScheme.lowestScoreIn(band);
        Optional<String> unreachable = unreachable(band);
        List<BandLever> levers = new ArrayList<>(terms.length);
        for (int i = 0; i < terms.length; i++) {
            Term t = terms[i];
            double current = e.raw[i];
            if (current != current) {
                continue;
            }
            if (unreachable.isPresent()) {
                levers.add(BandLever.blocked(t.id(), t.label(), t.signal(), current, band, unreachable.get()));
                continue;
            }
            // Every term on the signal moves with it: the slope is theirs together.
            double slope = 0;
            int sharing = 0;
            for (Term other : terms) {
                if (other.signal().equals(t.signal())) {
                    slope += other.slope();
                    sharing++;
                }
            }
            if (slope == 0) {
                levers.add(BandLever.blocked(t.id(), t.label(), t.signal(), current, band, sharing == 1
                        ? "its coefficient is 0" : "the coefficients of the terms on its signal add up to 0"));
                continue;
            }
            double q = goal / 100.0;
            double zTarget = Math.log((1 - q) / q);
            double value = current + (zTarget - e.z) / slope;
            Relation relation = slope > 0 ? Relation.AT_MOST : Relation.AT_LEAST;
            double direction = slope > 0 ? -1 : 1;
            BandLever lever = null;
            for (int n = 0; n < NUDGES && Double.isFinite(value); n++) {
                double z = zWith(e, t.signal(), value);
                double reached = Numbers.round2(health(z));
                if (bands.rankOf(reached) >= wanted) {
                    lever = BandLever.reaching(t.id(), t.label(), t.signal(), current, band,
                            new Target(value, relation));
                    break;
                }
                value += direction * Math.max(Math.ulp(value), Math.abs(value) * 1e-12) * (1L << Math.min(n, 50));
            }
            if (lever == null) {
                levers.add(BandLever.blocked(t.id(), t.label(), t.signal(), current, band,
                        "no finite value of its signal reaches the band"));
                continue;
            }
            SignalName signal = t.signal();
            levers.add(BandLever.within(t.id(), t.label(), signal, current, band, lever.target().orElseThrow(),
                    domains.leverDomain(signal, snapshot), true,
                    v -> bands.rankOf(Numbers.round2(health(zWith(e, signal, v)))) >= wanted));
        }
        return levers;
    }

    /** Returns the linear predictor with every term on {@code signal} at {@code value}, the others held fixed. */
    private double zWith(Evaluation e, SignalName signal, double value) {
        double z = e.z;
        for (int j = 0; j < terms.length; j++) {
            if (terms[j].signal().equals(signal)) {
                z += terms[j].value(value) - e.term[j];
            }
        }
        return z;
    }

    /**
     * Scores rows of a frame without allocating per row, bit for bit as {@link #score} does (see
     * {@link BatchHealthModel}).
     */
    @Override
    public void scoreRows(SignalFrame frame, int from, int to, double[] values, byte[] bands, RowFailures failures) {
        new LogisticBatch(definition).scoreRows(frame, from, to, values, bands, failures);
    }

    @Override
    public String toString() {
        return "LogisticModel[" + definition.id() + ", " + terms.length + " terms]";
    }
}
