package dev.kizuna.core.sample;

import dev.kizuna.core.Account;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.core.journey.JourneyStage;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoPortfolioTest {
    private static final Portfolio DEMO = DemoPortfolio.generate();

    @Test
    void theSameSeedGivesTheSamePortfolio() {
        assertEquals(DEMO, DemoPortfolio.generate());
        assertFalse(DEMO.equals(DemoPortfolio.builder().seed(1).build()));
    }

    @Test
    void demoHasTwoThousandAccountsInThreeSegmentsAndEveryJourneyStage() {
        assertEquals(2_000, DEMO.accounts().size());
        assertEquals(Set.of("enterprise", "mid-market", "smb"),
                DEMO.accounts().stream().map(a -> a.segment().name()).collect(Collectors.toSet()));
        Set<JourneyStage> stages = EnumSet.noneOf(JourneyStage.class);
        DEMO.accounts().forEach(a -> stages.add(a.stage()));
        assertEquals(EnumSet.allOf(JourneyStage.class), stages);
        assertTrue(DEMO.accounts().stream().filter(a -> a.parent().isPresent()).count() > 5, "some child accounts");
    }

    @Test
    void parentsAreAccountsOfThePortfolio() {
        Map<AccountId, Account> byId = DEMO.accountsById();
        for (Account a : DEMO.accounts()) {
            a.parent().ifPresent(p -> assertTrue(byId.containsKey(p), a.id() + " has unknown parent " + p));
        }
    }

    @Test
    void historyHasEveryKindOfMovementWithinTheWindow() {
        Map<SubscriptionEvent.Kind, Integer> kinds = new HashMap<>();
        for (SubscriptionEvent e : DEMO.subscriptionEvents()) {
            kinds.merge(e.kind(), 1, Integer::sum);
            assertFalse(e.effectiveDate().isBefore(DEMO.start()), e.toString());
            assertTrue(e.effectiveDate().isBefore(DEMO.asOf()), e.toString());
        }
        assertEquals(EnumSet.allOf(SubscriptionEvent.Kind.class), kinds.keySet());
        assertEquals(LocalDate.of(2026, 1, 1), DEMO.asOf());
    }

    @Test
    void eventsOfEachSubscriptionAreInOrderStartFirstAndNothingAfterTheEnd() {
        Map<String, SubscriptionEvent> last = new HashMap<>();
        Set<String> ended = new HashSet<>();
        for (SubscriptionEvent e : DEMO.subscriptionEvents()) {
            String sub = e.subscriptionId();
            assertFalse(ended.contains(sub), "event after the end of " + sub);
            SubscriptionEvent previous = last.put(sub, e);
            if (previous == null) {
                assertEquals(SubscriptionEvent.Kind.START, e.kind(), sub);
            } else {
                assertTrue(e.effectiveDate().isAfter(previous.effectiveDate()), sub);
                assertFalse(e.recordedOn().isBefore(previous.effectiveDate()), sub);
            }
            if (e.kind() == SubscriptionEvent.Kind.CANCEL || e.kind() == SubscriptionEvent.Kind.END) {
                ended.add(sub);
            }
        }
    }

    @Test
    void settingsAreValidated() {
        var e = assertThrows(IllegalArgumentException.class, () -> DemoPortfolio.builder().accounts(0));
        assertEquals("accounts: 0 must be from 1 to 10000000", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DemoPortfolio.builder().start(LocalDate.of(2023, 1, 2)));
        assertThrows(IllegalArgumentException.class, () -> DemoPortfolio.builder().months(0));
    }
}
