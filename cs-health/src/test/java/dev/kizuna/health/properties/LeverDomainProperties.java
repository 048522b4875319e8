package dev.kizuna.health.properties;

import dev.kizuna.core.signal.SignalDomain;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.BandLever;
import dev.kizuna.health.BandScheme;
import dev.kizuna.health.Explanation;
import dev.kizuna.health.HealthModel;
import dev.kizuna.health.HealthScore;
import dev.kizuna.health.ModelId;
import dev.kizuna.health.logistic.LogisticDefinition;
import dev.kizuna.health.logistic.LogisticModel;
import dev.kizuna.health.logistic.Standardisation;
import dev.kizuna.health.logistic.Term;
import dev.kizuna.health.scorecard.ScorecardDefinition;
import dev.kizuna.health.scorecard.ScorecardModel;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.List;

import static dev.kizuna.health.properties.HealthArbitraries.NOW;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Levers stay inside the signal's domain: over random scorecards and logistic models reading well-known signals of
 * every kind of domain (a bounded number, a count, a flag, a share, an amount, a relative change, any whole number,
 * and escalated tickets tied to open ones), every lever's target lies in the domain and, applied alone, reaches the
 * band it names; and a lever that the domain blocks really has no value at the domain's edges that reaches it.
 */
class LeverDomainProperties {

    @Provide
    Arbitrary<ScorecardDefinition> scorecards() {
        return HealthArbitraries.scorecard().map(HealthArbitraries::onWellKnownSignals);
    }

    @Provide
    Arbitrary<LogisticDefinition> logistics() {
        Arbitrary<Term> term = Combinators.combine(Arbitraries.integers().between(0, HealthArbitraries.SIGNALS - 1),
                        Arbitraries.doubles().between(-3, 3).ofScale(3),
                        Arbitraries.doubles().between(-10, 10).ofScale(2),
                        Arbitraries.doubles().between(0.1, 20).ofScale(2).optional())
                .as((s, c, mean, sd) -> new Term("t", "t", HealthArbitraries.signal(s), c,
                        sd.map(v -> Standardisation.of(mean, v))));
        return Combinators.combine(Arbitraries.doubles().between(-4, 4).ofScale(2),
                        term.list().ofMinSize(1).ofMaxSize(6))
                .as((intercept, terms) -> {
                    List<Term> numbered = new ArrayList<>();
                    for (int i = 0; i < terms.size(); i++) {
                        Term t = terms.get(i);
                        numbered.add(new Term("t" + i, "term " + i, t.signal(), t.coefficient(),
                                t.standardisation()));
                    }
                    return HealthArbitraries.onWellKnownSignals(LogisticDefinition.of(ModelId.of("logit", "1"),
                            intercept, numbered));
                });
    }

    @Provide
    Arbitrary<SignalSnapshot> snapshots() {
        return HealthArbitraries.wellKnownSnapshot();
    }

    @Property
    void everyScorecardLeverStaysInsideTheDomainAndReachesItsBand(@ForAll("scorecards") ScorecardDefinition card,
                                                                  @ForAll("snapshots") SignalSnapshot snapshot) {
        checkLevers(ScorecardModel.of(card), snapshot);
    }

    @Property
    void everyLogisticLeverStaysInsideTheDomainAndReachesItsBand(@ForAll("logistics") LogisticDefinition definition,
                                                                 @ForAll("snapshots") SignalSnapshot snapshot) {
        checkLevers(LogisticModel.of(definition), snapshot);
    }

    private static void checkLevers(HealthModel model, SignalSnapshot snapshot) {
        Explanation e = model.explain(snapshot, NOW);
        BandScheme bands = model.bands();
        for (BandLever lever : e.levers()) {
            SignalDomain domain = model.definition().domainOf(lever.signal())
                    .intersect(snapshot.domainOf(lever.signal())).orElseThrow();
            if (lever.isReachable()) {
                double value = lever.target().orElseThrow().nearest();
                Statistics.label("lever").collect("reaches");
                assertTrue(domain.contains(value), lever.describe() + ": " + value + " is outside " + domain);
                HealthScore moved = model.score(snapshot.with(lever.signal(), value), NOW);
                assertTrue(moved.isScored() && bands.rank(moved.band().orElseThrow()) >= bands.rank(lever.band()),
                        lever.describe() + " reached only " + moved.summary());
                continue;
            }
            String obstacle = lever.obstacle().orElseThrow();
            String signal = lever.signal().value();
            boolean byDomain = obstacle.startsWith("no value of " + signal + " ")
                    || obstacle.startsWith("no whole number of " + signal + " ")
                    || obstacle.startsWith(signal + " can only be ");
            boolean noValue = byDomain || obstacle.equals("no value of its signal reaches the band");
            Statistics.label("lever").collect(byDomain ? "blocked by the domain" : noValue ? "no value reaches"
                    : "blocked otherwise");
            if (!noValue) {
                continue;
            }
            // No value reaches the band: in particular, neither edge of the domain does.
            for (double edge : new double[] {domain.min(), domain.max()}) {
                if (Math.abs(edge) == Double.MAX_VALUE) {
                    continue;
                }
                double value = domain.whole() ? (edge == domain.min() ? Math.ceil(edge) : Math.floor(edge)) : edge;
                HealthScore moved = model.score(snapshot.with(lever.signal(), value), NOW);
                assertFalse(moved.isScored() && bands.rank(moved.band().orElseThrow()) >= bands.rank(lever.band()),
                        lever.describe() + ", yet " + value + " reaches " + moved.summary());
            }
        }
    }
}
