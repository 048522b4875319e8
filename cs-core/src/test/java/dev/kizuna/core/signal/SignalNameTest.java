package dev.kizuna.core.signal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignalNameTest {

    @Test
    void validNamesAreAccepted() {
        for (String name : List.of("a", "usage.active_users", "custom.api_calls_7d", "x1.2.y_", "a.__")) {
            assertEquals(name, SignalName.of(name).value());
        }
    }

    @Test
    void namesBreakingTheSyntaxAreRejected() {
        for (String name : List.of("", "Usage.active", "1usage", "_usage", "usage.", ".usage", "usage..x", "usage-x",
                "usage x", "usagé", "usage.Active")) {
            var e = assertThrows(IllegalArgumentException.class, () -> SignalName.of(name), name);
            assertTrue(e.getMessage().startsWith("signal: '" + name + "' is not a signal name"), e.getMessage());
        }
    }

    @Test
    void nameOverTheLengthLimitIsRejected() {
        assertEquals(128, SignalName.of("a".repeat(128)).value().length());
        var e = assertThrows(IllegalArgumentException.class, () -> SignalName.of("a".repeat(129)));
        assertTrue(e.getMessage().startsWith("signal: '" + "a".repeat(40) + "...' has 129 characters, over the limit of 128"),
                e.getMessage());
    }

    @Test
    void nullNameIsRejectedByName() {
        var e = assertThrows(NullPointerException.class, () -> SignalName.of(null));
        assertEquals("signal", e.getMessage());
    }

    @Test
    void catalogueHoldsEveryWellKnownNameSorted() {
        Set<String> expected = Set.of(
                "usage.active_users", "usage.logins_30d", "usage.trend_30d",
                "adoption.feature_breadth", "adoption.feature_depth",
                "engagement.dau_mau", "engagement.licence_utilisation",
                "sentiment.nps", "sentiment.csat", "sentiment.ces",
                "support.open_tickets", "support.escalated_tickets",
                "commercial.days_to_renewal", "commercial.payment_issues", "commercial.mrr", "commercial.mrr_change_90d",
                "onboarding.progress",
                "relationship.champion_present", "relationship.executive_sponsor");
        Set<String> actual = SignalName.catalogue().stream().map(SignalName::value).collect(Collectors.toSet());
        assertEquals(expected, actual);
        assertEquals(new TreeSet<>(expected), SignalName.catalogue().stream().map(SignalName::value)
                .collect(Collectors.toCollection(TreeSet::new)));
        assertEquals("adoption.feature_breadth", SignalName.catalogue().first().value());
        assertThrows(UnsupportedOperationException.class, () -> SignalName.catalogue().add(SignalName.of("x")));
    }

    @Test
    void wellKnownNamesAreRecognisedAndCustomOnesAreNot() {
        assertTrue(SignalName.USAGE_ACTIVE_USERS.isWellKnown());
        assertTrue(SignalName.of("sentiment.nps").isWellKnown());
        assertEquals(SignalName.SENTIMENT_NPS, SignalName.of("sentiment.nps"));
        assertFalse(SignalName.of("custom.api_calls_7d").isWellKnown());
    }

    @Test
    void namesSortByText() {
        assertTrue(SignalName.of("a.b").compareTo(SignalName.of("a.c")) < 0);
        assertEquals("usage.active_users", SignalName.USAGE_ACTIVE_USERS.toString());
    }
    @Test
    void theReadmeTableGivesEveryWellKnownSignalWithItsDomain() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        for (SignalName name : SignalName.catalogue()) {
            String row = readme.lines().filter(l -> l.startsWith("| `" + name.value() + "` |")).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " has no row in cs-core/README.md"));
            String[] cells = row.split("\\|");
            assertTrue(cells[4].strip().startsWith(name.domain().describe()), name + ": " + row);
        }
        assertEquals(SignalName.catalogue().size(), readme.lines().filter(l -> l.matches("\\| `[a-z_.0-9]+` \\|.*"))
                .count(), "one row per well-known signal, and no other");
    }
}
