package dev.kizuna.examples.cli;

import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.health.outcome.Outcome;

import java.util.List;

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
        return Outcome.churnsOf(events);
    }
}
