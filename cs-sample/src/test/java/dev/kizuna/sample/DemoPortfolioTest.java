package dev.kizuna.sample;

import dev.kizuna.core.Account;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.Portfolio;
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
    void activityCoversUsageSurveysTicketsSignalsAndPlans() {
        assertTrue(DEMO.usage().size() > 30_000, "monthly usage of ~2,000 accounts over 36 months");
        Set<dev.kizuna.core.event.SurveyResponse.Kind> kinds = EnumSet.noneOf(dev.kizuna.core.event.SurveyResponse.Kind.class);
        DEMO.surveys().forEach(s -> kinds.add(s.kind()));
        assertEquals(EnumSet.allOf(dev.kizuna.core.event.SurveyResponse.Kind.class), kinds);
        assertFalse(DEMO.tickets().isEmpty());
        assertEquals(DEMO.usage().size(), DEMO.signals().size(), "one snapshot per customer-month");
        Set<dev.kizuna.core.plan.PlanStatus> statuses = EnumSet.noneOf(dev.kizuna.core.plan.PlanStatus.class);
        DEMO.plans().forEach(p -> statuses.add(p.status(DEMO.asOf())));
        assertEquals(EnumSet.allOf(dev.kizuna.core.plan.PlanStatus.class), statuses);
        for (var s : DEMO.signals()) {
            assertTrue(s.at().isBefore(DEMO.asOf().plusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC)));
        }
    }

    @Test
    void churnersWereLessEngagedBeforeTheyLeftThanTheCustomersWhoStayed() {
        // The signals must carry information about churn, or backtests of health scores have nothing to find.
        Set<AccountId> churned = new HashSet<>();
        Set<AccountId> active = new HashSet<>();
        Map<String, AccountId> subscriptionOwner = new HashMap<>();
        Map<AccountId, Integer> open = new HashMap<>();
        for (SubscriptionEvent e : DEMO.subscriptionEvents()) {
            subscriptionOwner.put(e.subscriptionId(), e.account());
            int delta = switch (e.kind()) {
                case START -> 1;
                case CANCEL, END -> -1;
                case CHANGE -> 0;
            };
            open.merge(e.account(), delta, Integer::sum);
        }
        open.forEach((id, n) -> (n > 0 ? active : churned).add(id));
        Map<AccountId, Double> lastUtilisation = new HashMap<>();
        for (var s : DEMO.signals()) {
            s.value(dev.kizuna.core.signal.SignalName.ENGAGEMENT_LICENCE_UTILISATION)
                    .ifPresent(v -> lastUtilisation.put(s.account(), v));
        }
        double churners = churned.stream().filter(lastUtilisation::containsKey).mapToDouble(lastUtilisation::get).average().orElseThrow();
        double stayers = active.stream().filter(lastUtilisation::containsKey).mapToDouble(lastUtilisation::get).average().orElseThrow();
        assertTrue(churners + 0.1 < stayers, "churners " + churners + " vs stayers " + stayers);
    }

    @Test
    void subscriptionsOnlyLeavesOutActivityButKeepsTheSameSubscriptions() {
        Portfolio lean = DemoPortfolio.builder().accounts(300).subscriptionsOnly().build();
        Portfolio full = DemoPortfolio.builder().accounts(300).build();
        assertTrue(lean.usage().isEmpty() && lean.signals().isEmpty() && lean.plans().isEmpty());
        assertTrue(full.subscriptionEvents().equals(lean.subscriptionEvents()), "the same subscription history");
        assertEquals(full.accounts(), lean.accounts());
    }

    @Test
    void settingsAreValidated() {
        var e = assertThrows(IllegalArgumentException.class, () -> DemoPortfolio.builder().accounts(0));
        assertEquals("accounts: 0 must be from 1 to 10000000", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DemoPortfolio.builder().start(LocalDate.of(2023, 1, 2)));
        assertThrows(IllegalArgumentException.class, () -> DemoPortfolio.builder().months(0));
    }
}
