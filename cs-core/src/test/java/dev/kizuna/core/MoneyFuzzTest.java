package dev.kizuna.core;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes the reading of amounts and currencies, and division. The contract: an amount within Money's limits that
 * reads back from its plain text, or an {@link IllegalArgumentException} whose message starts with the field; in
 * bounded time whatever the exponent or the digits.
 */
class MoneyFuzzTest {
    private static final String[] OTHER_DIGITS = {"٠", "١", "٩", "۵", "५", "０", "９", "𝟗", "Ⅴ", "½", "²"};
    private static final String[] SPACES = {" ", "\t", "\n", "\u00A0", "\u2003", "\u3000", "\uFEFF"};

    /** Text shaped like a decimal: a sign, long runs of digits, a point, an exponent, other scripts, spaces. */
    static String amountLike(FuzzedDataProvider data) {
        if (data.consumeInt(0, 9) == 0) {
            return data.consumeString(200);
        }
        StringBuilder text = new StringBuilder();
        int parts = data.consumeInt(1, 10);
        for (int i = 0; i < parts && data.remainingBytes() > 0; i++) {
            switch (data.consumeInt(0, 9)) {
                case 0 -> text.append(data.pickValue(new char[] {'+', '-'}));
                case 1, 2 -> text.append(digits(data.consumeInt(1, 30), data.consumeInt(0, 9)));
                case 3 -> text.append(digits(data.consumeInt(30, 10_000), data.consumeInt(0, 9)));
                case 4 -> text.append('.');
                case 5 -> text.append(data.pickValue(new char[] {'e', 'E'}))
                        .append(data.pickValue(new String[] {"", "+", "-"}))
                        .append(data.consumeLong(0, Long.MAX_VALUE));
                case 6 -> text.append(data.pickValue(new String[] {"e2147483647", "e-2147483648", "e-999999999",
                        "e10000000", "E+99999999999999999999", "e0000000000000000000001"}));
                case 7 -> text.append(data.pickValue(OTHER_DIGITS));
                case 8 -> text.append(data.pickValue(SPACES));
                default -> text.append(data.consumeString(6));
            }
        }
        return text.toString();
    }

    private static String digits(int count, int digit) {
        return String.valueOf((char) ('0' + digit)).repeat(count);
    }

    @FuzzTest(maxDuration = "2m")
    void parseAmount(FuzzedDataProvider data) {
        int maxFraction = data.consumeBoolean() ? Money.MAX_INPUT_FRACTION_DIGITS : data.consumeInt(0, Money.MAX_SCALE);
        String text = amountLike(data);
        BigDecimal amount;
        try {
            amount = Money.parseAmount(text, maxFraction);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().startsWith("amount: "), e.getMessage());
            return;
        }
        assertTrue(amount.signum() == 0 || amount.precision() - amount.scale() <= Money.MAX_INTEGER_DIGITS, text);
        assertTrue(amount.stripTrailingZeros().scale() <= maxFraction, text);
        assertTrue(amount.scale() <= Money.MAX_SCALE + 64, text);
        assertEquals(0, amount.compareTo(Money.parseAmount(amount.toPlainString(), maxFraction)), text);
        Money money = Money.of(amount, Currency.getInstance("EUR"));
        assertEquals(money, Money.of(Money.parseAmount(money.toPlainString(), Money.MAX_SCALE), money.currency()));
    }

    @FuzzTest(maxDuration = "2m")
    void moneyOf(FuzzedDataProvider data) {
        String code = data.consumeBoolean() ? data.pickValue(new String[] {"EUR", "JPY", "BHD", "XXX", "eur", "EURO"})
                : data.consumeString(8);
        String text = amountLike(data);
        try {
            Money money = Money.of(text, code);
            assertEquals(code, money.currency().getCurrencyCode());
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().startsWith("amount: ") || e.getMessage().startsWith("currency: "),
                    e.getMessage());
        }
    }

    @FuzzTest(maxDuration = "2m")
    void dividedBy(FuzzedDataProvider data) {
        Money amount;
        try {
            amount = Money.of(BigDecimal.valueOf(data.consumeLong(), data.consumeInt(-20, 80)), Currency.getInstance("EUR"));
        } catch (IllegalArgumentException e) {
            return; // beyond Money's limits: covered by parseAmount
        }
        BigDecimal divisor = BigDecimal.valueOf(data.consumeLong(), data.consumeInt());
        int scale = data.consumeInt(-1, Money.MAX_SCALE + 1);
        RoundingMode rounding = data.pickValue(RoundingMode.values());
        try {
            Money quotient = amount.dividedBy(divisor, scale, rounding);
            assertTrue(quotient.amount().scale() <= Money.MAX_SCALE);
        } catch (ArithmeticException e) {
            assertTrue(divisor.signum() == 0 || rounding == RoundingMode.UNNECESSARY, e::toString);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().startsWith("amount: ") || e.getMessage().startsWith("scale: "),
                    e.getMessage());
        }
    }
}
