package dev.kizuna.core;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MoneyTest {
    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void equalAmountsWithDifferentScalesAreEqual() {
        assertEquals(Money.of("10.50", "EUR"), Money.of("10.5", "EUR"));
        assertEquals(Money.of("10.50", "EUR").hashCode(), Money.of("10.5", "EUR").hashCode());
        assertEquals(Money.of("0.00", "EUR"), Money.zero(EUR));
    }

    @Test
    void arithmeticAcrossCurrenciesIsRejected() {
        var e = assertThrows(CurrencyMismatchException.class, () -> Money.of("1", "EUR").plus(Money.of("1", "USD")));
        assertTrue(e.getMessage().contains("EUR") && e.getMessage().contains("USD"), e.getMessage());
        assertThrows(CurrencyMismatchException.class, () -> Money.of("1", "EUR").minus(Money.of("1", "USD")));
        assertThrows(CurrencyMismatchException.class, () -> Money.of("1", "EUR").compareTo(Money.of("1", "USD")));
    }

    @Test
    void unknownCurrencyCodeIsRejectedWithTheCode() {
        var e = assertThrows(IllegalArgumentException.class, () -> Money.of("1", "XYZ1"));
        assertTrue(e.getMessage().contains("'XYZ1'"), e.getMessage());
    }

    @Test
    void malformedAmountIsRejectedWithTheAmount() {
        var e = assertThrows(IllegalArgumentException.class, () -> Money.of("12,50", "EUR"));
        assertTrue(e.getMessage().startsWith("amount: '12,50'"), e.getMessage());
    }

    @Test
    void divisionIsExactWhenItTerminatesAndRoundedOnlyWhenAsked() {
        assertEquals(Money.of("2.5", "EUR"), Money.of("10", "EUR").dividedBy(BigDecimal.valueOf(4), 2, RoundingMode.HALF_EVEN));
        assertEquals(Money.of("3.33", "EUR"), Money.of("10", "EUR").dividedBy(BigDecimal.valueOf(3), 2, RoundingMode.HALF_EVEN));
        assertThrows(ArithmeticException.class, () -> Money.of("10", "EUR").dividedBy(BigDecimal.ZERO, 2, RoundingMode.HALF_EVEN));
    }

    @Test
    void roundingUsesTheCurrencysDigits() {
        assertEquals(Money.of("10.13", "EUR"), Money.of("10.125", "EUR").rounded(RoundingMode.HALF_UP));
        assertEquals(Money.of("10.12", "EUR"), Money.of("10.125", "EUR").rounded(RoundingMode.HALF_EVEN));
        assertEquals(Money.of("1013", "JPY"), Money.of("1012.5", "JPY").rounded(RoundingMode.HALF_UP));
    }

    @Test
    void toStringShowsTheCurrencysDigits() {
        assertEquals("1250.50 EUR", Money.of("1250.5", "EUR").toString());
        assertEquals("0.125 EUR", Money.of("0.125", "EUR").toString());
    }

    @Property
    void additionAndSubtractionAreInverse(@ForAll @BigRange(min = "-1e9", max = "1e9") BigDecimal a,
                                          @ForAll @BigRange(min = "-1e9", max = "1e9") BigDecimal b) {
        Money x = Money.of(a, EUR);
        Money y = Money.of(b, EUR);
        assertEquals(x, x.plus(y).minus(y));
        assertEquals(x.plus(y), y.plus(x));
    }

    @Property
    void signPredicatesAgreeWithCompareToZero(@ForAll @BigRange(min = "-1e6", max = "1e6") BigDecimal a) {
        Money x = Money.of(a, EUR);
        int sign = x.compareTo(Money.zero(EUR));
        assertEquals(sign < 0, x.isNegative());
        assertEquals(sign == 0, x.isZero());
        assertEquals(sign > 0, x.isPositive());
        assertEquals(x, x.negated().negated());
    }
}
