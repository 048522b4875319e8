package dev.kizuna.metrics.revenue;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Money;
import dev.kizuna.core.event.SubscriptionEvent;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What one subscription event did to that subscription's MRR, as the ledger applied it: the input of the upsell and
 * cross-sell metrics. {@link MrrLedger#subscriptionChanges(dev.kizuna.metrics.DateRange)} lists them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param account             the customer
 * @param subscriptionId      the subscription
 * @param kind                the event's kind
 * @param date                the day the ledger applied it (for a cancellation, as {@link ChurnRecognition} says)
 * @param planBefore          the subscription's plan before the event; empty when it was not active
 * @param planAfter           the subscription's plan after the event; empty when it ended
 * @param mrrBefore           the subscription's MRR before the event
 * @param mrrAfter            the subscription's MRR after the event
 * @param customerMrrBefore   the customer's total MRR the day before the event
 * @param planNewToCustomer   whether no subscription of the customer was active on {@code planAfter} the day before
 *                            (always false when the event ends the subscription): a subscription started on such a
 *                            plan by a paying customer is a cross-sell
 */
public record SubscriptionChange(
        AccountId account,
        String subscriptionId,
        SubscriptionEvent.Kind kind,
        LocalDate date,
        Optional<String> planBefore,
        Optional<String> planAfter,
        Money mrrBefore,
        Money mrrAfter,
        Money customerMrrBefore,
        boolean planNewToCustomer) {

    /** Validates the parts. */
    public SubscriptionChange {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(planBefore, "planBefore");
        Objects.requireNonNull(planAfter, "planAfter");
        Objects.requireNonNull(mrrBefore, "mrrBefore");
        Objects.requireNonNull(mrrAfter, "mrrAfter");
        Objects.requireNonNull(customerMrrBefore, "customerMrrBefore");
    }

    /** Returns {@code mrrAfter - mrrBefore}. */
    public Money change() {
        return mrrAfter.minus(mrrBefore);
    }
}
