package dev.kizuna.core.event;

import dev.kizuna.core.CurrencyMismatchException;
import dev.kizuna.core.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiscountTest {

    @Test
    void percentOverHundredIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> Discount.percent(new BigDecimal("100.01")));
        assertEquals("discount.percentOff: 100.01 must be from 0 to 100", e.getMessage());
    }

    @Test
    void negativePercentIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> Discount.percent(new BigDecimal("-5")));
        assertTrue(e.getMessage().startsWith("discount.percentOff: -5 "), e.getMessage());
    }

    @Test
    void hundredPercentIsAllowedAndLeavesNothing() {
        Discount all = Discount.percent(new BigDecimal("100"));
        assertEquals(Money.zero(Money.currency("EUR")), all.applyTo(Money.of("99.99", "EUR")));
    }

    @Test
    void negativeAmountIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> Discount.amount(Money.of("-1", "EUR")));
        assertTrue(e.getMessage().startsWith("discount.amountOff: -1.00 EUR "), e.getMessage());
    }

    @Test
    void bothKindsAtOnceAreRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Discount(BigDecimal.TEN, Optional.of(Money.of("5", "EUR"))));
        assertEquals("discount: percentOff 10 and amountOff 5.00 EUR cannot both be set", e.getMessage());
    }

    @Test
    void nullPartsAreRejectedByName() {
        var e = assertThrows(NullPointerException.class, () -> new Discount(null, Optional.empty()));
        assertEquals("discount.percentOff", e.getMessage());
    }

    @Test
    void percentIsKeptInCanonicalForm() {
        assertEquals(Discount.percent(new BigDecimal("10")), Discount.percent(new BigDecimal("10.000")));
        assertEquals(BigDecimal.ZERO, Discount.percent(new BigDecimal("0.00")).percentOff());
    }

    @Test
    void noneAndZeroDiscountsTakeNothingOff() {
        assertTrue(Discount.none().isNone());
        assertTrue(Discount.amount(Money.of("0", "EUR")).isNone());
        assertFalse(Discount.percent(new BigDecimal("0.5")).isNone());
        assertEquals(Money.of("40", "EUR"), Discount.none().applyTo(Money.of("40", "EUR")));
    }

    @Test
    void percentDiscountTakesItsShare() {
        assertEquals(Money.of("90", "EUR"), Discount.percent(BigDecimal.TEN).applyTo(Money.of("100", "EUR")));
        assertEquals(Money.of("66.667", "EUR"),
                Discount.percent(new BigDecimal("33.333")).applyTo(Money.of("100", "EUR")));
    }

    @Test
    void amountDiscountNeverMakesTheAmountNegative() {
        Discount big = Discount.amount(Money.of("500", "EUR"));
        assertEquals(Money.zero(Money.currency("EUR")), big.applyTo(Money.of("120", "EUR")));
    }

    @Test
    void amountDiscountInAnotherCurrencyCannotBeApplied() {
        Discount usd = Discount.amount(Money.of("5", "USD"));
        assertThrows(CurrencyMismatchException.class, () -> usd.applyTo(Money.of("50", "EUR")));
    }
}
