package dev.kizuna.examples.stumps;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import dev.kizuna.health.BandLever;
import dev.kizuna.health.Explanation;
import dev.kizuna.health.ModelId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The stumps model's levers stay inside the signal's domain. */
class StumpsLeverTest {
    private static final Instant AT = Instant.parse("2026-06-01T00:00:00Z");
    private static final SignalName TICKETS = SignalName.SUPPORT_OPEN_TICKETS;
    private static final SignalName CHAMPION = SignalName.RELATIONSHIP_CHAMPION_PRESENT;

    private static SignalSnapshot snapshot(SignalName signal, double value) {
        return SignalSnapshot.of(AccountId.of("acct"), AT, Map.of(signal, value));
    }

    @Test
    void aCountGoesBelowAFractionalThresholdAsAWholeNumber() {
        // Below 3.5 open tickets lowers churn risk enough for the next band; a count below 3.5 is at most 3.
        StumpsModel model = StumpsModel.of(StumpsDefinition.of(ModelId.of("s", "1"), 0,
                List.of(Stump.of(TICKETS, 3.5, -3, 1, 0))));
        Explanation e = model.explain(snapshot(TICKETS, 6), AT);
        BandLever lever = e.levers().get(0);
        assertEquals(new BandLever.Target(3, BandLever.Relation.AT_MOST), lever.target().orElseThrow());
        assertEquals("lower support.open_tickets from 6 to at most 3 to reach yellow", lever.describe());
    }

    @Test
    void aStepBeyondTheDomainIsNoLever() {
        // Only a champion flag of 5 or more would help: no flag (0 or 1) gets there.
        StumpsModel model = StumpsModel.of(StumpsDefinition.of(ModelId.of("s", "1"), 0,
                List.of(Stump.of(CHAMPION, 5, 1, -3, 0))));
        BandLever lever = model.explain(snapshot(CHAMPION, 0), AT).levers().get(0);
        assertFalse(lever.isReachable());
        assertEquals("no value of relationship.champion_present (0 or 1) reaches yellow", lever.obstacle()
                .orElseThrow());
    }
}
