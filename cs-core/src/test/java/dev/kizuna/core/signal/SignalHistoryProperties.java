package dev.kizuna.core.signal;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignalHistoryProperties {

    @Provide
    Arbitrary<SignalHistory> histories() {
        return SignalArbitraries.histories();
    }

    @Provide
    Arbitrary<Instant> instants() {
        return dev.kizuna.core.event.EventArbitraries.instants();
    }

    @Property
    void atIsMonotone(@ForAll("histories") SignalHistory history, @ForAll("instants") Instant a, @ForAll("instants") Instant b) {
        Instant early = a.isBefore(b) ? a : b;
        Instant late = a.isBefore(b) ? b : a;
        Optional<SignalSnapshot> first = history.at(early);
        Optional<SignalSnapshot> second = history.at(late);
        if (first.isPresent()) {
            assertTrue(second.isPresent());
            assertFalse(second.get().at().isBefore(first.get().at()));
        }
    }

    @Property
    void atIsTheLatestSnapshotNotAfterTheInstant(@ForAll("histories") SignalHistory history, @ForAll("instants") Instant t) {
        Optional<SignalSnapshot> expected = Optional.empty();
        for (SignalSnapshot s : history.snapshots()) {
            if (!s.at().isAfter(t)) {
                expected = Optional.of(s);
            }
        }
        assertEquals(expected, history.at(t));
    }

    @Property
    void everySnapshotIsFoundAtItsOwnInstant(@ForAll("histories") SignalHistory history) {
        for (SignalSnapshot s : history.snapshots()) {
            assertEquals(Optional.of(s), history.at(s.at()));
        }
    }
}
