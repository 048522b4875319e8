package dev.kizuna.health.properties;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.HealthBand;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.scorecard.Cap;
import dev.kizuna.health.scorecard.Comparison;
import dev.kizuna.health.scorecard.Measure;
import dev.kizuna.health.scorecard.MeasureGroup;
import dev.kizuna.health.scorecard.MissingDataPolicy;
import dev.kizuna.health.scorecard.Normaliser;
import dev.kizuna.health.scorecard.ScorecardDefinition;
import dev.kizuna.health.scorecard.ScorecardItem;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Generators of health-model inputs for the properties. */
final class HealthArbitraries {
    static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
    static final int SIGNALS = 8;

    private HealthArbitraries() {
    }

    static SignalName signal(int i) {
        return SignalName.of("custom.s" + i);
    }

    static Arbitrary<Double> raw() {
        return Arbitraries.doubles().between(-50, 150).ofScale(2);
    }

    static Arbitrary<Double> score() {
        return Arbitraries.doubles().between(0, 100).ofScale(1);
    }

    static Arbitrary<Normaliser> normaliser() {
        Arbitrary<Normaliser> linear = Combinators.combine(raw(), raw()).filter((a, b) -> !a.equals(b))
                .as((a, b) -> (Normaliser) Normaliser.linear(a, b));
        Arbitrary<Normaliser> log = Combinators.combine(Arbitraries.doubles().between(0, 1000).ofScale(1),
                        Arbitraries.doubles().between(0, 1000).ofScale(1)).filter((a, b) -> !a.equals(b))
                .as((a, b) -> (Normaliser) new Normaliser.Logarithmic(a, b));
        Arbitrary<Normaliser> steps = Combinators.combine(score(), score().list().ofMinSize(1).ofMaxSize(5),
                        Arbitraries.of(true, false), raw())
                .as((below, scores, rising, start) -> {
                    List<Double> sorted = new ArrayList<>(scores);
                    sorted.add(below);
                    sorted.sort(rising ? Double::compare : (x, y) -> Double.compare(y, x));
                    List<Normaliser.Step> list = new ArrayList<>();
                    for (int i = 1; i < sorted.size(); i++) {
                        list.add(new Normaliser.Step(start + 7 * i, sorted.get(i)));
                    }
                    return (Normaliser) new Normaliser.Steps(sorted.get(0), list);
                });
        Arbitrary<Normaliser> piecewise = Combinators.combine(score().list().ofMinSize(2).ofMaxSize(5),
                        Arbitraries.of(true, false), raw())
                .as((scores, rising, start) -> {
                    List<Double> sorted = new ArrayList<>(scores);
                    sorted.sort(rising ? Double::compare : (x, y) -> Double.compare(y, x));
                    List<Normaliser.Point> points = new ArrayList<>();
                    for (int i = 0; i < sorted.size(); i++) {
                        points.add(new Normaliser.Point(start + 11 * i, sorted.get(i)));
                    }
                    return (Normaliser) new Normaliser.PiecewiseLinear(points);
                });
        Arbitrary<Normaliser> plain = Arbitraries.oneOf(linear, log, steps, piecewise);
        return Arbitraries.oneOf(plain, plain.map(Normaliser::inverted));
    }

    static Arbitrary<Measure> measure() {
        return Combinators.combine(Arbitraries.integers().between(0, SIGNALS - 1),
                        Arbitraries.doubles().between(0, 50).ofScale(2), normaliser(),
                        Arbitraries.of(MissingDataPolicy.REDISTRIBUTE, MissingDataPolicy.ZERO).optional())
                .as((s, w, n, p) -> new Measure("m", "m", signal(s), w, n, p));
    }

