package dev.kizuna.benchmarks.health;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.Explanation;
import dev.kizuna.health.HealthScore;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.scorecard.Cap;
import dev.kizuna.health.scorecard.Comparison;
import dev.kizuna.health.scorecard.Measure;
import dev.kizuna.health.scorecard.MeasureGroup;
import dev.kizuna.health.scorecard.ScorecardMissingInput;
import dev.kizuna.health.scorecard.Normaliser;
import dev.kizuna.health.scorecard.ScorecardDefinition;
import dev.kizuna.health.scorecard.ScorecardModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Scoring single accounts through a 12-measure scorecard (five groups, every kind of normaliser, a cap), the path a
 * host takes when it scores one account on demand. Each invocation scores the next of {@code size} varied accounts,
 * so branch prediction cannot learn one account.
 *
 * <p>{@link #explain()} is the target: score, contributions, drivers and a lever per measure, under 1 µs; the
 * one-line reason is written when first asked for, and {@link #explainWithReason} asks for it, so it measures
 * everything a host shows. {@link #score()} is the score alone. The reference point in the same run is
 * {@link #baselineWeightedSum()}: the same twelve sub-scores and weights computed with hand-written arithmetic on
 * arrays, no validation, no contributions, no allocation, the floor any scorecard sits on.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScorecardBenchmark {
    private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
    private static final SignalName[] SIGNALS = {
            SignalName.USAGE_ACTIVE_USERS, SignalName.USAGE_LOGINS_30D, SignalName.USAGE_TREND_30D,
            SignalName.ADOPTION_FEATURE_BREADTH, SignalName.ENGAGEMENT_DAU_MAU,
            SignalName.ENGAGEMENT_LICENCE_UTILISATION, SignalName.SENTIMENT_NPS, SignalName.SENTIMENT_CSAT,
            SignalName.SUPPORT_OPEN_TICKETS, SignalName.SUPPORT_ESCALATED_TICKETS,
            SignalName.COMMERCIAL_PAYMENT_ISSUES, SignalName.COMMERCIAL_MRR_CHANGE_90D};

    /** How many distinct accounts are cycled through. */
    @Param("1000")
    public int size;

    private ScorecardModel model;
    private SignalSnapshot[] snapshots;
    private double[][] raw;
    private Normaliser[] normalisers;
    private double[] weights;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        ScorecardDefinition definition = scorecard();
        model = ScorecardModel.of(definition);
        List<Measure> measures = definition.allMeasures();
        normalisers = new Normaliser[measures.size()];
        weights = new double[measures.size()];
        double[] groupShare = {35, 35, 35, 35, 20, 20, 20, 20, 15, 15, 10, 10};
        double[] groupTotal = {8, 8, 8, 8, 2, 2, 3, 3, 3, 3, 2, 2};
        for (int i = 0; i < measures.size(); i++) {
            normalisers[i] = measures.get(i).normaliser();
            weights[i] = groupShare[i] / 100.0 * measures.get(i).weight() / groupTotal[i];
        }
        snapshots = new SignalSnapshot[size];
        raw = new double[size][];
        SplittableRandom random = new SplittableRandom(42);
        for (int a = 0; a < size; a++) {
            double health = random.nextDouble();
            double[] values = {
                    Math.round(5 + health * 400 * random.nextDouble()), Math.round(health * 350 * random.nextDouble()),
                    -0.5 + health * 0.8 * random.nextDouble(), health * random.nextDouble(),
                    0.02 + 0.5 * health * random.nextDouble(), 0.1 + health * random.nextDouble(),
                    Math.round(-80 + 170 * health * random.nextDouble()), 0.4 + 0.6 * health,
                    random.nextInt(1 + (int) (8 * (1 - health))), health < 0.2 ? random.nextInt(4) : 0,
                    health < 0.3 ? random.nextInt(3) : 0, -0.3 + 0.45 * health * random.nextDouble()};
            // Escalated tickets are among the open ones.
            values[9] = Math.min(values[9], values[8]);
            SignalSnapshot.Builder b = SignalSnapshot.builder(AccountId.of("acct-" + a), NOW);
            for (int s = 0; s < SIGNALS.length; s++) {
                b.put(SIGNALS[s], values[s]);
            }
            snapshots[a] = b.build();
            raw[a] = values;
        }
    }

    private int nextAccount() {
        int a = next;
        next = a + 1 == size ? 0 : a + 1;
        return a;
    }

    /** Scores one account with its full explanation: contributions, drivers and levers (the reason on demand). */
    @Benchmark
    public Explanation explain() {
        return model.explain(snapshots[nextAccount()], NOW);
    }

    /** Scores one account with its full explanation, and writes its one-line reason. */
    @Benchmark
    public void explainWithReason(Blackhole blackhole) {
        Explanation explanation = model.explain(snapshots[nextAccount()], NOW);
        blackhole.consume(explanation);
        blackhole.consume(explanation.reason());
    }

    /** Scores one account: value, band, contributions and completeness. */
    @Benchmark
    public HealthScore score() {
        return model.score(snapshots[nextAccount()], NOW);
    }

    /** The floor: the same weighted sum over pre-extracted arrays, without validation or contributions. */
    @Benchmark
    public double baselineWeightedSum() {
        double[] values = raw[nextAccount()];
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += weights[i] * normalisers[i].score(values[i]);
        }
        return sum;
    }

    /** The twelve-measure scorecard: five groups, every kind of normaliser, and a cap. */
    static ScorecardDefinition scorecard() {
        return ScorecardDefinition.builder(ModelId.of("bench", "1"))
                .minimumCompleteness(0.5)
                .add(MeasureGroup.of("usage", 35, List.of(
                        Measure.of("active-users", SignalName.USAGE_ACTIVE_USERS, 3, new Normaliser.Logarithmic(0, 500)),
                        Measure.of("logins", SignalName.USAGE_LOGINS_30D, 2, Normaliser.linear(0, 300)),
                        Measure.of("trend", SignalName.USAGE_TREND_30D, 2, new Normaliser.PiecewiseLinear(List.of(
                                new Normaliser.Point(-0.5, 0), new Normaliser.Point(0, 60),
                                new Normaliser.Point(0.3, 100)))),
                        Measure.of("breadth", SignalName.ADOPTION_FEATURE_BREADTH, 1, Normaliser.linear(0, 0.8)))))
                .add(MeasureGroup.of("engagement", 20, List.of(
                        Measure.of("stickiness", SignalName.ENGAGEMENT_DAU_MAU, 1, Normaliser.linear(0.05, 0.5)),
                        Measure.of("licences", SignalName.ENGAGEMENT_LICENCE_UTILISATION, 1,
                                new Normaliser.PiecewiseLinear(List.of(new Normaliser.Point(0, 0),
                                        new Normaliser.Point(0.5, 50), new Normaliser.Point(0.8, 90),
                                        new Normaliser.Point(1, 100)))))))
                .add(MeasureGroup.of("sentiment", 20, List.of(
                        Measure.of("nps", SignalName.SENTIMENT_NPS, 2, Normaliser.linear(-100, 100)),
                        Measure.of("csat", SignalName.SENTIMENT_CSAT, 1, Normaliser.linear(0.5, 1)))))
                .add(MeasureGroup.of("support", 15, List.of(
                        Measure.of("open-tickets", SignalName.SUPPORT_OPEN_TICKETS, 2, new Normaliser.Steps(100,
                                List.of(new Normaliser.Step(1, 70), new Normaliser.Step(3, 40),
                                        new Normaliser.Step(6, 10)))),
                        Measure.of("escalations", SignalName.SUPPORT_ESCALATED_TICKETS, 1,
                                Normaliser.inverted(Normaliser.linear(0, 3)))
                                .withMissingData(ScorecardMissingInput.ZERO))))
                .add(MeasureGroup.of("commercial", 10, List.of(
                        Measure.of("payments", SignalName.COMMERCIAL_PAYMENT_ISSUES, 1, new Normaliser.Steps(100,
                                List.of(new Normaliser.Step(1, 30), new Normaliser.Step(2, 0)))),
                        Measure.of("mrr-change", SignalName.COMMERCIAL_MRR_CHANGE_90D, 1, Normaliser.linear(-0.3, 0.1)))))
                .cap(new Cap("escalation", "open escalations", SignalName.SUPPORT_ESCALATED_TICKETS,
                        Comparison.AT_LEAST, 2, 40))
                .build();
    }
}
