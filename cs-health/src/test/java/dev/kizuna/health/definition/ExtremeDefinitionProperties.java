package dev.kizuna.health.definition;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.Explanation;
import dev.kizuna.health.HealthScore;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.logistic.LogisticDefinition;
import dev.kizuna.health.logistic.LogisticModel;
import dev.kizuna.health.logistic.Term;
import dev.kizuna.health.scorecard.Cap;
import dev.kizuna.health.scorecard.Comparison;
import dev.kizuna.health.scorecard.Measure;
import dev.kizuna.health.scorecard.MeasureGroup;
import dev.kizuna.health.scorecard.Normaliser;
import dev.kizuna.health.scorecard.ScorecardDefinition;
import dev.kizuna.health.scorecard.ScorecardModel;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No combination of numbers within {@link DefinitionLimits} makes a score infinite or NaN: scorecards and logistic
 * models at the edges of every range, fed any finite signal values, score a finite number from 0 to 100 (or
 * "insufficient data"), with finite contributions.
 */
class ExtremeDefinitionProperties {
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final int SIGNALS = 3;

    private static SignalName signal(int i) {
        return SignalName.of("custom.s" + i);
    }

    static Arbitrary<Double> point() {
        double m = DefinitionLimits.MAX_MAGNITUDE;
        return Arbitraries.of(-m, m, 0.0, -0.0, Double.MIN_VALUE, m - 0.125, -m + 0.125, 1e-300, 1.0);
    }

    static Arbitrary<Double> weight() {
        return Arbitraries.of(0.0, Double.MIN_VALUE, 1e-300, 1.0, DefinitionLimits.MAX_WEIGHT);
    }

    static Arbitrary<Double> raw() {
        return Arbitraries.oneOf(Arbitraries.of(Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, 0.0, -0.0,
                        1e300, -1e300, DefinitionLimits.MAX_MAGNITUDE, -1.0, -0.999999),
                Arbitraries.doubles());
    }

    static Arbitrary<Normaliser> normaliser() {
        Arbitrary<Normaliser> linear = Combinators.combine(point(), point())
                .filter((a, b) -> a.doubleValue() != b).as(Normaliser::linear);
        Arbitrary<Normaliser> piecewise = Combinators.combine(point(), point())
                .filter((a, b) -> a.doubleValue() != b).as((a, b) -> new Normaliser.PiecewiseLinear(List.of(
                        new Normaliser.Point(Math.min(a, b), 100), new Normaliser.Point(Math.max(a, b), 0))));
        Arbitrary<Normaliser> log = Combinators.combine(point(), point())
                .filter((a, b) -> a > -1 && b > -1 && Math.log1p(a) != Math.log1p(b))
                .as((a, b) -> new Normaliser.Logarithmic(a, b));
        return Arbitraries.oneOf(linear, piecewise, log, linear.map(Normaliser::inverted));
    }

    @Provide
    Arbitrary<ScorecardDefinition> cards() {
        Arbitrary<Measure> measure = Combinators.combine(Arbitraries.integers().between(0, SIGNALS - 1), weight(),
                normaliser()).as((s, w, n) -> Measure.of("m", signal(s), w, n));
        return Combinators.combine(measure.list().ofMinSize(1).ofMaxSize(4), point(), Arbitraries.of(true, false))
                .as((measures, threshold, grouped) -> {
                    List<Measure> numbered = new ArrayList<>();
                    for (int i = 0; i < measures.size(); i++) {
                        Measure m = measures.get(i);
                        numbered.add(Measure.of("m" + i, m.signal(), i == 0 ? DefinitionLimits.MAX_WEIGHT
                                : m.weight(), m.normaliser()));
                    }
                    ScorecardDefinition.Builder b = ScorecardDefinition.builder(ModelId.of("x", "1"));
                    if (grouped) {
                        b.add(MeasureGroup.of("g", DefinitionLimits.MAX_WEIGHT, numbered));
                        b.add(Measure.of("alone", signal(0), Double.MIN_VALUE, Normaliser.linear(0, 1)));
                    } else {
                        numbered.forEach(b::add);
                    }
                    return b.cap(Cap.of("cap", signal(1), Comparison.GREATER, threshold, 50)).build();
                });
    }

    @Provide
    Arbitrary<List<Double>> raws() {
        return raw().list().ofSize(SIGNALS);
    }

    private static SignalSnapshot snapshot(List<Double> raws) {
        TreeMap<SignalName, Double> values = new TreeMap<>();
        for (int i = 0; i < raws.size(); i++) {
            values.put(signal(i), raws.get(i));
        }
        return SignalSnapshot.of(AccountId.of("acme"), NOW, values);
    }

    private static void finite(HealthScore score) {
        if (score.isScored()) {
            double v = score.value().getAsDouble();
            assertTrue(v >= 0 && v <= 100, score.toString());
        }
        score.contributions().forEach(c -> assertTrue(Double.isFinite(c.points()), score.toString()));
    }

    @Property(tries = 500)
    void extremeScorecardsScoreFiniteNumbers(@ForAll("cards") ScorecardDefinition card,
                                             @ForAll("raws") List<Double> raws) {
        ScorecardModel model = ScorecardModel.of(card);
        finite(model.score(snapshot(raws), NOW));
        Explanation why = model.explain(snapshot(raws), NOW);
        finite(why.score());
    }

    @Property(tries = 500)
    void extremeLogisticModelsScoreFiniteNumbersOrNothing(@ForAll("raws") List<Double> raws,
                                                          @ForAll("logOdds") double intercept,
                                                          @ForAll("logOdds") double a, @ForAll("logOdds") double b,
                                                          @ForAll("points") double mean) {
        LogisticDefinition d = LogisticDefinition.of(ModelId.of("l", "1"), intercept, List.of(
                Term.of("a", signal(0), a),
                Term.standardised("b", signal(1), b, mean, DefinitionLimits.MIN_SD),
                new Term("c", "c", signal(2), 0, Optional.empty())));
        LogisticModel model = LogisticModel.of(d);
        finite(model.score(snapshot(raws), NOW));
        finite(model.explain(snapshot(raws), NOW).score());
    }

    @Provide
    Arbitrary<Double> logOdds() {
        double m = DefinitionLimits.MAX_LOG_ODDS;
        return Arbitraries.of(-m, m, 0.0, -0.0, 1e-300, 1.0);
    }

    @Provide
    Arbitrary<Double> points() {
        return point();
    }
}
