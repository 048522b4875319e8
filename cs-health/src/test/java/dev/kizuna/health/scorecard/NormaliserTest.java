package dev.kizuna.health.scorecard;

import dev.kizuna.health.BandLever;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NormaliserTest {

    private static void rejected(String message, org.junit.jupiter.api.function.Executable construction) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction);
        assertEquals(message, e.getMessage());
    }

    @Test
    void linearClampsOutsideItsRangeAndCanFall() {
        Normaliser rising = Normaliser.linear(0, 200);
        assertEquals(0.0, rising.score(-5));
        assertEquals(25.0, rising.score(50));
        assertEquals(100.0, rising.score(500));
        Normaliser falling = Normaliser.linear(10, 0);
        assertEquals(70.0, falling.score(3), 1e-12);
        assertEquals(-1, falling.direction());
    }

    @Test
    void invertedMirrorsItsNormaliser() {
        Normaliser escalations = Normaliser.inverted(Normaliser.linear(0, 4));
        assertEquals(75.0, escalations.score(1));
        assertEquals(BandLever.Relation.AT_MOST, escalations.atLeast(50, 3).orElseThrow().relation());
        assertEquals(2.0, escalations.atLeast(50, 3).orElseThrow().value());
    }

    @Test
    void logarithmicScalesByOrdersOfMagnitude() {
        Normaliser calls = new Normaliser.Logarithmic(0, 999);
        // ln(1 + 99) / ln(1 + 999) = 2 / 3.
        assertEquals(200.0 / 3, calls.score(99), 1e-9);
        assertEquals(99.0, calls.atLeast(200.0 / 3, 0).orElseThrow().value(), 1e-9);
        assertEquals(0.0, calls.score(-3));
    }

    @Test
    void stepsScoreTheLastThresholdReached() {
        Normaliser tickets = new Normaliser.Steps(100, List.of(new Normaliser.Step(1, 60), new Normaliser.Step(3, 20)));
        assertEquals(100.0, tickets.score(0));
        assertEquals(60.0, tickets.score(1));
        assertEquals(60.0, tickets.score(2.5));
        assertEquals(20.0, tickets.score(3));
        assertTrue(tickets.atLeast(101, 5).isEmpty(), "no number of tickets scores above 100");
    }

    @Test
    void piecewiseInterpolatesBetweenPointsAndIsFlatBeyond() {
        Normaliser licences = new Normaliser.PiecewiseLinear(List.of(new Normaliser.Point(0, 0),
                new Normaliser.Point(0.5, 50), new Normaliser.Point(0.8, 90), new Normaliser.Point(1, 100)));
        assertEquals(70.0, licences.score(0.65), 1e-9);
        assertEquals(100.0, licences.score(1.4));
        assertEquals(0.65, licences.atLeast(70, 0.2).orElseThrow().value(), 1e-9);
    }

    @Test
    void invalidNormalisersAreRejectedNamingTheField() {
        rejected("linear.to: 3 must differ from from", () -> Normaliser.linear(3, 3));
        rejected("logarithmic.from: -1 must be > -1", () -> new Normaliser.Logarithmic(-1, 10));
        rejected("steps.steps: there must be at least one step", () -> new Normaliser.Steps(0, List.of()));
        rejected("steps.steps[1].from: 1 must be above the previous step's 2", () -> new Normaliser.Steps(0,
                List.of(new Normaliser.Step(2, 10), new Normaliser.Step(1, 20))));
        rejected("steps.steps[1].score: 10 breaks monotonicity: the scores must only rise or only fall",
                () -> new Normaliser.Steps(0, List.of(new Normaliser.Step(1, 50), new Normaliser.Step(2, 10))));
        rejected("step.score: 120 must be between 0 and 100", () -> new Normaliser.Step(1, 120));
        rejected("piecewise.points: there must be at least two points",
                () -> new Normaliser.PiecewiseLinear(List.of(new Normaliser.Point(0, 0))));
        rejected("piecewise.points[1].raw: 0 must be above the previous point's 0", () -> new Normaliser.PiecewiseLinear(
                List.of(new Normaliser.Point(0, 0), new Normaliser.Point(0, 10))));
        rejected("piecewise.points[2].score: 5 breaks monotonicity: the scores must only rise or only fall",
                () -> new Normaliser.PiecewiseLinear(List.of(new Normaliser.Point(0, 0), new Normaliser.Point(1, 10),
                        new Normaliser.Point(2, 5))));
    }

}
