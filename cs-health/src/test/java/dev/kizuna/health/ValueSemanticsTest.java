package dev.kizuna.health;

import dev.kizuna.core.signal.SignalName;
import dev.kizuna.health.scorecard.Measure;
import dev.kizuna.health.scorecard.Normaliser;
import dev.kizuna.health.scorecard.ScorecardDefinition;
import dev.kizuna.health.scorecard.ScorecardModel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static dev.kizuna.health.Fixtures.NOW;
import static dev.kizuna.health.Fixtures.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Contributions and explanations are classes (for speed) that behave as the records they replace. */
class ValueSemanticsTest {
    private static final Optional<SignalName> NPS = Optional.of(SignalName.SENTIMENT_NPS);

    private static Contribution nps(OptionalDouble raw, OptionalDouble subscore, double points) {
        return new Contribution("nps", "NPS", Contribution.Kind.INPUT, NPS, raw, subscore, 0.5, points, -1.25);
    }

    @Test
    void aContributionWithNaNForNoValueEqualsOneWithEmptyOptionals() {
        Contribution boxed = nps(OptionalDouble.empty(), OptionalDouble.empty(), 0);
        Contribution unboxed = Contribution.of("nps", "NPS", Contribution.Kind.INPUT, NPS, Double.NaN, Double.NaN,
                0.5, 0, -1.25);
        assertEquals(boxed, unboxed);
        assertEquals(boxed.hashCode(), unboxed.hashCode());
        assertEquals(OptionalDouble.empty(), unboxed.raw());
        assertEquals(OptionalDouble.empty(), unboxed.subscore());
        assertTrue(unboxed.isMissing());
    }

    @Test
    void aContributionGivesBackTheNumbersItWasGiven() {
        Contribution c = nps(OptionalDouble.of(-20), OptionalDouble.of(40), 20);
        assertEquals(OptionalDouble.of(-20), c.raw());
        assertEquals(OptionalDouble.of(40), c.subscore());
        assertEquals(20, c.points());
        assertEquals(-1.25, c.impact());
        assertEquals(0.5, c.weight());
        assertEquals(NPS, c.signal());
    }

    @Test
    void contributionsDifferWhenAnyPartDiffers() {
        Contribution c = nps(OptionalDouble.of(-20), OptionalDouble.of(40), 20);
        assertEquals(c, nps(OptionalDouble.of(-20), OptionalDouble.of(40), 20));
        assertNotEquals(c, nps(OptionalDouble.of(-21), OptionalDouble.of(40), 20));
        assertNotEquals(c, nps(OptionalDouble.empty(), OptionalDouble.of(40), 20));
        assertNotEquals(c, nps(OptionalDouble.of(-20), OptionalDouble.of(41), 20));
        assertNotEquals(c, c.withPoints(20.01));
        assertEquals("Contribution[id=nps, label=NPS, kind=INPUT, signal=Optional[sentiment.nps],"
                + " raw=OptionalDouble[-20.0], subscore=OptionalDouble[40.0], weight=0.5, points=20.0, impact=-1.25]",
                c.toString());
    }

    @Test
    void anUnboxedContributionIsValidatedLikeAnyOther() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Contribution.of("nps", "NPS",
                Contribution.Kind.INPUT, NPS, Double.POSITIVE_INFINITY, Double.NaN, 0.5, 0, 0));
        assertEquals("contribution nps.raw: Infinity must be a finite number", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Contribution.of("nps", "NPS", Contribution.Kind.INPUT,
                NPS, 1, 101, 0.5, 0, 0));
        assertEquals("contribution nps.subscore: 101 must be between 0 and 100", e.getMessage());
    }

    @Test
    void anExplanationWritesItsReasonOnceAndEqualsOneGivenTheSameReason() {
        ScorecardModel model = ScorecardModel.of(ScorecardDefinition.builder(ModelId.of("m", "1"))
                .add(Measure.of("nps", SignalName.SENTIMENT_NPS, 1, Normaliser.linear(-100, 100)))
                .add(Measure.of("open", SignalName.SUPPORT_OPEN_TICKETS, 1, Normaliser.linear(10, 0)))
                .build());
        Explanation e = model.explain(snapshot("sentiment.nps", -20, "support.open_tickets", 2), NOW);
        String reason = e.reason();
        assertSame(reason, e.reason());
        assertEquals("yellow 60.00: pulled down by nps (-10.00); lifted by open (+10.00)", reason);
        Explanation given = new Explanation(e.score(), e.pullingDown(), e.lifting(), e.levers(), reason);
        assertEquals(given, e);
        assertEquals(given.hashCode(), e.hashCode());
        assertEquals(given.toString(), e.toString());
        assertNotEquals(new Explanation(e.score(), e.pullingDown(), e.lifting(), e.levers(), "another reason"), e);
        assertNotEquals(new Explanation(e.score(), List.of(), e.lifting(), e.levers(), reason), e);
    }
}
