package dev.kizuna.core.event;

import dev.kizuna.core.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecurringChargeTest {
    private static final Money HUNDRED = Money.of("100", "EUR");

    private static RecurringCharge charge(String price, int quantity, BillingInterval interval, Discount discount) {
        return new RecurringCharge("pro", Money.of(price, "EUR"), quantity, interval, discount, false);
    }

    @Test
    void intervalsCoverTheirMonths() {
        assertEquals(1, BillingInterval.MONTHLY.months());
        assertEquals(3, BillingInterval.QUARTERLY.months());
        assertEquals(6, BillingInterval.SEMI_ANNUAL.months());
        assertEquals(12, BillingInterval.ANNUAL.months());
        assertEquals(24, BillingInterval.BIENNIAL.months());
    }

    @Test
    void negativeUnitPriceIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> charge("-1", 1, BillingInterval.MONTHLY, Discount.none()));
        assertEquals("charge.unitPrice: -1.00 EUR must not be negative", e.getMessage());
    }

    @Test
    void zeroQuantityIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> charge("10", 0, BillingInterval.MONTHLY, Discount.none()));
        assertEquals("charge.quantity: 0 must be > 0", e.getMessage());
    }

    @Test
    void blankPlanIsRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new RecurringCharge("", HUNDRED, 1, BillingInterval.MONTHLY, Discount.none(), false));
        assertTrue(e.getMessage().startsWith("charge.plan: ''"), e.getMessage());
    }

    @Test
    void discountInAnotherCurrencyIsRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> charge("10", 1, BillingInterval.MONTHLY, Discount.amount(Money.of("1", "USD"))));
        assertEquals("charge.discount.amountOff: 1.00 USD is not in the unit price's currency EUR", e.getMessage());
    }

    @Test
    void monthlyMrrIsPriceTimesQuantity() {
        assertEquals(Money.of("300", "EUR"), RecurringCharge.monthly("pro", HUNDRED, 3).mrr());
    }

    @Test
    void annualMrrIsTheAmountDividedByTwelveExactly() {
        assertEquals(Money.of("100", "EUR"), charge("1200", 1, BillingInterval.ANNUAL, Discount.none()).mrr());
        // 99 / 12 = 8.25 terminates, so no rounding happens.
        assertEquals(Money.of("8.25", "EUR"), charge("99", 1, BillingInterval.ANNUAL, Discount.none()).mrr());
    }

    @Test
    void quarterlyMrrIsRoundedHalfEvenAtTheMrrScale() {
        Money mrr = charge("100", 1, BillingInterval.QUARTERLY, Discount.none()).mrr();
        assertEquals(Money.of("33.333333333333", "EUR"), mrr);
        assertEquals(RecurringCharge.MRR_SCALE, mrr.amount().scale());
        // 200 / 3 = 66.666..., which rounds up in the last place.
        assertEquals(Money.of("66.666666666667", "EUR"), charge("200", 1, BillingInterval.QUARTERLY, Discount.none()).mrr());
    }

    @Test
    void semiAnnualAndBiennialMrrDivideBySixAndTwentyFour() {
        assertEquals(Money.of("20", "EUR"), charge("120", 1, BillingInterval.SEMI_ANNUAL, Discount.none()).mrr());
        assertEquals(Money.of("5", "EUR"), charge("120", 1, BillingInterval.BIENNIAL, Discount.none()).mrr());
    }

    @Test
    void trialMrrIsZero() {
        RecurringCharge trial = new RecurringCharge("pro", HUNDRED, 5, BillingInterval.MONTHLY, Discount.none(), true);
        assertEquals(Money.zero(Money.currency("EUR")), trial.mrr());
        assertEquals(Money.of("500", "EUR"), trial.amountPerPeriod());
    }

    @Test
    void discountIsTakenBeforeNormalising() {
        RecurringCharge c = charge("1000", 2, BillingInterval.ANNUAL, Discount.percent(new BigDecimal("40")));
        assertEquals(Money.of("1200", "EUR"), c.amountPerPeriod());
        assertEquals(Money.of("100", "EUR"), c.mrr());
    }

    @Test
    void discountNeverMakesTheAmountNegative() {
        RecurringCharge c = charge("10", 2, BillingInterval.MONTHLY, Discount.amount(Money.of("50", "EUR")));
        assertEquals(Money.zero(Money.currency("EUR")), c.amountPerPeriod());
        assertEquals(Money.zero(Money.currency("EUR")), c.mrr());
    }

    @Test
    void mrrMatchesAnIndependentComputation() {
        RecurringCharge c = charge("49.99", 7, BillingInterval.QUARTERLY, Discount.amount(Money.of("15.5", "EUR")));
        BigDecimal expected = new BigDecimal("49.99").multiply(BigDecimal.valueOf(7)).subtract(new BigDecimal("15.5"))
                .divide(BigDecimal.valueOf(3), RecurringCharge.MRR_SCALE, RoundingMode.HALF_EVEN);
        assertEquals(Money.of(expected, Money.currency("EUR")), c.mrr());
    }

    @Test
    void aTinyDiscountNeverRaisesMrrThroughRounding() {
        // 0.00002 / 6 does not terminate and rounds to 12 places; less a 1e-18 % discount it terminates at 25 places.
        // Both are now rounded alike, so the discounted MRR is not above the full one (it used to be, by 3e-19).
        RecurringCharge full = new RecurringCharge("p", Money.of("0.00002", "EUR"), 1, BillingInterval.SEMI_ANNUAL,
                Discount.none(), false);
        RecurringCharge discounted = new RecurringCharge("p", Money.of("0.00002", "EUR"), 1,
                BillingInterval.SEMI_ANNUAL, Discount.percent(new BigDecimal("1e-18")), false);
        assertEquals(Money.of("0.000003333333", "EUR"), full.mrr());
        assertEquals(Money.of("0.000003333333", "EUR"), discounted.mrr());
    }
}
