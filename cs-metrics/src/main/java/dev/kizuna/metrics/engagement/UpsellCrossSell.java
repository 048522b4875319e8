package dev.kizuna.metrics.engagement;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Money;
import dev.kizuna.core.event.SubscriptionEvent;
import dev.kizuna.metrics.DateRange;
import dev.kizuna.metrics.Ratio;
import dev.kizuna.metrics.revenue.CustomerHistory;
import dev.kizuna.metrics.revenue.MrrLedger;
import dev.kizuna.metrics.revenue.SubscriptionChange;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Upsell and cross-sell among the customers paying when a period starts, from the subscription changes of an
 * {@link MrrLedger}:
 * <ul>
 *   <li><b>cross-sell</b>: a subscription started on a plan the customer did not hold the day before; amount: its
 *       MRR;</li>
 *   <li><b>upsell</b>: any other increase of one subscription's MRR (more seats, a higher plan, a price rise or a
 *       discount ending; the ledger does not know why), or a further subscription on a plan the customer already
 *       holds; amount: the increase. A subscription replaced by another on the same day is a plan change: upsell of
 *       the net increase, never a cross-sell.</li>
 * </ul>
 * <pre>
 * upsell rate     = customers with an upsell in the period / customers paying at its start
 * cross-sell rate = customers with a cross-sell in the period / customers paying at its start
 * </pre>
 * Increases of customers who started paying in the period are not counted; their number (customer-days with an
 * increase) is reported in {@link #newCustomerIncreases()}. Amounts are gross (a contraction of another subscription
 * does not offset them), so they need not equal the ledger's net expansion.
 *
 * <p>Immutable and thread-safe.
 *
 * @param period                the period
 * @param customersAtStart      customers paying the day before the period
 * @param upsellCustomers       of those, customers with at least one upsell
 * @param upsellMrr             the MRR added by their upsells
 * @param crossSellCustomers    of those, customers with at least one cross-sell
 * @param crossSellMrr          the MRR added by their cross-sells
 * @param newCustomerIncreases  increases by customers who were not paying at the start, not counted above
 */
public record UpsellCrossSell(DateRange period, long customersAtStart, long upsellCustomers, Money upsellMrr,
                              long crossSellCustomers, Money crossSellMrr, long newCustomerIncreases) {

    /** Validates the parts. */
    public UpsellCrossSell {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(upsellMrr, "upsellMrr");
        Objects.requireNonNull(crossSellMrr, "crossSellMrr");
        if (upsellCustomers < 0 || upsellCustomers > customersAtStart || crossSellCustomers < 0
                || crossSellCustomers > customersAtStart || newCustomerIncreases < 0) {
            throw new IllegalArgumentException("upsellCustomers " + upsellCustomers + " and crossSellCustomers "
                    + crossSellCustomers + " must be from 0 to customersAtStart " + customersAtStart);
        }
        if (upsellMrr.isNegative() || crossSellMrr.isNegative()) {
            throw new IllegalArgumentException("upsellMrr " + upsellMrr + " and crossSellMrr " + crossSellMrr
                    + " must not be negative");
        }
    }

    /** Returns the upsell and cross-sell of {@code period}. */
    public static UpsellCrossSell of(MrrLedger ledger, DateRange period) {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(period, "period");
        LocalDate dayBefore = period.start().minusDays(1);
        Set<AccountId> atStart = new HashSet<>();
        for (CustomerHistory h : ledger.histories()) {
            if (h.isPayingOn(dayBefore)) {
                atStart.add(h.account());
            }
        }
        Set<AccountId> upsold = new HashSet<>();
        Set<AccountId> crossSold = new HashSet<>();
        Money upsell = Money.zero(ledger.currency());
        Money crossSell = Money.zero(ledger.currency());
        long fromNew = 0;
        List<SubscriptionChange> changes = ledger.subscriptionChanges(period);
        int i = 0;
        while (i < changes.size()) {
            // One customer's changes on one day (the list is ordered by date, then account).
            int j = i;
            while (j < changes.size() && changes.get(j).account().equals(changes.get(i).account())
                    && changes.get(j).date().equals(changes.get(i).date())) {
                j++;
            }
            SubscriptionChange first = changes.get(i);
            Money ended = Money.zero(ledger.currency());
            Money started = Money.zero(ledger.currency());
            boolean newPlan = false;
            Money increases = Money.zero(ledger.currency());
            for (SubscriptionChange c : changes.subList(i, j)) {
                boolean ends = c.kind() == SubscriptionEvent.Kind.CANCEL || c.kind() == SubscriptionEvent.Kind.END;
                if (ends) {
                    ended = ended.plus(c.mrrBefore());
                } else if (c.kind() == SubscriptionEvent.Kind.START) {
                    started = started.plus(c.mrrAfter());
                    newPlan |= c.planNewToCustomer() && c.mrrAfter().isPositive();
                } else if (c.change().isPositive()) {
                    increases = increases.plus(c.change());
                }
            }
            i = j;
            boolean paying = first.customerMrrBefore().isPositive();
            // A subscription replaced by another the same day is a plan change: only its net increase is upsell.
            Money zero = Money.zero(ledger.currency());
            Money switched = ended.isPositive() ? started.minus(ended).max(zero) : zero;
            Money dayCrossSell = !ended.isPositive() && newPlan ? started : zero;
            Money dayUpsell = increases.plus(switched).plus(!ended.isPositive() && !newPlan ? started : zero);
            if (!paying || (!dayCrossSell.isPositive() && !dayUpsell.isPositive())) {
                continue;
            }
            if (!atStart.contains(first.account())) {
                fromNew++;
                continue;
            }
            if (dayCrossSell.isPositive()) {
                crossSold.add(first.account());
                crossSell = crossSell.plus(dayCrossSell);
            }
            if (dayUpsell.isPositive()) {
                upsold.add(first.account());
                upsell = upsell.plus(dayUpsell);
            }
        }
        return new UpsellCrossSell(period, atStart.size(), upsold.size(), upsell, crossSold.size(), crossSell, fromNew);
    }

    /** Returns the share of customers paying at the start who were upsold, or empty when there were none. */
    public Optional<Ratio> upsellRate() {
        return Ratio.of(upsellCustomers, customersAtStart);
    }

    /** Returns the share of customers paying at the start who were cross-sold, or empty when there were none. */
    public Optional<Ratio> crossSellRate() {
        return Ratio.of(crossSellCustomers, customersAtStart);
    }
}
