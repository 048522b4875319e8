package dev.kizuna.health.trend;

import dev.kizuna.health.BandScheme;
import dev.kizuna.health.Contribution;
import dev.kizuna.health.HealthScore;
import dev.kizuna.health.ModelId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static dev.kizuna.health.Fixtures.ACME;
import static dev.kizuna.health.Fixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoreHistoryTest {
    private static final ModelId MODEL = ModelId.of("m", "1");

    static Instant day(int n) {
        return NOW.plus(Duration.ofDays(n));
    }

    static HealthScore scored(int day, double value) {
        return HealthScore.scored(ACME, MODEL, day(day), day(day), value, BandScheme.standard(),
                List.of(new Contribution("a", "a", Contribution.Kind.INPUT, Optional.empty(), OptionalDouble.empty(),
                        OptionalDouble.empty(), 1, value, 0)), 1, List.of());
    }

    static HealthScore insufficient(int day) {
        return HealthScore.insufficient(ACME, MODEL, day(day), day(day), "no data", 0, List.of());
    }

    private final ScoreHistory history = ScoreHistory.of(ACME, List.of(scored(0, 80), scored(10, 60), scored(20, 40)));

    @Test
    void changeIsSincePreviousScore() {
        assertEquals(-20.0, history.change().getAsDouble());
        assertTrue(history.append(insufficient(21)).change().isEmpty(), "no change to or from insufficient data");
    }

    @Test
    void slopeIsTheLeastSquaresFitInPointsPerDay() {
        assertEquals(-2.0, history.slope(Duration.ofDays(30), day(20)).getAsDouble(), 1e-12);
        // Only the last two scores fall in a 15-day window ending on day 20.
        assertEquals(-2.0, history.slope(Duration.ofDays(15), day(20)).getAsDouble(), 1e-12);
        assertTrue(history.slope(Duration.ofDays(5), day(20)).isEmpty(), "one point has no slope");
    }

    @Test
    void bandTransitionsCarryTheirDates() {
        List<BandTransition> transitions = history.append(insufficient(25)).transitions();
        assertEquals(3, transitions.size());
        assertEquals("entered yellow from green at " + day(10), transitions.get(0).toString());
        assertEquals("entered red from yellow at " + day(20), transitions.get(1).toString());
        assertEquals("entered insufficient data from red at " + day(25), transitions.get(2).toString());
        assertEquals(Optional.of(day(20)), history.lastEntered("red"));
        assertTrue(history.lastEntered("green").isEmpty(), "the first score is no transition");
    }

    @Test
    void staleInputsAreFlagged() {
        Staleness fresh = history.staleness(Duration.ofDays(7), day(25)).orElseThrow();
        assertEquals(Duration.ofDays(5), fresh.age());
        assertFalse(fresh.stale());
        assertTrue(history.staleness(Duration.ofDays(7), day(28)).orElseThrow().stale());
    }

    @Test
    void scoresMustBeInOrderAndOfTheAccount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScoreHistory.of(ACME, List.of(scored(10, 50), scored(0, 60))));
        assertTrue(e.getMessage().startsWith("scores[1].computedAt: "), e.getMessage());
    }
}
