package dev.kizuna.core;

import dev.kizuna.core.internal.Checks;
import dev.kizuna.core.internal.DecimalSyntax;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of one currency.
 *
 * <p>Amounts are {@link BigDecimal}s, never binary floating point. The amount is kept in a canonical form (trailing
 * zeros stripped), so {@code Money.of("10.50", "EUR")} equals {@code Money.of("10.5", "EUR")}; use
 * {@link #toPlainString()} or {@link #rounded(RoundingMode)} to present it with the currency's usual digits.
 *
 * <p>Arithmetic between two currencies throws {@link CurrencyMismatchException}: Kizuna never converts silently.
 * Operations that can lose precision (division, rounding) take an explicit {@link RoundingMode}. Money may be
 * negative (a contraction, a refund); the types that forbid negative amounts say so and check it.
 *
 * <p>Limits: an amount has at most {@value #MAX_INTEGER_DIGITS} digits before the decimal point (its magnitude is
 * below 10<sup>{@value #MAX_INTEGER_DIGITS}</sup>) and at most {@value #MAX_SCALE} after it, once trailing zeros are
 * stripped. Text is read by {@link #parseAmount(String)}, which also bounds its length and digits before it computes,
 * so no input, however written ({@code "1e10000000"}), costs more than a few microseconds to accept or reject.
 *
 * @param amount   the exact amount, in canonical form
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {
    /** The most digits before the decimal point: every amount is below 10<sup>18</sup> in magnitude. */
    public static final int MAX_INTEGER_DIGITS = 18;
    /** The most digits after the decimal point, trailing zeros stripped (results of division included). */
    public static final int MAX_SCALE = 64;
    /** The most digits after the decimal point that {@link #parseAmount(String)} accepts in an input. */
    public static final int MAX_INPUT_FRACTION_DIGITS = 18;
    /** The longest text {@link #parseAmount(String)} reads, in characters. */
    public static final int MAX_INPUT_LENGTH = 64;

    /**
     * Checks the limits and canonicalises the amount so that equal values are {@code equals}.
     *
     * @throws IllegalArgumentException if the amount has more than {@value #MAX_INTEGER_DIGITS} digits before the
     *                                  point or more than {@value #MAX_SCALE} after it
     */
    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = canonical(amount);
    }

    /**
     * Returns money from a decimal string such as {@code "1250.00"} and an ISO 4217 code such as {@code "EUR"}; the
     * amount is read by {@link #parseAmount(String)}.
     *
     * @throws IllegalArgumentException if the amount is not a decimal number within the limits or the currency code
     *                                  is unknown
     */
    public static Money of(String amount, String currencyCode) {
        return new Money(parseAmount(amount), currency(currencyCode));
    }

    /**
     * Reads an amount written as a decimal number: an optional sign, ASCII digits with an optional decimal point, and
     * an optional exponent ({@code "1250.00"}, {@code "-3.5"}, {@code "1.2E3"}); white space around it is ignored.
     * The text is checked before anything is computed, so the cost is bounded whatever the input.
     *
     * @throws IllegalArgumentException saying why, if the text is longer than {@value #MAX_INPUT_LENGTH} characters,
     *                                  is not a decimal number in ASCII digits, has more than
     *                                  {@value #MAX_INTEGER_DIGITS} digits before the point or more than
     *                                  {@value #MAX_INPUT_FRACTION_DIGITS} after it
     */
    public static BigDecimal parseAmount(String text) {
        return parseAmount(text, MAX_INPUT_FRACTION_DIGITS);
    }

    /**
     * Reads an amount as {@link #parseAmount(String)} does, allowing up to {@code maxFractionDigits} digits after the
     * decimal point (trailing zeros stripped) and {@code maxFractionDigits + 46} characters: for text that holds
     * amounts Kizuna computed, such as an MRR divided to 12 places, which its JSON form writes in full.
     *
     * @param maxFractionDigits from 0 to {@value #MAX_SCALE}
     * @throws IllegalArgumentException saying why, as {@link #parseAmount(String)} does
     */
    public static BigDecimal parseAmount(String text, int maxFractionDigits) {
        Objects.requireNonNull(text, "amount");
        if (maxFractionDigits < 0 || maxFractionDigits > MAX_SCALE) {
            throw new IllegalArgumentException("maxFractionDigits: " + maxFractionDigits + " must be from 0 to "
                    + MAX_SCALE);
        }
        int maxLength = MAX_INPUT_LENGTH - MAX_INPUT_FRACTION_DIGITS + maxFractionDigits;
        String s = text.strip();
        if (s.length() > maxLength) {
            throw new IllegalArgumentException("amount: '" + Checks.shown(s) + "' has " + s.length()
                    + " characters, over the limit of " + maxLength);
        }
        int exponentAt = DecimalSyntax.exponentIndex(s);
        if (exponentAt < 0) {
            throw new IllegalArgumentException("amount: '" + Checks.shown(s) + "' is not a decimal number (ASCII"
                    + " digits, an optional sign, decimal point and exponent, such as 1250.00)");
        }
        boolean zero = isZeroMantissa(s, exponentAt);
        if (exponentAt < s.length() && exponentDigits(s, exponentAt) > 9) {
            // An exponent of ten digits or more is beyond anything an amount can be; decided without computing it,
            // and without BigDecimal's own exponent limits, whose message would speak of an "exponent overflow".
            if (zero) {
                return BigDecimal.ZERO;
            }
            boolean negativeExponent = s.charAt(exponentAt + 1) == '-';
            throw negativeExponent ? tooManyFractionDigits(s, maxFractionDigits) : outOfRange(s);
        }
        // Syntax checked, at most 64 characters and an exponent of at most nine digits: this cannot fail, and costs
        // time linear in at most 64 characters.
        BigDecimal value = new BigDecimal(s);
        if (zero) {
            // A zero keeps its written scale ("0.00"), clipped so that no "0e-999999999" reaches a caller.
            return BigDecimal.ZERO.setScale(Math.max(0, Math.min(value.scale(), maxFractionDigits)));
        }
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            throw outOfRange(s);
        }
        if (value.stripTrailingZeros().scale() > maxFractionDigits) {
            throw tooManyFractionDigits(s, maxFractionDigits);
        }
        // Trailing zeros beyond the limit are dropped ("55e-50" is 0.55, not 0.55 with 48 more zeros), so that the
        // value's plain text is never longer than the limits and reads back.
        return value.scale() > maxFractionDigits ? value.setScale(maxFractionDigits, RoundingMode.UNNECESSARY) : value;
    }

    private static IllegalArgumentException outOfRange(String s) {
        return new IllegalArgumentException("amount: '" + s + "' is out of range: at most " + MAX_INTEGER_DIGITS
                + " digits before the decimal point");
    }

    private static IllegalArgumentException tooManyFractionDigits(String s, int maxFractionDigits) {
        return new IllegalArgumentException("amount: '" + s + "' has more than " + maxFractionDigits
                + " digits after the decimal point");
    }

    /** Returns the significant digits of the exponent that starts at {@code exponentAt} (leading zeros skipped). */
    private static int exponentDigits(String s, int exponentAt) {
        int i = exponentAt + 1;
        if (s.charAt(i) == '+' || s.charAt(i) == '-') {
            i++;
        }
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return s.length() - i;
    }

    private static boolean isZeroMantissa(String s, int exponentAt) {
        for (int i = 0; i < exponentAt; i++) {
            char c = s.charAt(i);
            if (c >= '1' && c <= '9') {
                return false;
            }
        }
        return true;
    }


    /** Returns money of an exact amount in the given currency. */
    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /** Returns money of a whole number of major units (for example 42 EUR). */
    public static Money of(long amount, Currency currency) {
        return new Money(BigDecimal.valueOf(amount), currency);
    }

    /** Returns zero in the given currency. */
    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /**
     * Returns the currency for an ISO 4217 code.
     *
     * @throws IllegalArgumentException naming the code, if it is not three capital ASCII letters naming a known
     *                                  currency
     */
    public static Currency currency(String code) {
        Objects.requireNonNull(code, "currency code");
        boolean threeCapitals = code.length() == 3;
        for (int i = 0; i < code.length() && threeCapitals; i++) {
            threeCapitals = code.charAt(i) >= 'A' && code.charAt(i) <= 'Z';
        }
        if (threeCapitals) {
            try {
                return Currency.getInstance(code);
            } catch (IllegalArgumentException e) {
                // Three capitals, but no such currency: reported below.
            }
        }
        throw new IllegalArgumentException("currency: '" + Checks.shown(code) + "' is not an ISO 4217 currency code"
                + " (three capital letters, such as EUR or JPY)");
    }

    /** Returns {@code this + other}. */
    public Money plus(Money other) {
        requireSameCurrency(other, "add");
        return new Money(amount.add(other.amount), currency);
    }

    /** Returns {@code this - other}. */
    public Money minus(Money other) {
        requireSameCurrency(other, "subtract");
        return new Money(amount.subtract(other.amount), currency);
    }

    /** Returns {@code this * factor}, exactly. */
    public Money times(BigDecimal factor) {
        Objects.requireNonNull(factor, "factor");
        return new Money(amount.multiply(factor), currency);
    }

    /** Returns {@code this * factor}, exactly. */
    public Money times(long factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    /**
     * Returns {@code this / divisor}, exact when the quotient has a finite decimal expansion of at most 34 significant
     * digits and {@value #MAX_SCALE} decimal places, otherwise rounded to {@code scale} decimal places with the given
     * rounding mode. The cost is bounded whatever the divisor's exponent: a quotient that is certainly beyond the
     * limits is rejected before it is computed.
     *
     * @param scale the decimal places of a rounded quotient, from 0 to {@value #MAX_SCALE}
     * @throws ArithmeticException      if the divisor is zero, or the rounding mode is
     *                                  {@link RoundingMode#UNNECESSARY} and the quotient needs rounding
     * @throws IllegalArgumentException if {@code scale} is outside 0 to {@value #MAX_SCALE}, or the quotient has more
     *                                  than {@value #MAX_INTEGER_DIGITS} digits before the decimal point
     */
    public Money dividedBy(BigDecimal divisor, int scale, RoundingMode rounding) {
        Objects.requireNonNull(divisor, "divisor");
        Objects.requireNonNull(rounding, "rounding");
        if (divisor.signum() == 0) {
            throw new ArithmeticException("divisor: must not be zero (dividing " + this + ")");
        }
        if (scale < 0 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale: " + scale + " must be from 0 to " + MAX_SCALE);
        }
        if (amount.signum() == 0) {
            return this;
        }
        // The quotient lies between 10^(q-1) and 10^(q+1), q being the difference of the operands' magnitudes.
        long q = ((long) amount.precision() - amount.scale()) - ((long) divisor.precision() - divisor.scale());
        if (q > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("amount: " + this + " divided by " + shown(divisor)
                    + " is out of range: at most " + MAX_INTEGER_DIGITS + " digits before the decimal point");
        }
        if (q < -(MAX_SCALE + 2)) {
            // Below 10^-(MAX_SCALE + 1): it rounds at any allowed scale exactly as this tiny stand-in of the same
            // sign does, without the huge power of ten BigDecimal would build to rescale it.
            BigDecimal tiny = BigDecimal.valueOf(amount.signum() * divisor.signum(), MAX_SCALE + 2);
            return new Money(tiny.setScale(scale, rounding), currency);
        }
        // 34 significant digits hold every terminating quotient of realistic amounts; the product check tells
        // whether this one terminated, without the cost of BigDecimal's exception for a non-terminating one.
        BigDecimal quotient = amount.divide(divisor, MathContext.DECIMAL128);
        if (quotient.multiply(divisor).compareTo(amount) != 0 || quotient.stripTrailingZeros().scale() > MAX_SCALE) {
            quotient = amount.divide(divisor, scale, rounding);
        }
        return new Money(quotient, currency);
    }

    /** Returns {@code -this}. */
    public Money negated() {
        return new Money(amount.negate(), currency);
    }

    /** Returns the larger of this and {@code other}, which must be in the same currency. */
    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** Returns the smaller of this and {@code other}, which must be in the same currency. */
    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /** Returns this amount rounded to the currency's default number of fraction digits. */
    public Money rounded(RoundingMode rounding) {
        Objects.requireNonNull(rounding, "rounding");
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        return new Money(amount.setScale(digits, rounding), currency);
    }

    /** Returns whether the amount is below zero. */
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /** Returns whether the amount is zero. */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** Returns whether the amount is above zero. */
    public boolean isPositive() {
        return amount.signum() > 0;
    }

    /**
     * Compares amounts of the same currency.
     *
     * @throws CurrencyMismatchException if the currencies differ
     */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other, "compare");
        return amount.compareTo(other.amount);
    }

    /** Returns the amount without an exponent, for example {@code "1250.5"}. */
    public String toPlainString() {
        return amount.toPlainString();
    }

    /** Returns the amount with the currency's usual digits (half-even) and the code, for example {@code "1250.50 EUR"}. */
    @Override
    public String toString() {
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        BigDecimal shown = amount.scale() < digits ? amount.setScale(digits, RoundingMode.UNNECESSARY) : amount;
        return shown.toPlainString() + " " + currency.getCurrencyCode();
    }

    private void requireSameCurrency(Money other, String operation) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(
                    "cannot " + operation + " " + this + " and " + other + ": currencies differ and no conversion was supplied");
        }
    }

    private static BigDecimal canonical(BigDecimal amount) {
        if (amount.signum() == 0) {
            return BigDecimal.ZERO;
        }
        // Checked before any rescaling: setScale(0) of 1E+10000000 would build a ten-million-digit number.
        long integerDigits = (long) amount.precision() - amount.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            throw new IllegalArgumentException("amount: " + shown(amount) + " is out of range: at most "
                    + MAX_INTEGER_DIGITS + " digits before the decimal point");
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > MAX_SCALE) {
            throw new IllegalArgumentException("amount: " + shown(amount) + " has more than " + MAX_SCALE
                    + " digits after the decimal point");
        }
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Returns a decimal for a message: in full when short, else its first digits and its exponent. */
    private static String shown(BigDecimal value) {
        String text = value.toString();
        return text.length() <= 60 ? text : value.round(new MathContext(20, RoundingMode.DOWN)) + " (rounded)";
    }
}
