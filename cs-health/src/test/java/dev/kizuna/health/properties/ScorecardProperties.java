package dev.kizuna.health.properties;

import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.BandLever;
import dev.kizuna.health.Contribution;
import dev.kizuna.health.Explanation;
import dev.kizuna.health.HealthModels;
import dev.kizuna.health.HealthScore;
import dev.kizuna.health.definition.DefinitionFormat;
import dev.kizuna.health.scorecard.Measure;
import dev.kizuna.health.scorecard.MeasureGroup;
import dev.kizuna.health.scorecard.ScorecardDefinition;
import dev.kizuna.health.scorecard.ScorecardItem;
import dev.kizuna.health.scorecard.ScorecardModel;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

import java.util.ArrayList;
import java.util.List;

import static dev.kizuna.health.properties.HealthArbitraries.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScorecardProperties {
    private static final HealthModels MODELS = HealthModels.load();

    @Provide
    Arbitrary<ScorecardDefinition> scorecards() {
        return HealthArbitraries.scorecard();
    }

    @Provide
    Arbitrary<SignalSnapshot> snapshots() {
        return HealthArbitraries.snapshot();
    }

    @Property
    void scoreLiesInZeroToHundredInItsBand(@ForAll("scorecards") ScorecardDefinition card,
                                           @ForAll("snapshots") SignalSnapshot snapshot) {
        HealthScore score = ScorecardModel.of(card).score(snapshot, NOW);
        if (score.isScored()) {
            double v = score.value().getAsDouble();
            assertTrue(v >= 0 && v <= 100, "value " + v);
            assertEquals(card.bands().bandOf(v), score.band().orElseThrow());
        } else {
            assertTrue(score.value().isEmpty() && score.contributions().isEmpty());
        }
    }

    @Property
    void contributionsAddUpExactlyToTheScore(@ForAll("scorecards") ScorecardDefinition card,
                                             @ForAll("snapshots") SignalSnapshot snapshot) {
        HealthScore score = ScorecardModel.of(card).score(snapshot, NOW);
        long total = 0;
        for (Contribution c : score.contributions()) {
            total += Math.round(c.points() * 100);
        }
        assertEquals(score.isScored() ? Math.round(score.value().getAsDouble() * 100) : 0, total);
    }

    @Property
    void capsOnlyLowerTheScore(@ForAll("scorecards") ScorecardDefinition card,
                               @ForAll("snapshots") SignalSnapshot snapshot) {
        ScorecardDefinition uncapped = new ScorecardDefinition(card.id(), card.bands(), card.missingData(),
                card.minimumCompleteness(), card.measures(), List.of());
        HealthScore with = ScorecardModel.of(card).score(snapshot, NOW);
        HealthScore without = ScorecardModel.of(uncapped).score(snapshot, NOW);
        assertEquals(without.isScored(), with.isScored());
        if (with.isScored()) {
            assertTrue(with.value().getAsDouble() <= without.value().getAsDouble());
        }
    }

    @Property
    void scalingEveryWeightChangesNothing(@ForAll("scorecards") ScorecardDefinition card,
                                          @ForAll("snapshots") SignalSnapshot snapshot,
                                          @ForAll @DoubleRange(min = 0.01, max = 1000) double factor) {
        ScorecardDefinition scaled = new ScorecardDefinition(card.id(), card.bands(), card.missingData(),
                card.minimumCompleteness(), scale(card.measures(), factor), card.caps());
        HealthScore a = ScorecardModel.of(card).score(snapshot, NOW);
        HealthScore b = ScorecardModel.of(scaled).score(snapshot, NOW);
        assertEquals(a.isScored(), b.isScored());
        if (a.isScored()) {
            // Floating-point rounding may move a value sitting on a half-hundredth by one hundredth, no more.
            assertEquals(a.value().getAsDouble(), b.value().getAsDouble(), 0.0100001);
        }
        assertEquals(a.completeness(), b.completeness(), 1e-9);
    }

    @Property
    void everyReachableLeverReachesItsBand(@ForAll("scorecards") ScorecardDefinition card,
                                           @ForAll("snapshots") SignalSnapshot snapshot) {
        ScorecardModel model = ScorecardModel.of(card);
        Explanation e = model.explain(snapshot, NOW);
        assertEquals(model.score(snapshot, NOW), e.score());
        for (BandLever lever : e.levers()) {
            if (!lever.isReachable()) {
                continue;
            }
            BandLever.Target t = lever.target().orElseThrow();
            double probe = t.relation() == BandLever.Relation.BELOW ? Math.nextDown(t.value())
                    : t.relation() == BandLever.Relation.ABOVE ? Math.nextUp(t.value()) : t.value();
            HealthScore moved = model.score(snapshot.with(lever.signal(), probe), NOW);
            assertTrue(moved.isScored());
            assertTrue(card.bands().rank(moved.band().orElseThrow()) >= card.bands().rank(lever.band()),
                    lever.describe() + " reached only " + moved.summary());
        }
    }

    @Property(tries = 100)
    void definitionsRoundTripThroughJsonAndYaml(@ForAll("scorecards") ScorecardDefinition card) {
        for (DefinitionFormat format : DefinitionFormat.values()) {
            assertEquals(card, MODELS.read(MODELS.write(card, format), format));
        }
    }

    private static List<ScorecardItem> scale(List<ScorecardItem> items, double factor) {
        List<ScorecardItem> out = new ArrayList<>();
        for (ScorecardItem item : items) {
            if (item instanceof Measure) {
                Measure m = (Measure) item;
                out.add(new Measure(m.id(), m.label(), m.signal(), m.weight() * factor, m.normaliser(),
                        m.missingData()));
            } else {
                MeasureGroup g = (MeasureGroup) item;
                out.add(new MeasureGroup(g.id(), g.label(), g.weight() * factor, scale(g.items(), factor)));
            }
        }
        return out;
    }
}
