package dev.kizuna.metrics.retention;

import dev.kizuna.core.CurrencyMismatchException;
import dev.kizuna.core.Money;
import dev.kizuna.metrics.Ratio;
import dev.kizuna.metrics.revenue.PeriodSummary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * ARPA, LTV, CAC, LTV:CAC and CAC payback. Amounts are exact; a division that does not terminate is rounded half-even
 * to {@value #SCALE} decimal places. Anything divided by zero is {@link Optional#empty()}.
 * <pre>
 * ARPA              = MRR / paying customers
 * LTV               = ARPA x gross margin x lifetime,  lifetime = 1 / monthly customer churn rate
 * CAC               = sales and marketing spend / new customers
 * LTV:CAC           = LTV / CAC
 * CAC payback (mo.) = CAC / (new-customer ARPA x gross margin)
 * </pre>
 * Tools: ChartMogul's LTV is ARPA / customer churn rate, where the rate is the six-month trailing average
 * ({@link LogoChurn#trailingMonthlyAverage}) and there is no margin: pass a margin of 1 to reproduce it. Baremetrics'
 * and Stripe's LTV divide ARPU by the user (subscriber) churn rate, also without margin. ChartMogul's ARPA is MRR
 * over the number of customers, as here; its ASP (average sale price) is {@link #newCustomerArpa(PeriodSummary)}.
 */
public final class UnitEconomics {
    /** Decimal places kept when a division does not terminate. */
    public static final int SCALE = 12;

    private UnitEconomics() {
    }

    /** Returns {@code mrr / payingCustomers}, or empty when there are none. */
    public static Optional<Money> arpa(Money mrr, long payingCustomers) {
        Objects.requireNonNull(mrr, "mrr");
        if (payingCustomers < 0) {
            throw new IllegalArgumentException("payingCustomers: " + payingCustomers + " must be >= 0");
        }
        return payingCustomers == 0 ? Optional.empty()
                : Optional.of(mrr.dividedBy(BigDecimal.valueOf(payingCustomers), SCALE, RoundingMode.HALF_EVEN));
    }

    /** Returns the ARPA at the end of a period: its end MRR over its paying customers at the end; empty if none. */
    public static Optional<Money> arpa(PeriodSummary summary) {
        Objects.requireNonNull(summary, "summary");
        return arpa(summary.endMrr(), summary.endCustomers());
    }

    /** Returns the ARPA of the period's new business: new MRR over new-business movements; empty if none. */
    public static Optional<Money> newCustomerArpa(PeriodSummary summary) {
        Objects.requireNonNull(summary, "summary");
        return arpa(summary.newMrr(), summary.newCount());
    }

    /**
     * Returns {@code ARPA x grossMargin / monthlyChurn}: the margin a customer brings over its expected lifetime.
     * With zero churn the result follows {@code policy}; with a capped policy every lifetime is
     * {@code min(1 / churn, cap)} months.
     *
     * @param arpa         the average monthly revenue per account
     * @param grossMargin  the gross margin, from 0 to 1 (1 reproduces the margin-free LTV of ChartMogul and Stripe)
     * @param monthlyChurn the monthly customer churn rate, from 0 to 1
     * @param policy       what to do when churn gives no finite lifetime
     * @throws IllegalArgumentException if the margin or the churn rate is outside 0 to 1
     */
    public static Optional<Money> ltv(Money arpa, BigDecimal grossMargin, Ratio monthlyChurn, ZeroChurnPolicy policy) {
        Objects.requireNonNull(arpa, "arpa");
        Objects.requireNonNull(monthlyChurn, "monthlyChurn");
        Objects.requireNonNull(policy, "policy");
        requireShare(grossMargin, "grossMargin");
        if (monthlyChurn.numerator().signum() < 0 || monthlyChurn.exceedsOne()) {
            throw new IllegalArgumentException("monthlyChurn: " + monthlyChurn + " must be from 0 to 1");
        }
        Money monthlyMargin = arpa.times(grossMargin);
        boolean zeroChurn = monthlyChurn.numerator().signum() == 0;
        if (policy.maxLifetimeMonths().isPresent()) {
            int cap = policy.maxLifetimeMonths().get();
            // 1 / churn >= cap  <=>  denominator >= cap x numerator
            boolean capBinds = zeroChurn || monthlyChurn.denominator()
                    .compareTo(monthlyChurn.numerator().multiply(BigDecimal.valueOf(cap))) >= 0;
            if (capBinds) {
                return Optional.of(monthlyMargin.times(cap));
            }
        } else if (zeroChurn) {
            return Optional.empty();
        }
        return Optional.of(monthlyMargin.times(monthlyChurn.denominator())
                .dividedBy(monthlyChurn.numerator(), SCALE, RoundingMode.HALF_EVEN));
    }

    /** Returns {@code salesAndMarketingSpend / newCustomers}, or empty when there were none. */
    public static Optional<Money> cac(Money salesAndMarketingSpend, long newCustomers) {
        Objects.requireNonNull(salesAndMarketingSpend, "salesAndMarketingSpend");
        if (salesAndMarketingSpend.isNegative()) {
            throw new IllegalArgumentException("salesAndMarketingSpend: " + salesAndMarketingSpend + " must not be negative");
        }
        return arpa(salesAndMarketingSpend, newCustomers);
    }

    /** Returns {@code ltv / cac}, or empty when CAC is zero. */
    public static Optional<Ratio> ltvToCac(Money ltv, Money cac) {
        Objects.requireNonNull(ltv, "ltv");
        Objects.requireNonNull(cac, "cac");
        if (cac.isNegative()) {
            throw new IllegalArgumentException("cac: " + cac + " must not be negative");
        }
        return Ratio.of(ltv, cac);
    }

    /**
     * Returns the months of gross margin from a new customer that repay its acquisition:
     * {@code cac / (newCustomerArpa x grossMargin)}, or empty when that monthly margin is zero.
     *
     * @throws CurrencyMismatchException if the amounts are in different currencies
     */
    public static Optional<BigDecimal> cacPaybackMonths(Money cac, Money newCustomerArpa, BigDecimal grossMargin) {
        Objects.requireNonNull(cac, "cac");
        Objects.requireNonNull(newCustomerArpa, "newCustomerArpa");
        requireShare(grossMargin, "grossMargin");
        return Ratio.of(cac, newCustomerArpa.times(grossMargin)).map(Ratio::value);
    }

    private static void requireShare(BigDecimal share, String field) {
        Objects.requireNonNull(share, field);
        if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(field + ": " + share.toPlainString() + " must be from 0 to 1");
        }
    }
}
