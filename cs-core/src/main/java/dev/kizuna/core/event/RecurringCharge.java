package dev.kizuna.core.event;

import dev.kizuna.core.Money;
import dev.kizuna.core.internal.Checks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The recurring part of a subscription: a plan's unit price, a quantity, a billing interval and a discount.
 *
 * <p>Only recurring charges are modelled: tax, one-time fees and metered usage charges are not MRR and have no
 * place here.
 *
 * @param plan      the host's plan or product id, used to tell a cross-sell (another plan) from an upsell
 * @param unitPrice the list price of one unit for one billing period, not negative
 * @param quantity  the number of units (seats, licences), at least 1
 * @param interval  the billing interval
 * @param discount  the recurring discount
 * @param trial     whether the charge is in a free or paid trial; a trial is never MRR
 */
public record RecurringCharge(
        String plan, Money unitPrice, int quantity, BillingInterval interval, Discount discount, boolean trial) {

    /** The number of decimal places MRR keeps when a billing interval does not divide an amount exactly. */
    public static final int MRR_SCALE = 12;

    /** Validates the charge. */
    public RecurringCharge {
        Checks.identifier(plan, "charge.plan");
        Checks.nonNegative(unitPrice, "charge.unitPrice");
        Checks.positive(quantity, "charge.quantity");
        Objects.requireNonNull(interval, "charge.interval");
        Objects.requireNonNull(discount, "charge.discount");
        discount.amountOff().ifPresent(off -> {
            if (!off.currency().equals(unitPrice.currency())) {
                throw new IllegalArgumentException("charge.discount.amountOff: " + off
                        + " is not in the unit price's currency " + unitPrice.currency());
            }
        });
    }

    /** Returns a monthly, undiscounted, paid charge. */
    public static RecurringCharge monthly(String plan, Money unitPrice, int quantity) {
        return new RecurringCharge(plan, unitPrice, quantity, BillingInterval.MONTHLY, Discount.none(), false);
    }

    /** Returns the amount billed each period: unit price x quantity, less the discount. */
    public Money amountPerPeriod() {
        return discount.applyTo(unitPrice.times(quantity));
    }

    /**
     * Returns this charge's monthly recurring revenue: the amount per period divided by the months of the billing
     * interval, rounded half-even to {@value #MRR_SCALE} decimal places (so exact whenever the quotient has at most
     * that many); zero during a trial. A monthly charge's MRR is its amount per period, unrounded.
     *
     * <p>The rounding is the same whether or not the division terminates, so MRR never decreases as the amount grows:
     * a discount, however small, never raises it.
     */
    public Money mrr() {
        if (trial) {
            return Money.zero(unitPrice.currency());
        }
        Money perPeriod = amountPerPeriod();
        if (interval.months() == 1) {
            return perPeriod;
        }
        return Money.of(perPeriod.amount().divide(BigDecimal.valueOf(interval.months()), MRR_SCALE,
                RoundingMode.HALF_EVEN), perPeriod.currency());
    }
}
