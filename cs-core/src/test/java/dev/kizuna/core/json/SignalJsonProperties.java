package dev.kizuna.core.json;

import dev.kizuna.core.signal.SignalArbitraries;
import dev.kizuna.core.signal.SignalHistory;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static dev.kizuna.core.json.EventJsonProperties.roundTrips;

/** Every signal type survives a trip through JSON unchanged, and equal values give identical JSON. */
class SignalJsonProperties {

    @Provide
    Arbitrary<SignalName> names() {
        return SignalArbitraries.names();
    }

    @Provide
    Arbitrary<SignalSnapshot> snapshots() {
        return SignalArbitraries.snapshots();
    }

    @Provide
    Arbitrary<SignalHistory> histories() {
        return SignalArbitraries.histories();
    }

    @Property
    void signalNameRoundTrips(@ForAll("names") SignalName value) throws Exception {
        roundTrips(value, SignalName.class);
    }

    @Property
    void signalSnapshotRoundTrips(@ForAll("snapshots") SignalSnapshot value) throws Exception {
        roundTrips(value, SignalSnapshot.class);
    }

    @Property(tries = 100)
    void signalHistoryRoundTrips(@ForAll("histories") SignalHistory value) throws Exception {
        roundTrips(value, SignalHistory.class);
    }
}
