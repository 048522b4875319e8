package dev.kizuna.health.properties;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.HealthBand;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.logistic.LogisticDefinition;
import dev.kizuna.health.logistic.Term;
import dev.kizuna.health.scorecard.Cap;
import dev.kizuna.health.scorecard.Comparison;
import dev.kizuna.health.scorecard.Measure;
import dev.kizuna.health.scorecard.MeasureGroup;
import dev.kizuna.health.scorecard.ScorecardMissingInput;
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

    /**
     * Well-known signals standing in for {@code custom.s0..s7}, one of each kind of domain: a bounded number, a count,
     * a flag, a share, a non-negative amount, a relative change, any whole number, and a count tied to the first
     * count (escalated tickets are at most the open ones).
     */
    static final List<SignalName> WELL_KNOWN = List.of(SignalName.SENTIMENT_NPS, SignalName.SUPPORT_OPEN_TICKETS,
            SignalName.RELATIONSHIP_CHAMPION_PRESENT, SignalName.ADOPTION_FEATURE_BREADTH, SignalName.COMMERCIAL_MRR,
            SignalName.USAGE_TREND_30D, SignalName.COMMERCIAL_DAYS_TO_RENEWAL, SignalName.SUPPORT_ESCALATED_TICKETS);

    /** Returns the well-known signal standing in for {@code custom.s<i>} (any other signal is kept). */
    static SignalName wellKnown(SignalName custom) {
        for (int i = 0; i < SIGNALS; i++) {
            if (custom.equals(signal(i))) {
                return WELL_KNOWN.get(i);
            }
        }
        return custom;
    }

    /** Returns the scorecard with every {@code custom.s<i>} read by its measures and caps made well-known. */
    static ScorecardDefinition onWellKnownSignals(ScorecardDefinition card) {
        List<ScorecardItem> items = new ArrayList<>();
        for (ScorecardItem item : card.measures()) {
            items.add(onWellKnown(item));
        }
        List<Cap> caps = new ArrayList<>();
        for (Cap c : card.caps()) {
            caps.add(new Cap(c.id(), c.label(), wellKnown(c.signal()), c.comparison(), c.threshold(), c.max()));
        }
        return new ScorecardDefinition(card.id(), card.bands(), card.missingData(), card.minimumCompleteness(), items,
                caps);
    }

    private static ScorecardItem onWellKnown(ScorecardItem item) {
        if (item instanceof Measure) {
            Measure m = (Measure) item;
            return new Measure(m.id(), m.label(), wellKnown(m.signal()), m.weight(), m.normaliser(), m.missingData());
        }
        MeasureGroup g = (MeasureGroup) item;
        List<ScorecardItem> inner = new ArrayList<>();
        for (ScorecardItem i : g.items()) {
            inner.add(onWellKnown(i));
        }
        return new MeasureGroup(g.id(), g.label(), g.weight(), inner);
    }

    /** Returns the logistic model with every {@code custom.s<i>} its terms read made well-known. */
    static LogisticDefinition onWellKnownSignals(LogisticDefinition definition) {
        List<Term> terms = new ArrayList<>();
        for (Term t : definition.terms()) {
            terms.add(new Term(t.id(), t.label(), wellKnown(t.signal()), t.coefficient(), t.standardisation()));
        }
        return new LogisticDefinition(definition.id(), definition.bands(), definition.intercept(), terms,
                definition.missingInputs(), definition.minimumCompleteness());
    }

    /** Returns a raw value from {@link #raw()} moved into {@code domain}: a flag at 50, a share as a percentage. */
    static double into(SignalDomain domain, double raw) {
        if (domain.equals(SignalDomain.FLAG)) {
            return raw >= 50 ? 1 : 0;
        }
        if (domain.equals(SignalDomain.SHARE)) {
            return Math.max(0, Math.min(1, raw / 100));
        }
        double v = domain.whole() ? Math.rint(raw) : raw;
        return Math.max(domain.min(), Math.min(domain.max(), v)) + 0.0;
    }

    /**
     * Snapshots of the {@link #WELL_KNOWN} signals, each present or not, every value inside its domain, the escalated
     * tickets at most the open ones.
     */
    static Arbitrary<SignalSnapshot> wellKnownSnapshot() {
        return raw().injectNull(0.2).list().ofSize(SIGNALS).map(values -> {
            TreeMap<SignalName, Double> map = new TreeMap<>();
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) != null) {
                    SignalName name = WELL_KNOWN.get(i);
                    map.put(name, into(name.domain(), values.get(i)));
                }
            }
            Double open = map.get(SignalName.SUPPORT_OPEN_TICKETS);
            Double escalated = map.get(SignalName.SUPPORT_ESCALATED_TICKETS);
            if (open != null && escalated != null && escalated > open) {
                map.put(SignalName.SUPPORT_ESCALATED_TICKETS, open);
            }
            return SignalSnapshot.of(AccountId.of("acct"), NOW, map);
        });
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
                        Arbitraries.of(ScorecardMissingInput.REDISTRIBUTE, ScorecardMissingInput.ZERO).optional())
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
                        Arbitraries.doubles().between(0, 1).ofScale(2),
                        Arbitraries.of(ScorecardMissingInput.REDISTRIBUTE, ScorecardMissingInput.ZERO))
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
