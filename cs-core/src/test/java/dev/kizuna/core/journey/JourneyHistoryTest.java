package dev.kizuna.core.journey;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.kizuna.core.journey.JourneyStage.ADVOCACY;
import static dev.kizuna.core.journey.JourneyStage.CONVERSION;
import static dev.kizuna.core.journey.JourneyStage.RETENTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JourneyHistoryTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void currentStageIsTheLatestEntry() {
        JourneyHistory h = JourneyHistory.startingAt(CONVERSION, T0).enter(RETENTION, T0.plus(Duration.ofDays(30)));
        assertEquals(RETENTION, h.currentStage());
        assertEquals(Duration.ofDays(10), h.timeInCurrentStage(T0.plus(Duration.ofDays(40))));
    }

    @Test
    void outOfOrderEntryIsRejected() {
        JourneyHistory h = JourneyHistory.startingAt(CONVERSION, T0);
        var e = assertThrows(IllegalArgumentException.class, () -> h.enter(RETENTION, T0));
        assertTrue(e.getMessage().startsWith("entries[1].enteredAt: 2024-01-01T00:00:00Z is out of order"), e.getMessage());
    }

    @Test
    void duplicateStageIsRejected() {
        JourneyHistory h = JourneyHistory.startingAt(CONVERSION, T0);
        var e = assertThrows(IllegalArgumentException.class, () -> h.enter(CONVERSION, T0.plusSeconds(1)));
        assertTrue(e.getMessage().startsWith("entries[1].stage: CONVERSION is a duplicate"), e.getMessage());
    }

    @Test
    void emptyHistoryIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> JourneyHistory.of(List.of()));
        assertTrue(e.getMessage().startsWith("entries:"), e.getMessage());
    }

    @Test
    void movingBackToAnEarlierStageIsAllowedAndTimeInStageAddsVisits() {
        JourneyHistory h = JourneyHistory.startingAt(RETENTION, T0)
                .enter(ADVOCACY, T0.plus(Duration.ofDays(10)))
                .enter(RETENTION, T0.plus(Duration.ofDays(15)));
        assertEquals(Duration.ofDays(10 + 5), h.timeIn(RETENTION, T0.plus(Duration.ofDays(20))));
        assertEquals(Duration.ofDays(5), h.timeIn(ADVOCACY, T0.plus(Duration.ofDays(20))));
        assertEquals(Duration.ofDays(3), h.timeIn(ADVOCACY, T0.plus(Duration.ofDays(13))));
        assertEquals(T0, h.firstEntered(RETENTION).orElseThrow());
        assertTrue(h.firstEntered(CONVERSION).isEmpty());
    }

    @Test
    void stageAtIsEmptyBeforeTheFirstEntry() {
        JourneyHistory h = JourneyHistory.startingAt(CONVERSION, T0);
        assertTrue(h.stageAt(T0.minusSeconds(1)).isEmpty());
        assertEquals(CONVERSION, h.stageAt(T0).orElseThrow());
    }

    @Provide
    Arbitrary<JourneyHistory> histories() {
        return Arbitraries.integers().between(1, 12).flatMap(n ->
                Arbitraries.longs().between(1, 10_000_000).list().ofSize(n).flatMap(gaps ->
                        Arbitraries.of(JourneyStage.class).list().ofSize(n).map(stages -> {
                            List<StageEntry> entries = new ArrayList<>();
                            Instant at = T0;
                            JourneyStage previous = null;
                            for (int i = 0; i < n; i++) {
                                JourneyStage s = stages.get(i);
                                if (s == previous) {
                                    s = JourneyStage.values()[(s.ordinal() + 1) % JourneyStage.values().length];
                                }
                                at = at.plusSeconds(gaps.get(i));
                                entries.add(StageEntry.of(s, at));
                                previous = s;
                            }
                            return JourneyHistory.of(entries);
                        })));
    }

    @Property
    void timeInStagesSumsToTheTimeSinceTheFirstEntry(@ForAll("histories") JourneyHistory h,
                                                     @ForAll @LongRange(min = 0, max = 100_000_000) long after) {
        Instant now = h.current().enteredAt().plusSeconds(after);
        Duration total = Duration.ZERO;
        for (JourneyStage s : JourneyStage.values()) {
            total = total.plus(h.timeIn(s, now));
        }
        assertEquals(Duration.between(h.entries().get(0).enteredAt(), now), total);
    }

    @Property
    void stageAtEachEntryIsThatEntrysStage(@ForAll("histories") JourneyHistory h) {
        for (StageEntry e : h.entries()) {
            assertEquals(e.stage(), h.stageAt(e.enteredAt()).orElseThrow());
        }
        assertEquals(h.currentStage(), h.stageAt(h.current().enteredAt().plusSeconds(1)).orElseThrow());
    }

    @Property
    void timeInStageNeverDecreasesAsTimePasses(@ForAll("histories") JourneyHistory h,
                                               @ForAll JourneyStage stage,
                                               @ForAll @LongRange(min = 0, max = 50_000_000) long a,
                                               @ForAll @LongRange(min = 0, max = 50_000_000) long b) {
        Instant first = h.entries().get(0).enteredAt();
        Instant earlier = first.plusSeconds(Math.min(a, b));
        Instant later = first.plusSeconds(Math.max(a, b));
        assertTrue(h.timeIn(stage, earlier).compareTo(h.timeIn(stage, later)) <= 0);
    }
}
