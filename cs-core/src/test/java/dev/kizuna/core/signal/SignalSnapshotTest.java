package dev.kizuna.core.signal;

import dev.kizuna.core.AccountId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

import static dev.kizuna.core.signal.SignalName.SENTIMENT_NPS;
import static dev.kizuna.core.signal.SignalName.USAGE_ACTIVE_USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignalSnapshotTest {
    private static final AccountId ACME = AccountId.of("acme");
    private static final Instant AT = Instant.parse("2024-04-01T00:00:00Z");

    @Test
    void nanValueIsRejectedNamingTheSignal() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> SignalSnapshot.of(ACME, AT, Map.of(USAGE_ACTIVE_USERS, Double.NaN)));
        assertEquals("values['usage.active_users']: NaN must be a finite number", e.getMessage());
    }

    @Test
    void infiniteValueIsRejectedNamingTheSignal() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> SignalSnapshot.builder(ACME, AT).put(SENTIMENT_NPS, Double.NEGATIVE_INFINITY));
        assertEquals("values['sentiment.nps']: -Infinity must be a finite number", e.getMessage());
        var with = assertThrows(IllegalArgumentException.class,
                () -> SignalSnapshot.empty(ACME, AT).with(SENTIMENT_NPS, Double.POSITIVE_INFINITY));
        assertEquals("values['sentiment.nps']: Infinity must be a finite number", with.getMessage());
    }

    @Test
    void nullValueIsRejectedNamingTheSignal() {
        Map<SignalName, Double> values = new HashMap<>();
        values.put(SENTIMENT_NPS, null);
        var e = assertThrows(NullPointerException.class, () -> SignalSnapshot.of(ACME, AT, values));
        assertEquals("values['sentiment.nps']", e.getMessage());
    }

    @Test
    void missingAccountIsRejectedByName() {
        var e = assertThrows(NullPointerException.class, () -> SignalSnapshot.empty(null, AT));
        assertEquals("account", e.getMessage());
    }

    @Test
    void missingSignalsAreAbsentNotDefaulted() {
        SignalSnapshot s = SignalSnapshot.builder(ACME, AT).put(USAGE_ACTIVE_USERS, 42).build();
        assertEquals(OptionalDouble.of(42), s.value(USAGE_ACTIVE_USERS));
        assertTrue(s.has(USAGE_ACTIVE_USERS));
        assertEquals(OptionalDouble.empty(), s.value(SENTIMENT_NPS));
        assertFalse(s.has(SENTIMENT_NPS));
        assertEquals(1, s.size());
    }

    @Test
    void withReplacesOrAddsAndLeavesTheOriginalAlone() {
        SignalSnapshot s = SignalSnapshot.builder(ACME, AT).put("usage.active_users", 42).build();
        SignalSnapshot more = s.with(SENTIMENT_NPS, -20).with(USAGE_ACTIVE_USERS, 40);
        assertEquals(OptionalDouble.of(40), more.value(USAGE_ACTIVE_USERS));
        assertEquals(OptionalDouble.of(-20), more.value(SENTIMENT_NPS));
        assertEquals(OptionalDouble.of(42), s.value(USAGE_ACTIVE_USERS));
        assertFalse(s.has(SENTIMENT_NPS));
    }

    @Test
    void valuesAreCopiedSortedAndUnmodifiable() {
        TreeMap<SignalName, Double> values = SignalArbitraries.valuesOf(USAGE_ACTIVE_USERS, 3.0, SENTIMENT_NPS, 10.0);
        SignalSnapshot s = new SignalSnapshot(ACME, AT, values);
        values.clear();
        assertEquals(2, s.size());
        assertEquals(SENTIMENT_NPS, s.values().firstKey());
        assertThrows(UnsupportedOperationException.class, () -> s.values().put(SENTIMENT_NPS, 1.0));
    }

    @Test
    void builderRejectsBadCustomNames() {
        var e = assertThrows(IllegalArgumentException.class, () -> SignalSnapshot.builder(ACME, AT).put("Bad Name", 1));
        assertTrue(e.getMessage().startsWith("signal: 'Bad Name'"), e.getMessage());
    }

    @Test
    void valuesBehaveAsTheSortedMapTheyWereMadeFrom() {
        TreeMap<SignalName, Double> tree = new TreeMap<>();
        SignalName[] names = {SignalName.SUPPORT_OPEN_TICKETS, USAGE_ACTIVE_USERS, SENTIMENT_NPS,
                SignalName.of("custom.zeta"), SignalName.ENGAGEMENT_DAU_MAU};
        double[] inDomain = {2, 40, -20.5, -2.5, 0.4};
        for (int i = 0; i < names.length; i++) {
            tree.put(names[i], inDomain[i]);
        }
        SignalSnapshot s = new SignalSnapshot(ACME, AT, tree);
        assertEquals(tree, s.values());
        assertEquals(s.values(), tree);
        assertEquals(tree.hashCode(), s.values().hashCode());
        assertEquals(tree.toString(), s.values().toString());
        assertEquals(List.copyOf(tree.keySet()), List.copyOf(s.values().keySet()));
        assertEquals(tree.firstKey(), s.values().firstKey());
        assertEquals(tree.lastKey(), s.values().lastKey());
        assertEquals(tree.headMap(SENTIMENT_NPS), s.values().headMap(SENTIMENT_NPS));
        assertEquals(tree.tailMap(SENTIMENT_NPS), s.values().tailMap(SENTIMENT_NPS));
        assertEquals(tree.subMap(SignalName.ENGAGEMENT_DAU_MAU, USAGE_ACTIVE_USERS),
                s.values().subMap(SignalName.ENGAGEMENT_DAU_MAU, USAGE_ACTIVE_USERS));
        assertThrows(IllegalArgumentException.class, () -> s.values().subMap(USAGE_ACTIVE_USERS, SENTIMENT_NPS));
        int i = 0;
        for (Map.Entry<SignalName, Double> e : tree.entrySet()) {
            assertEquals(e.getKey(), s.nameAt(i));
            assertEquals(e.getValue(), s.valueAt(i));
            assertEquals(e.getValue(), s.values().get(e.getKey()));
            i++;
        }
        assertEquals(null, s.values().get(SignalName.of("custom.absent")));
        assertThrows(IndexOutOfBoundsException.class, () -> s.nameAt(names.length));
        assertThrows(IndexOutOfBoundsException.class, () -> s.valueAt(-1));
        assertThrows(UnsupportedOperationException.class, () -> s.values().remove(SENTIMENT_NPS));
        assertThrows(UnsupportedOperationException.class, () -> s.values().clear());
        assertThrows(UnsupportedOperationException.class,
                () -> s.values().entrySet().iterator().next().setValue(1.0));
        assertEquals(s, new SignalSnapshot(ACME, AT, s.values()));
    }

    @Test
    void valuesInAnotherOrderAreSortedByName() {
        TreeMap<SignalName, Double> reversed = new TreeMap<>(Comparator.reverseOrder());
        reversed.put(USAGE_ACTIVE_USERS, 1.0);
        reversed.put(SENTIMENT_NPS, 2.0);
        SignalSnapshot s = new SignalSnapshot(ACME, AT, reversed);
        assertEquals(SENTIMENT_NPS, s.nameAt(0));
        assertEquals(2.0, s.valueAt(0));
        assertEquals(USAGE_ACTIVE_USERS, s.values().lastKey());
    }
    @Test
    void impossibleValuesOfWellKnownSignalsAreRejectedNamingSignalValueAndDomain() {
        Map<SignalName, Double> impossible = new java.util.LinkedHashMap<>();
        impossible.put(SENTIMENT_NPS, 500.0);
        impossible.put(SignalName.ENGAGEMENT_LICENCE_UTILISATION, -2.0);
        impossible.put(SignalName.SUPPORT_OPEN_TICKETS, -4.0);
        impossible.put(SignalName.ADOPTION_FEATURE_BREADTH, 3.5);
        impossible.put(SignalName.RELATIONSHIP_CHAMPION_PRESENT, 7.0);
        impossible.put(SignalName.USAGE_ACTIVE_USERS, 2.5);
        impossible.put(SignalName.SENTIMENT_CES, 0.0);
        impossible.put(SignalName.USAGE_TREND_30D, -1.5);
        List<String> expected = List.of(
                "500 is outside the domain of sentiment.nps: a number from -100 to 100",
                "-2 is outside the domain of engagement.licence_utilisation: a number from 0 up",
                "-4 is outside the domain of support.open_tickets: a whole number from 0 up",
                "3.5 is outside the domain of adoption.feature_breadth: a number from 0 to 1",
                "7 is outside the domain of relationship.champion_present: 0 or 1",
                "2.5 is outside the domain of usage.active_users: a whole number from 0 up",
                "0 is outside the domain of sentiment.ces: a number from 1 to 7",
                "-1.5 is outside the domain of usage.trend_30d: a number from -1 up");
        int i = 0;
        for (Map.Entry<SignalName, Double> e : impossible.entrySet()) {
            SignalName name = e.getKey();
            double value = e.getValue();
            String message = expected.get(i++);
            assertEquals(message, assertThrows(IllegalArgumentException.class,
                    () -> SignalSnapshot.of(ACME, AT, Map.of(name, value))).getMessage());
            assertEquals(message, assertThrows(IllegalArgumentException.class,
                    () -> SignalSnapshot.builder(ACME, AT).put(name, value)).getMessage());
            assertEquals(message, assertThrows(IllegalArgumentException.class,
                    () -> SignalSnapshot.empty(ACME, AT).with(name, value)).getMessage());
        }
    }

    @Test
    void customSignalsTakeAnyFiniteNumber() {
        SignalName custom = SignalName.of("custom.api_calls_7d");
        SignalSnapshot s = SignalSnapshot.builder(ACME, AT).put(custom, -1e300).build().with(custom, 2.5);
        assertEquals(OptionalDouble.of(2.5), s.value(custom));
    }

    @Test
    void moreEscalatedThanOpenTicketsIsRejected() {
        String message = "support.escalated_tickets: 5 is more than support.open_tickets, 3: escalated tickets are"
                + " among the open tickets";
        SignalName open = SignalName.SUPPORT_OPEN_TICKETS;
        SignalName escalated = SignalName.SUPPORT_ESCALATED_TICKETS;
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> SignalSnapshot.of(ACME, AT, Map.of(open, 3.0, escalated, 5.0))).getMessage());
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> SignalSnapshot.builder(ACME, AT).put(escalated, 5).put(open, 3).build()).getMessage());
        SignalSnapshot both = SignalSnapshot.of(ACME, AT, Map.of(open, 5.0, escalated, 5.0));
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> both.with(open, 3)).getMessage());
        // Either alone is fine, whatever its size.
        assertEquals(OptionalDouble.of(9), SignalSnapshot.empty(ACME, AT).with(escalated, 9).value(escalated));
    }

    @Test
    void domainOfNarrowsTheTicketsByEachOther() {
        SignalName open = SignalName.SUPPORT_OPEN_TICKETS;
        SignalName escalated = SignalName.SUPPORT_ESCALATED_TICKETS;
        SignalSnapshot s = SignalSnapshot.of(ACME, AT, Map.of(open, 4.0, escalated, 2.0, SENTIMENT_NPS, 10.0));
        assertEquals(new SignalDomain(2, Double.MAX_VALUE, true), s.domainOf(open));
        assertEquals(new SignalDomain(0, 4, true), s.domainOf(escalated));
        assertEquals(SignalDomain.between(-100, 100), s.domainOf(SENTIMENT_NPS));
        SignalSnapshot alone = SignalSnapshot.of(ACME, AT, Map.of(open, 4.0));
        assertEquals(new SignalDomain(0, 4, true), alone.domainOf(escalated));
        assertEquals(SignalDomain.COUNT, alone.domainOf(open));
        assertEquals(SignalDomain.COUNT, SignalSnapshot.empty(ACME, AT).domainOf(escalated));
        assertEquals(SignalDomain.ANY, s.domainOf(SignalName.of("custom.x")));
    }
}
