package dev.kizuna.examples.cli;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.health.backtest.Outcome;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The churn outcomes of a subscription history, for backtests of the demo portfolio and of a host's own data. */
final class PortfolioOutcomes {
    private PortfolioOutcomes() {
    }

    /**
     * Returns an account's churn each time its last subscription ends: on the effective date of the {@code CANCEL}
     * or {@code END} that leaves it without any subscription (the first day without service). A later {@code START}
     * makes it a customer again, and it can churn again.
     */
    static List<Outcome> churn(List<SubscriptionEvent> events) {
        List<SubscriptionEvent> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparing(SubscriptionEvent::effectiveDate).thenComparing(SubscriptionEvent::account)
                .thenComparing(SubscriptionEvent::subscriptionId));
        Map<AccountId, Set<String>> active = new HashMap<>();
        List<Outcome> out = new ArrayList<>();
        for (SubscriptionEvent e : ordered) {
            Set<String> subscriptions = active.computeIfAbsent(e.account(), a -> new HashSet<>());
            switch (e.kind()) {
                case START:
                case CHANGE:
                    subscriptions.add(e.subscriptionId());
                    break;
                default:
                    if (subscriptions.remove(e.subscriptionId()) && subscriptions.isEmpty()) {
                        out.add(Outcome.churned(e.account(), e.effectiveDate()));
                    }
                    break;
            }
        }
        return out;
    }
}
