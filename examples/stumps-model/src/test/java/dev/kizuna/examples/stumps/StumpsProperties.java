package dev.kizuna.examples.stumps;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.BandLever;
import dev.kizuna.health.Contribution;
import dev.kizuna.health.Explanation;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.HealthScore;
import dev.kizuna.health.ModelDefinition;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.definition.DefinitionFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invariants of the boosted-stumps model over random definitions and snapshots. */
class StumpsProperties {
    private static final Instant AT = Instant.parse("2026-06-01T00:00:00Z");
    /** A signal with fractional values first (the monotonicity property moves it), then two counts. */
    private static final List<SignalName> SIGNALS = List.of(SignalName.of("sentiment.nps"),
            SignalName.of("usage.logins_30d"), SignalName.of("support.open_tickets"));
    private static final HealthModels MODELS = HealthModels.of(List.of(new StumpsProvider()));

    @Provide
    Arbitrary<StumpsDefinition> definitions() {
        Arbitrary<Double> value = Arbitraries.doubles().between(-3, 3).ofScale(4);
        Arbitrary<Stump> stump = Combinators.combine(Arbitraries.of(SIGNALS),
                Arbitraries.doubles().between(-10, 10).ofScale(2), value, value, value).as(Stump::of);
        return Combinators.combine(Arbitraries.doubles().between(-4, 4).ofScale(3), stump.list().ofMinSize(1)
                        .ofMaxSize(20), Arbitraries.of(0.0, 0.0, 0.5))
                .as((intercept, stumps, minimum) -> new StumpsDefinition(ModelId.of("p", "1"),
                        dev.kizuna.health.BandScheme.standard(), intercept, stumps, minimum));
    }

    @Property
    void scoresLieInZeroToHundredAndContributionsAddUpExactly(@ForAll("definitions") StumpsDefinition definition,
                                                              @ForAll("values") List<Optional<Double>> values) {
        HealthScore score = StumpsModel.of(definition).score(snapshot(values), AT);
        if (!score.isScored()) {
            assertTrue(score.completeness() < definition.minimumCompleteness(), score.toString());
            return;
        }
        double v = score.value().getAsDouble();
        assertTrue(v >= 0 && v <= 100, score.toString());
        long total = 0;
        for (Contribution c : score.contributions()) {
            total += Math.round(c.points() * 100);
        }
        assertEquals(Math.round(v * 100), total, score.toString());
    }

    @Property
    void completenessIsTheShareOfStumpsWithData(@ForAll("definitions") StumpsDefinition definition,
                                                @ForAll("values") List<Optional<Double>> values) {
        SignalSnapshot s = snapshot(values);
        long withData = definition.stumps().stream().filter(st -> s.has(st.signal())).count();
        assertEquals((double) withData / definition.stumps().size(),
                StumpsModel.of(definition).score(s, AT).completeness(), 1e-12);
    }

    @Property
    void healthRisesWithASignalWhoseStumpsAllLowerRiskAboveTheirThreshold(
            @ForAll("definitions") StumpsDefinition random, @ForAll("values") List<Optional<Double>> values,
            @ForAll @DoubleRange(min = -15, max = 15) double low, @ForAll @DoubleRange(min = 0, max = 10) double step) {
        // Make every stump on the first signal protective: at or above its threshold, lower churn risk.
        List<Stump> stumps = new ArrayList<>();
        for (Stump s : random.stumps()) {
            stumps.add(!s.signal().equals(SIGNALS.get(0)) ? s : Stump.of(s.signal(), s.threshold(),
                    Math.max(s.below(), s.atOrAbove()), Math.min(s.below(), s.atOrAbove()), s.missing()));
        }
        StumpsModel model = StumpsModel.of(new StumpsDefinition(random.id(), random.bands(), random.intercept(),
                stumps, 0));
        SignalSnapshot base = snapshot(values);
        double lower = model.score(base.with(SIGNALS.get(0), low), AT).value().getAsDouble();
        double higher = model.score(base.with(SIGNALS.get(0), low + step), AT).value().getAsDouble();
        assertTrue(lower <= higher, lower + " > " + higher);
    }

    @Property
    void everyLeverStaysInsideTheDomainAndReachesItsBand(@ForAll("definitions") StumpsDefinition definition,
                                                        @ForAll("values") List<Optional<Double>> values) {
        StumpsModel model = StumpsModel.of(definition);
        SignalSnapshot s = snapshot(values);
        Explanation e = model.explain(s, AT);
        for (BandLever lever : e.levers()) {
            if (!lever.isReachable()) {
                continue;
            }
            double value = lever.target().orElseThrow().nearest();
            assertTrue(lever.signal().domain().contains(value), lever.describe() + ": " + value
                    + " is outside the domain " + lever.signal().domain());
            HealthScore moved = model.score(s.with(lever.signal(), value), AT);
            assertTrue(definition.bands().rank(moved.band().orElseThrow()) >= definition.bands().rank(lever.band()),
                    lever.describe() + " reached only " + moved.summary());
        }
    }

    @Property
    void definitionsRoundTripThroughJsonAndYaml(@ForAll("definitions") StumpsDefinition definition) {
        for (DefinitionFormat format : DefinitionFormat.values()) {
            String written = MODELS.write(definition, format);
            ModelDefinition read = MODELS.read(written, format);
            assertEquals(definition, read, written);
            assertEquals(written, MODELS.write(read, format));
        }
    }

    @Provide
    Arbitrary<List<Optional<Double>>> values() {
        // Each inside its signal's domain: NPS any hundredth from -15 to 15, the counts whole numbers up to 15.
        Arbitrary<Optional<Double>> nps = Arbitraries.doubles().between(-15, 15).ofScale(2).optional(0.8);
        Arbitrary<Optional<Double>> count = Arbitraries.integers().between(0, 15).map(Integer::doubleValue)
                .optional(0.8);
        return Combinators.combine(nps, count, count).as(List::of);
    }

    private static SignalSnapshot snapshot(List<Optional<Double>> values) {
        Map<SignalName, Double> present = new TreeMap<>();
        for (int i = 0; i < SIGNALS.size(); i++) {
            int at = i;
            values.get(i).ifPresent(v -> present.put(SIGNALS.get(at), v));
        }
        return SignalSnapshot.of(AccountId.of("acct"), AT, present);
    }
}