    /** Scorecards of 1 to 6 top-level items, some of them groups of 1 to 4 measures, with unique ids. */
    static Arbitrary<ScorecardDefinition> scorecard() {
        Arbitrary<List<Measure>> group = measure().list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<Object> item = Arbitraries.oneOf(measure().map(m -> (Object) m), group.map(g -> (Object) g));
        Arbitrary<Cap> cap = Combinators.combine(Arbitraries.integers().between(0, SIGNALS - 1),
                        Arbitraries.of(Comparison.values()), raw(), score())
                .as((s, c, t, max) -> Cap.of("cap", signal(s), c, t, max));
        return Combinators.combine(item.list().ofMinSize(1).ofMaxSize(6), cap.list().ofMaxSize(2),
                        Arbitraries.doubles().between(0, 1).ofScale(2), Arbitraries.of(MissingDataPolicy.REDISTRIBUTE,
                                MissingDataPolicy.ZERO))
                .as((items, caps, minimum, policy) -> {
                    int[] id = {0};
                    List<ScorecardItem> top = new ArrayList<>();
                    for (Object o : items) {
                        top.add(renumber(o, id));
                    }
                    if (top.stream().allMatch(i -> i.weight() == 0)) {
                        return null;
                    }
                    List<Cap> numbered = new ArrayList<>();
                    for (Cap c : caps) {
                        numbered.add(new Cap("cap" + id[0]++, "cap", c.signal(), c.comparison(), c.threshold(),
                                c.max()));
                    }
                    return new ScorecardDefinition(ModelId.of("prop", "1"), BandScheme.standard(), policy,
                            minimum < 0.3 ? minimum : 0, top, numbered);
                })
                .filter(d -> d != null);
    }

    @SuppressWarnings("unchecked")
    private static ScorecardItem renumber(Object o, int[] id) {
        if (o instanceof Measure) {
            Measure m = (Measure) o;
            String name = "m" + id[0]++;
            return new Measure(name, "label " + name, m.signal(), m.weight(), m.normaliser(), m.missingData());
        }
        List<ScorecardItem> inner = new ArrayList<>();
        for (Measure m : (List<Measure>) o) {
            inner.add(renumber(m, id));
        }
        if (inner.stream().allMatch(i -> i.weight() == 0)) {
            Measure first = (Measure) inner.get(0);
            inner.set(0, new Measure(first.id(), first.label(), first.signal(), 1, first.normaliser(),
                    first.missingData()));
        }
        return new MeasureGroup("g" + id[0]++, "group", 1 + id[0] % 3, inner);
    }

    /** Snapshots with each of the signals present or not. */
    static Arbitrary<SignalSnapshot> snapshot() {
        return raw().injectNull(0.25).list().ofSize(SIGNALS).map(values -> {
            TreeMap<SignalName, Double> map = new TreeMap<>();
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) != null) {
                    map.put(signal(i), values.get(i));
                }
            }
            return SignalSnapshot.of(AccountId.of("acct"), NOW, map);
        });
    }

    /** Valid band schemes: 1 to 6 bands cutting [0, 100] at distinct points, each cut inclusive on a random side. */
    static Arbitrary<BandScheme> bands() {
        return Combinators.combine(Arbitraries.doubles().between(0.5, 99.5).ofScale(1).set().ofMaxSize(5),
                        Arbitraries.of(true, false).list().ofSize(5))
                .as((cuts, sides) -> {
                    List<Double> sorted = new ArrayList<>(cuts);
                    sorted.sort(Double::compare);
                    List<HealthBand> bands = new ArrayList<>();
                    double from = 0;
                    boolean fromInclusive = true;
                    for (int i = 0; i < sorted.size(); i++) {
                        boolean lowerKeepsCut = sides.get(i);
                        bands.add(new HealthBand("b" + i, from, fromInclusive, sorted.get(i), lowerKeepsCut));
                        from = sorted.get(i);
                        fromInclusive = !lowerKeepsCut;
                    }
                    bands.add(new HealthBand("b" + sorted.size(), from, fromInclusive, 100, true));
                    return BandScheme.of(bands);
                });
    }
}
