package dev.kizuna.metrics.revenue;

import dev.kizuna.core.Money;
import dev.kizuna.core.event.BillingInterval;
import dev.kizuna.core.event.Discount;
import dev.kizuna.core.event.RecurringCharge;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The ledger's {@code long} arithmetic for a charge's MRR gives exactly what {@link RecurringCharge#mrr()} gives. */
class UnitsProperties {
    private static final java.util.Currency EUR = java.util.Currency.getInstance("EUR");

    private static RecurringCharge charge(long unscaledPrice, int priceScale, int quantity, BillingInterval interval,
                                          int discountKind, long discountUnscaled, int discountScale, boolean trial) {
        Money price = Money.of(BigDecimal.valueOf(unscaledPrice, priceScale), EUR);
        Discount discount = switch (discountKind) {
            case 0 -> Discount.none();
            case 1 -> Discount.percent(BigDecimal.valueOf(discountUnscaled % (100 * pow10(discountScale) + 1),
                    discountScale));
            default -> Discount.amount(Money.of(BigDecimal.valueOf(discountUnscaled, discountScale), EUR));
        };
        return new RecurringCharge("p", price, quantity, interval, discount, trial);
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    @Property(tries = 2000)
    void fastMrrIsExactlyTheChargesMrrOrDeclines(
            @ForAll @LongRange(min = 0, max = 2_000_000_000L) long unscaledPrice,
            @ForAll @IntRange(min = 0, max = 14) int priceScale, @ForAll @IntRange(min = 1, max = 5000) int quantity,
            @ForAll BillingInterval interval, @ForAll @IntRange(min = 0, max = 2) int discountKind,
            @ForAll @LongRange(min = 0, max = 1_000_000_000L) long discountUnscaled,
            @ForAll @IntRange(min = 0, max = 9) int discountScale, @ForAll boolean trial) {
        RecurringCharge c = charge(unscaledPrice, priceScale, quantity, interval, discountKind, discountUnscaled,
                discountScale, trial && unscaledPrice % 7 == 0);
        long fast = Units.mrr(c);
        if (fast != Units.NONE) {
            assertEquals(Units.of(c.mrr().amount()), fast, c::toString);
        }
    }

    @Test
    void everydayChargesTakeTheFastPath() {
        // Whole and cent prices, the usual intervals and discounts: no decimal fallback for any of them.
        for (String price : new String[] {"39", "19.99", "0.01", "1250.5"}) {
            for (BillingInterval interval : BillingInterval.values()) {
                for (Discount d : new Discount[] {Discount.none(), Discount.percent(BigDecimal.TEN),
                    Discount.percent(new BigDecimal("33.3")), Discount.percent(new BigDecimal("100")),
                    Discount.amount(Money.of("5", "EUR"))}) {
                    RecurringCharge c = new RecurringCharge("p", Money.of(price, "EUR"), 7, interval, d, false);
                    assertEquals(Units.of(c.mrr().amount()), Units.mrr(c), c::toString);
                }
            }
        }
        // 0.000000000012 every two years is 0.0000000000005 a month, which rounds half-even to 0 at 12 places...
        RecurringCharge tiny = new RecurringCharge("p", Money.of("0.000000000012", "EUR"), 1, BillingInterval.BIENNIAL,
                Discount.none(), false);
        assertEquals(0, Units.mrr(tiny));
        assertEquals(Units.of(tiny.mrr().amount()), Units.mrr(tiny));
        // ...while a monthly amount beyond 12 places is kept exact, which units cannot hold: the fast path declines.
        RecurringCharge monthly = new RecurringCharge("p", Money.of("0.0000000000005", "EUR"), 1,
                BillingInterval.MONTHLY, Discount.none(), false);
        assertEquals(Units.NONE, Units.mrr(monthly));
        assertEquals(Units.NONE, Units.of(monthly.mrr().amount()));
    }
}
