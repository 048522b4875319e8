package dev.kizuna.core;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Money's limits: every amount, however written, is accepted or rejected in bounded time, with the reason. */
class MoneyLimitsTest {
    private static final Currency EUR = Currency.getInstance("EUR");

    @ParameterizedTest
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    @CsvSource(delimiter = '|', value = {
            "1e10000000    | amount: '1e10000000' is out of range: at most 18 digits before the decimal point",
            "1e6000        | amount: '1e6000' is out of range: at most 18 digits before the decimal point",
            "1e-999999999  | amount: '1e-999999999' has more than 18 digits after the decimal point",
            "1e-2147483649 | amount: '1e-2147483649' has more than 18 digits after the decimal point",
            "1e2147483648  | amount: '1e2147483648' is out of range: at most 18 digits before the decimal point",
            "-5E+99999999999999999999 | amount: '-5E+99999999999999999999' is out of range: at most 18 digits before the decimal point",
            "1e18          | amount: '1e18' is out of range: at most 18 digits before the decimal point",
            "0.0000000000000000001 | amount: '0.0000000000000000001' has more than 18 digits after the decimal point",
            "١٠            | amount: '١٠' is not a decimal number (ASCII digits, an optional sign, decimal point and exponent, such as 1250.00)",
            "1,5           | amount: '1,5' is not a decimal number (ASCII digits, an optional sign, decimal point and exponent, such as 1250.00)",
            "NaN           | amount: 'NaN' is not a decimal number (ASCII digits, an optional sign, decimal point and exponent, such as 1250.00)",
            "0x10          | amount: '0x10' is not a decimal number (ASCII digits, an optional sign, decimal point and exponent, such as 1250.00)",
    })
    void hostileAmountsAreRejectedQuicklyWithTheReason(String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> Money.parseAmount(text)).getMessage());
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> Money.of(text, "EUR")).getMessage());
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void aTenThousandDigitNumberIsRejectedByItsLength() {
        var e = assertThrows(IllegalArgumentException.class, () -> Money.parseAmount("9".repeat(10_000)));
        assertEquals("amount: '" + "9".repeat(40) + "...' has 10000 characters, over the limit of 64", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0e-999999999", "0e999999999", "-0.0e-99999999999", "0E-2147483649", "0.000e+5"})
    void aZeroWithAHugeExponentIsZeroWithABoundedScale(String text) {
        BigDecimal zero = Money.parseAmount(text);
        assertEquals(0, zero.signum());
        assertTrue(zero.scale() >= 0 && zero.scale() <= Money.MAX_INPUT_FRACTION_DIGITS, zero::toString);
        assertEquals(Money.zero(EUR), Money.of(text, "EUR"));
    }

    @Test
    void anAcceptedAmountsPlainTextReadsBack() {
        // Found by MoneyFuzzTest: 55 followed by 48 zeros, times 1e-50, kept 50 decimal places, so its plain text
        // (0.55 and 48 zeros, 65 characters) was over the limit it had been read within.
        String text = "55" + "0".repeat(48) + "e-50";
        BigDecimal amount = Money.parseAmount(text);
        assertEquals(new BigDecimal("0.550000000000000000"), amount);
        assertEquals(0, amount.compareTo(Money.parseAmount(amount.toPlainString())));
        assertEquals(61, Money.parseAmount("1." + "0".repeat(61), Money.MAX_SCALE).scale());
    }

    @Test
    void aZeroKeepsTheScaleItWasWrittenWith() {
        assertEquals(2, Money.parseAmount("0.00").scale());
        assertEquals(0, Money.parseAmount("-0").scale());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "eur   | currency: 'eur' is not an ISO 4217 currency code (three capital letters, such as EUR or JPY)",
            "EURO  | currency: 'EURO' is not an ISO 4217 currency code (three capital letters, such as EUR or JPY)",
            "ＥＵＲ | currency: 'ＥＵＲ' is not an ISO 4217 currency code (three capital letters, such as EUR or JPY)",
            "QQQ   | currency: 'QQQ' is not an ISO 4217 currency code (three capital letters, such as EUR or JPY)",
    })
    void currencyCodesAreThreeCapitalLettersOfAKnownCurrency(String code, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> Money.currency(code)).getMessage());
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void divisionIsBoundedWhateverTheDivisorsExponent() {
        Money ten = Money.of("10", "EUR");
        var huge = assertThrows(IllegalArgumentException.class,
                () -> ten.dividedBy(new BigDecimal("1e-999999999"), 12, RoundingMode.HALF_EVEN));
        assertEquals("amount: 10.00 EUR divided by 1E-999999999 is out of range: at most 18 digits before the decimal"
                + " point", huge.getMessage());
        assertEquals(Money.zero(EUR), ten.dividedBy(new BigDecimal("1e999999999"), 12, RoundingMode.HALF_EVEN));
        assertEquals(Money.of("0.000000000001", "EUR"),
                ten.dividedBy(new BigDecimal("1e999999999"), 12, RoundingMode.UP));
        assertEquals(Money.of("-0.000000000001", "EUR"),
                ten.negated().dividedBy(new BigDecimal("1e999999999"), 12, RoundingMode.FLOOR));
        assertThrows(ArithmeticException.class,
                () -> ten.dividedBy(new BigDecimal("1e999999999"), 12, RoundingMode.UNNECESSARY));
        var scale = assertThrows(IllegalArgumentException.class, () -> ten.dividedBy(BigDecimal.ONE, 65,
                RoundingMode.HALF_EVEN));
        assertEquals("scale: 65 must be from 0 to 64", scale.getMessage());
    }

    @Test
    void aTerminatingQuotientTooLongForMoneyIsRoundedNotRejected() {
        Money tiny = Money.of(BigDecimal.ONE.movePointLeft(Money.MAX_SCALE), EUR);
        assertEquals(Money.of(BigDecimal.ONE.movePointLeft(Money.MAX_SCALE), EUR).dividedBy(BigDecimal.valueOf(8),
                Money.MAX_SCALE, RoundingMode.HALF_EVEN), Money.zero(EUR));
        assertEquals(tiny, tiny.dividedBy(BigDecimal.ONE, 2, RoundingMode.HALF_EVEN));
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        Arbitrary<BigInteger> integer = Arbitraries.bigIntegers().between(BigInteger.ZERO,
                BigInteger.TEN.pow(Money.MAX_INTEGER_DIGITS).subtract(BigInteger.ONE));
        Arbitrary<BigInteger> fraction = Arbitraries.bigIntegers().between(BigInteger.ZERO,
                BigInteger.TEN.pow(Money.MAX_INPUT_FRACTION_DIGITS).subtract(BigInteger.ONE));
        return Combinators.combine(integer, fraction, Arbitraries.of(1, -1)).as((i, f, sign) ->
                new BigDecimal(i).add(new BigDecimal(f, Money.MAX_INPUT_FRACTION_DIGITS)).multiply(BigDecimal.valueOf(sign)))
                .edgeCases(c -> c.add(new BigDecimal("999999999999999999.999999999999999999"),
                        new BigDecimal("-999999999999999999.999999999999999999"), new BigDecimal("0.000000000000000001")));
    }

    @Property
    void everyAmountWithinTheLimitsIsReadBackFromItsPlainAndScientificForms(@ForAll("amounts") BigDecimal amount) {
        assertEquals(0, amount.compareTo(Money.parseAmount(amount.toPlainString())));
        assertEquals(0, amount.compareTo(Money.parseAmount(amount.toString())));
        Money money = Money.of(amount, EUR);
        assertEquals(money, Money.of(money.toPlainString(), "EUR"));
    }

    @Property
    void anyTextIsAnAmountOrARejectionWithAReason(@ForAll String text) {
        try {
            BigDecimal amount = Money.parseAmount(text);
            assertTrue(amount.stripTrailingZeros().scale() <= Money.MAX_INPUT_FRACTION_DIGITS);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().startsWith("amount: "), e.getMessage());
        }
    }

    @Property
    void anyExponentIsDecidedWithoutComputingIt(@ForAll("exponents") String exponent,
                                                 @ForAll("mantissas") String mantissa) {
        String text = mantissa + "e" + exponent;
        try {
            BigDecimal amount = Money.parseAmount(text);
            assertTrue(amount.signum() == 0 || amount.precision() - amount.scale() <= Money.MAX_INTEGER_DIGITS);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().startsWith("amount: '" + text.strip() + "'"), e.getMessage());
        }
    }

    @Provide
    Arbitrary<String> exponents() {
        return Arbitraries.oneOf(Arbitraries.integers().map(String::valueOf), Arbitraries.longs().map(String::valueOf),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(40),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(40).map(s -> "-" + s));
    }

    @Provide
    Arbitrary<String> mantissas() {
        return Arbitraries.of("0", "1", "-1", "0.000", "9.99", "123456789012345678", ".5", "5.");
    }
}
