package dev.kizuna.health.definition;

import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.HealthBand;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.ModelDefinition;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.logistic.LogisticDefinition;
import dev.kizuna.health.logistic.LogisticMissingInput;
import dev.kizuna.health.logistic.Standardisation;
import dev.kizuna.health.logistic.Term;
import dev.kizuna.health.scorecard.Cap;
import dev.kizuna.health.scorecard.Comparison;
import dev.kizuna.health.scorecard.Measure;
import dev.kizuna.health.scorecard.MeasureGroup;
import dev.kizuna.health.scorecard.ScorecardMissingInput;
import dev.kizuna.health.scorecard.Normaliser;
import dev.kizuna.health.scorecard.ScorecardDefinition;
import dev.kizuna.health.scorecard.ScorecardItem;
import dev.kizuna.health.segment.SegmentedDefinition;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A written definition reads back equal, in JSON and in YAML, for random definitions whose labels hold any valid
 * Unicode (control characters, quotes, line breaks, byte-order marks, characters outside the BMP) and whose numbers
 * include -0.0, the smallest and the largest accepted ones.
 */
class DefinitionRoundTripProperties {
    private static final HealthModels MODELS = HealthModels.load();

    /** Valid Unicode text, leaning on the characters that are hard to write: any code point but a surrogate. */
    static Arbitrary<String> text() {
        Arbitrary<Integer> hard = Arbitraries.of(0x0, 0x7, 0x9, 0xA, 0xD, 0x1F, 0x20, 0x22, 0x23, 0x27, 0x2D, 0x3A,
                0x3F, 0x5C, 0x7B, 0x7C, 0x7E, 0x7F, 0x85, 0xA0, 0xAD, 0x2028, 0x2029, 0xFEFF, 0xFFFD, 0xFFFE, 0xFFFF,
                0x1F600, 0x10FFFF, 0x3042, 0x4E2D);
        Arbitrary<Integer> any = Arbitraries.integers().between(0, 0x10FFFF)
                .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE);
        Arbitrary<Integer> ascii = Arbitraries.integers().between(0x20, 0x7E);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, hard), net.jqwik.api.Tuple.of(2, any),
                        net.jqwik.api.Tuple.of(3, ascii)).list().ofMinSize(1).ofMaxSize(12)
                .map(cps -> {
                    StringBuilder out = new StringBuilder();
                    cps.forEach(out::appendCodePoint);
                    return out.toString();
                })
                .filter(s -> !s.isBlank());
    }

    /** Numbers that stand for signal values: the edges of the range, -0.0, tiny and awkward ones. */
    static Arbitrary<Double> value() {
        return Arbitraries.oneOf(
                Arbitraries.of(-0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-300, 0.1, 1.0 / 3, -2.5e-7,
                        DefinitionLimits.MAX_MAGNITUDE, -DefinitionLimits.MAX_MAGNITUDE, 123456789.123456789,
                        9007199254740993.0 / 16, 1e10, 4.9e-324),
                Arbitraries.doubles().between(-DefinitionLimits.MAX_MAGNITUDE, DefinitionLimits.MAX_MAGNITUDE));
    }

    static Arbitrary<Double> weight() {
        return Arbitraries.oneOf(Arbitraries.of(-0.0, 0.0, 1e-300, 1.0, DefinitionLimits.MAX_WEIGHT, 0.1),
                Arbitraries.doubles().between(0, DefinitionLimits.MAX_WEIGHT));
    }

    static Arbitrary<Double> score() {
        return Arbitraries.oneOf(Arbitraries.of(-0.0, 0.0, 100.0, 1e-300, 99.99999999999999),
                Arbitraries.doubles().between(0, 100));
    }

    static Arbitrary<Double> share() {
        return Arbitraries.oneOf(Arbitraries.of(-0.0, 0.0, 1.0, Double.MIN_VALUE), Arbitraries.doubles().between(0, 1));
    }

    static Arbitrary<SignalName> signal() {
        return Arbitraries.oneOf(Arbitraries.of(SignalName.catalogue().toArray(new SignalName[0])),
                Arbitraries.of("custom.a", "custom.b", "x.y_z", "custom.api_calls_7d").map(SignalName::of));
    }

    static Arbitrary<SignalDomain> domain() {
        return Arbitraries.oneOf(Arbitraries.of(SignalDomain.ANY, SignalDomain.FLAG, SignalDomain.COUNT,
                        SignalDomain.NON_NEGATIVE, SignalDomain.SHARE, SignalDomain.WHOLE),
                Combinators.combine(value(), value(), Arbitraries.of(true, false)).as((a, b, whole) -> {
                    double lo = Math.min(a, b);
                    double hi = Math.max(a, b);
                    return whole && Math.ceil(lo) > Math.floor(hi) ? SignalDomain.between(lo, hi)
                            : new SignalDomain(lo, hi, whole);
                }));
    }

    static Arbitrary<Normaliser> normaliser() {
        Arbitrary<Normaliser> linear = Combinators.combine(value(), value()).filter((a, b) -> a.doubleValue() != b)
                .as(Normaliser::linear);
        Arbitrary<Normaliser> steps = Combinators.combine(score(), value(), score()).as((below, from, s) ->
                new Normaliser.Steps(below, List.of(new Normaliser.Step(from, s))));
        Arbitrary<Normaliser> piecewise = Combinators.combine(value(), value(), score(), score())
                .filter((a, b, s, t) -> a.doubleValue() != b)
                .as((a, b, s, t) -> new Normaliser.PiecewiseLinear(List.of(new Normaliser.Point(Math.min(a, b), s),
                        new Normaliser.Point(Math.max(a, b), t))));
        Arbitrary<Normaliser> plain = Arbitraries.oneOf(linear, steps, piecewise);
        return Arbitraries.oneOf(plain, plain.map(Normaliser::inverted));
    }

    @Provide
    Arbitrary<ScorecardDefinition> scorecards() {
        Arbitrary<Measure> measure = Combinators.combine(text(), signal(), weight(), normaliser(),
                        Arbitraries.of(ScorecardMissingInput.class).optional())
                .as((label, signal, weight, normaliser, policy) -> new Measure("m", label, signal, weight,
                        normaliser, policy));
        Arbitrary<Cap> cap = Combinators.combine(text(), signal(), Arbitraries.of(Comparison.class), value(), score())
                .as((label, signal, comparison, threshold, max) -> new Cap("c", label, signal, comparison, threshold,
                        max));
        Arbitrary<Map<SignalName, SignalDomain>> declared = Arbitraries.maps(
                Arbitraries.of("custom.a", "custom.b", "custom.unused").map(SignalName::of), domain()).ofMaxSize(3);
        return Combinators.combine(measure.list().ofMinSize(1).ofMaxSize(5), cap.list().ofMaxSize(2), share(),
                        Arbitraries.of(ScorecardMissingInput.class), declared, Arbitraries.of(true, false), text())
                .as((measures, caps, minimum, policy, signals, grouped, groupLabel) -> {
                    List<ScorecardItem> items = new ArrayList<>();
                    int id = 0;
                    for (Measure m : measures) {
                        items.add(new Measure("m" + id++, m.label(), m.signal(), m.weight(), m.normaliser(),
                                m.missingData()));
                    }
                    items.set(0, positive((Measure) items.get(0)));
                    if (grouped && items.size() > 1) {
                        MeasureGroup group = new MeasureGroup("g" + id++, groupLabel, 2.5,
                                List.of(items.remove(items.size() - 1), items.get(0)));
                        items.set(0, group);
                    }
                    List<Cap> numbered = new ArrayList<>();
                    for (Cap c : caps) {
                        numbered.add(new Cap("c" + id++, c.label(), c.signal(), c.comparison(), c.threshold(),
                                c.max()));
                    }
                    return new ScorecardDefinition(ModelId.of("prop", "1"), bands(id), policy, minimum, items,
                            numbered, new TreeMap<>(signals));
                });
    }

    private static Measure positive(Measure m) {
        return m.weight() > 0 ? m : new Measure(m.id(), m.label(), m.signal(), 1, m.normaliser(), m.missingData());
    }

    private static BandScheme bands(int seed) {
        return seed % 2 == 0 ? BandScheme.standard() : BandScheme.of(HealthBand.of("low", "[0, 33.3)"),
                HealthBand.of("high", "[33.3, 100]"));
    }

    @Provide
    Arbitrary<LogisticDefinition> logistics() {
        Arbitrary<Double> logOdds = Arbitraries.oneOf(Arbitraries.of(-0.0, 0.0, DefinitionLimits.MAX_LOG_ODDS,
                -DefinitionLimits.MAX_LOG_ODDS, 1e-300), Arbitraries.doubles().between(-50, 50));
        Arbitrary<Optional<Standardisation>> standardisation = Combinators.combine(value(), Arbitraries.oneOf(
                        Arbitraries.of(DefinitionLimits.MIN_SD, DefinitionLimits.MAX_MAGNITUDE, 1.0),
                        Arbitraries.doubles().between(DefinitionLimits.MIN_SD, 1e6).ofScale(12)))
                .as(Standardisation::of).optional();
        Arbitrary<Term> term = Combinators.combine(text(), signal(), logOdds, standardisation)
                .as((label, signal, coefficient, s) -> new Term("t", label, signal, coefficient, s));
        return Combinators.combine(term.list().ofMinSize(1).ofMaxSize(4), logOdds, Arbitraries.of(
                                LogisticMissingInput.class), share(),
                        Arbitraries.maps(Arbitraries.of("custom.a", "custom.b").map(SignalName::of), domain())
                                .ofMaxSize(2))
                .as((terms, intercept, policy, minimum, signals) -> {
                    List<Term> numbered = new ArrayList<>();
                    for (int i = 0; i < terms.size(); i++) {
                        Term t = terms.get(i);
                        numbered.add(new Term("t" + i, t.label(), t.signal(), t.coefficient(), t.standardisation()));
                    }
                    return new LogisticDefinition(ModelId.of("prop", "2"), bands(terms.size()), intercept, numbered,
                            policy, minimum, new TreeMap<>(signals));
                });
    }

    private static void roundTrips(ModelDefinition definition) {
        for (DefinitionFormat format : DefinitionFormat.values()) {
            String written = MODELS.write(definition, format);
            assertEquals(definition, MODELS.read(written, format), () -> format + ":\n" + written);
            assertEquals(written, MODELS.write(MODELS.read(written, format), format));
        }
    }

    @Property(tries = 400)
    void aScorecardReadsBackEqual(@ForAll("scorecards") ScorecardDefinition card) {
        roundTrips(card);
    }

    @Property(tries = 300)
    void aLogisticModelReadsBackEqual(@ForAll("logistics") LogisticDefinition model) {
        roundTrips(model);
    }

    @Property(tries = 100)
    void aSegmentedDefinitionReadsBackEqual(@ForAll("scorecards") ScorecardDefinition card,
                                            @ForAll("logistics") LogisticDefinition model) {
        SegmentedDefinition segmented = SegmentedDefinition.of(ModelId.of("seg", "1"), Map.of("card", card,
                "model", model), "card", List.of());
        for (DefinitionFormat format : DefinitionFormat.values()) {
            String written = segmented.write(MODELS, format);
            assertEquals(segmented, SegmentedDefinition.read(written, format, MODELS), () -> format + ":\n" + written);
        }
    }
}
