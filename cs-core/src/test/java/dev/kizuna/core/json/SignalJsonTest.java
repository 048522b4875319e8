package dev.kizuna.core.json;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.signal.SignalHistory;
import dev.kizuna.core.signal.SignalName;
import dev.kizuna.core.signal.SignalSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.kizuna.core.json.JsonAssertions.LENIENT;
import static dev.kizuna.core.json.JsonAssertions.STRICT;
import static dev.kizuna.core.json.JsonAssertions.fails;
import static dev.kizuna.core.json.JsonAssertions.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SignalJsonTest {
    private static final String AT = "'at':'2024-04-01T00:00:00Z'";

    private static String snapshot(String values) {
        return json("{'account':'acme'," + AT + ",'values':" + values + "}");
    }

    @Test
    void snapshotValuesAreAnObjectKeyedBySignalName() throws Exception {
        SignalSnapshot s = SignalSnapshot.builder(AccountId.of("acme"), Instant.parse("2024-04-01T00:00:00Z"))
                .put(SignalName.USAGE_ACTIVE_USERS, 42)
                .put(SignalName.SENTIMENT_NPS, -12.5)
                .build();
        String written = STRICT.writeValueAsString(s);
        assertEquals(snapshot("{'sentiment.nps':-12.5,'usage.active_users':42.0}"), written);
        assertEquals(s, STRICT.readValue(snapshot("{'usage.active_users':42,'sentiment.nps':-12.5}"), SignalSnapshot.class));
    }

    @Test
    void signalNameIsAString() throws Exception {
        assertEquals("\"usage.trend_30d\"", STRICT.writeValueAsString(SignalName.USAGE_TREND_30D));
        fails(json("'Usage'"), SignalName.class, "$: signal: 'Usage' is not a signal name");
        fails(json("{'value':'usage'}"), SignalName.class, "$: expected a string but found object");
    }

    @Test
    void nonFiniteValueIsRejectedAtItsPath() {
        fails(LENIENT, snapshot("{'usage.active_users': NaN}"), SignalSnapshot.class,
                "$.values['usage.active_users']: NaN is not a finite number");
        fails(LENIENT, snapshot("{'sentiment.nps': -Infinity}"), SignalSnapshot.class,
                "$.values['sentiment.nps']: -Infinity is not a finite number");
        fails(snapshot("{'usage.active_users': 1e400}"), SignalSnapshot.class,
                "$.values['usage.active_users']: 1e400 is not a finite number");
    }

    @Test
    void nonNumberValueIsRejectedAtItsPath() {
        fails(snapshot("{'usage.active_users': '42'}"), SignalSnapshot.class,
                "$.values['usage.active_users']: expected a number but found string");
        fails(snapshot("{'usage.active_users': null}"), SignalSnapshot.class,
                "$.values['usage.active_users']: expected a number but found null");
        fails(snapshot("[1, 2]"), SignalSnapshot.class, "$.values: expected an object but found array");
    }

    @Test
    void badSignalNameIsRejectedAtItsPath() {
        fails(snapshot("{'Usage': 1}"), SignalSnapshot.class, "$.values.Usage: signal: 'Usage' is not a signal name");
        fails(snapshot("{'usage..x': 1}"), SignalSnapshot.class, "$.values['usage..x']: signal: 'usage..x'");
    }

    @Test
    void unknownAndMissingFieldsAreRejected() {
        fails(json("{'account':'acme'," + AT + ",'values':{},'source':'crm'}"), SignalSnapshot.class,
                "$.source: unknown field");
        fails(json("{'account':'acme'," + AT + "}"), SignalSnapshot.class, "$: missing required field 'values'");
        fails(json("{'account':'acme','values':{}}"), SignalSnapshot.class, "$: missing required field 'at'");
        fails(json("{'account':'acme','at':17,'values':{}}"), SignalSnapshot.class,
                "$.at: expected a string but found number");
    }

    @Test
    void historyRulesAreEnforcedAtTheSnapshotsPath() {
        String early = "{'account':'acme','at':'2024-01-01T00:00:00Z','values':{}}";
        String late = "{'account':'acme','at':'2024-02-01T00:00:00Z','values':{}}";
        fails(json("{'account':'acme','snapshots':[" + late + "," + early + "]}"), SignalHistory.class,
                "$.snapshots: snapshots[1].at: 2024-01-01T00:00:00Z is out of order");
        fails(json("{'account':'globex','snapshots':[" + early + "]}"), SignalHistory.class,
                "$.snapshots: snapshots[0].account: acme is not the history's account globex");
        fails(LENIENT, json("{'account':'acme','snapshots':[" + early + ",{'account':'acme','at':'2024-03-01T00:00:00Z',"
                + "'values':{'commercial.mrr':NaN}}]}"), SignalHistory.class,
                "$.snapshots[1].values['commercial.mrr']: NaN is not a finite number");
        fails(json("{'account':'acme'}"), SignalHistory.class, "$: missing required field 'snapshots'");
    }

    @Test
    void emptyHistoryRoundTrips() throws Exception {
        SignalHistory empty = SignalHistory.of(AccountId.of("acme"), List.of());
        String written = STRICT.writeValueAsString(empty);
        assertEquals(json("{'account':'acme','snapshots':[]}"), written);
        assertEquals(empty, STRICT.readValue(written, SignalHistory.class));
    }
}
