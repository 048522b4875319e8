package dev.kizuna.core.signal;

import dev.kizuna.core.AccountId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static dev.kizuna.core.signal.SignalName.SENTIMENT_NPS;
import static dev.kizuna.core.signal.SignalName.USAGE_ACTIVE_USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignalHistoryTest {
    private static final AccountId ACME = AccountId.of("acme");
    private static final Instant D0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    private static SignalSnapshot users(Instant at, double value) {
        return SignalSnapshot.builder(ACME, at).put(USAGE_ACTIVE_USERS, value).build();
    }

    private static SignalHistory history() {
        return SignalHistory.of(ACME, List.of(
                users(D0, 100),
                users(D0.plus(DAY.multipliedBy(30)), 80),
                SignalSnapshot.builder(ACME, D0.plus(DAY.multipliedBy(45))).put(SENTIMENT_NPS, 20).build(),
                users(D0.plus(DAY.multipliedBy(60)), 70)));
    }

    @Test
    void snapshotOfAnotherAccountIsRejected() {
        SignalSnapshot other = SignalSnapshot.empty(AccountId.of("globex"), D0.plus(DAY));
        var e = assertThrows(IllegalArgumentException.class, () -> SignalHistory.of(ACME, List.of(users(D0, 1), other)));
        assertEquals("snapshots[1].account: globex is not the history's account acme", e.getMessage());
        var append = assertThrows(IllegalArgumentException.class, () -> SignalHistory.empty(ACME).append(other));
        assertEquals("snapshots[0].account: globex is not the history's account acme", append.getMessage());
    }

    @Test
    void snapshotsOutOfOrderAreRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> SignalHistory.of(ACME, List.of(users(D0.plus(DAY), 1), users(D0, 2))));
        assertEquals("snapshots[1].at: 2024-01-01T00:00:00Z is out of order: it must be after the previous snapshot's"
                + " 2024-01-02T00:00:00Z", e.getMessage());
    }

    @Test
    void snapshotsAtTheSameInstantAreRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> history().append(users(D0.plus(DAY.multipliedBy(60)), 1)));
        assertTrue(e.getMessage().startsWith("snapshots[4].at: 2024-03-01T00:00:00Z is out of order"), e.getMessage());
    }

    @Test
    void emptyHistoryHasNothing() {
        SignalHistory empty = SignalHistory.empty(ACME);
        assertTrue(empty.isEmpty());
        assertEquals(Optional.empty(), empty.latest());
        assertEquals(Optional.empty(), empty.at(D0));
        assertEquals(OptionalDouble.empty(), empty.change(USAGE_ACTIVE_USERS, DAY, D0));
    }

    @Test
    void atFindsTheLatestSnapshotAtOrBefore() {
        SignalHistory h = history();
        assertEquals(Optional.empty(), h.at(D0.minusNanos(1)));
        assertEquals(D0, h.at(D0).orElseThrow().at());
        assertEquals(D0, h.at(D0.plus(DAY.multipliedBy(30)).minusNanos(1)).orElseThrow().at());
        assertEquals(D0.plus(DAY.multipliedBy(30)), h.at(D0.plus(DAY.multipliedBy(30))).orElseThrow().at());
        assertEquals(D0.plus(DAY.multipliedBy(60)), h.at(D0.plus(DAY.multipliedBy(999))).orElseThrow().at());
        assertEquals(h.latest(), h.at(Instant.MAX));
    }

    @Test
    void changeIsRelativeToTheBaselineOfTheWindow() {
        SignalHistory h = history();
        // 100 -> 80 over 30 days: down 20%.
        assertEquals(-0.2, h.change(USAGE_ACTIVE_USERS, Duration.ofDays(30), D0.plus(DAY.multipliedBy(30))).getAsDouble(), 1e-12);
        // At day 60 the baseline is the day-30 snapshot (80); 80 -> 70 is down 12.5%.
        assertEquals(-0.125, h.change(USAGE_ACTIVE_USERS, Duration.ofDays(30), D0.plus(DAY.multipliedBy(60))).getAsDouble(), 1e-12);
    }

    @Test
    void changeIsEmptyWhenASnapshotLacksTheSignal() {
        SignalHistory h = history();
        // The day-45 snapshot has no active users, and nothing is carried forward from day 30.
        assertEquals(OptionalDouble.empty(), h.change(USAGE_ACTIVE_USERS, Duration.ofDays(15), D0.plus(DAY.multipliedBy(45))));
        assertEquals(OptionalDouble.empty(), h.change(SENTIMENT_NPS, Duration.ofDays(15), D0.plus(DAY.multipliedBy(60))));
        // No snapshot before the start of the window.
        assertEquals(OptionalDouble.empty(), h.change(USAGE_ACTIVE_USERS, Duration.ofDays(31), D0.plus(DAY.multipliedBy(30))));
    }

    @Test
    void changeFromZeroIsUndefined() {
        SignalHistory h = SignalHistory.of(ACME, List.of(users(D0, 0), users(D0.plus(DAY), 5)));
        assertEquals(OptionalDouble.empty(), h.change(USAGE_ACTIVE_USERS, DAY, D0.plus(DAY)));
    }

    @Test
    void changeFromANegativeBaselineUsesItsMagnitude() {
        SignalHistory h = SignalHistory.of(ACME, List.of(
                SignalSnapshot.builder(ACME, D0).put(SENTIMENT_NPS, -20).build(),
                SignalSnapshot.builder(ACME, D0.plus(DAY)).put(SENTIMENT_NPS, -10).build()));
        assertEquals(0.5, h.change(SENTIMENT_NPS, DAY, D0.plus(DAY)).getAsDouble(), 1e-12);
    }

    @Test
    void nonPositiveWindowIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> history().change(USAGE_ACTIVE_USERS, Duration.ZERO, D0));
        assertEquals("window: PT0S must be positive", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> history().change(USAGE_ACTIVE_USERS, DAY.negated(), D0));
    }

    @Test
    void appendKeepsTheOriginal() {
        SignalHistory h = history();
        SignalHistory longer = h.append(users(D0.plus(DAY.multipliedBy(90)), 50));
        assertEquals(4, h.snapshots().size());
        assertEquals(5, longer.snapshots().size());
        assertEquals(OptionalDouble.of(50), longer.valueAt(USAGE_ACTIVE_USERS, Instant.MAX));
    }
}
