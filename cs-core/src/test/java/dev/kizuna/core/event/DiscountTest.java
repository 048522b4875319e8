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

    @Test
    @org.junit.jupiter.api.Timeout(5)
    void aPercentageWithAHugeScaleIsRejectedBeforeAnythingPrintsOrComputesIt() {
        var e = assertThrows(IllegalArgumentException.class, () -> Discount.percent(new BigDecimal("1e-999999999")));
        assertEquals("discount.percentOff: 1E-999999999 has more than 18 digits after the decimal point", e.getMessage());
        var big = assertThrows(IllegalArgumentException.class, () -> Discount.percent(new BigDecimal("1e999999999")));
        assertEquals("discount.percentOff: 1E+999999999 must be from 0 to 100", big.getMessage());
        assertEquals(new BigDecimal("12.5"), Discount.percent(new BigDecimal("12.500000000000000000000")).percentOff());
    }

    @Test
    void aPercentOfTheLargestAmountDoesNotOverflowOnTheWay() {
        Money gross = Money.of("999999999999999999.999999999999999999", "EUR");
        assertEquals(Money.of(new BigDecimal("499999999999999999.9999999999999999995"), gross.currency()),
                Discount.percent(new BigDecimal("50")).applyTo(gross));
        assertEquals(Money.zero(gross.currency()), Discount.percent(new BigDecimal("100")).applyTo(gross));
    }

    @Test
    void aPercentOfAnAmountWithTheMostDecimalPlacesIsRoundedNotRejected() {
        Money gross = Money.of(BigDecimal.ONE.movePointLeft(Money.MAX_SCALE), Money.currency("EUR"));
        Money net = Discount.percent(new BigDecimal("33.333333333333333333")).applyTo(gross);
        assertEquals(gross, net);
    }
}
