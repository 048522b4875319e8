package dev.kizuna.core;

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
 * @param amount   the exact amount, in canonical form
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** Canonicalises the amount so that equal values are {@code equals}. */
    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = canonical(amount);
    }

    /**
     * Returns money from a decimal string such as {@code "1250.00"} and an ISO 4217 code such as {@code "EUR"}.
     *
     * @throws IllegalArgumentException if the amount is not a decimal number or the currency code is unknown
     */
    public static Money of(String amount, String currencyCode) {
        return new Money(parseAmount(amount), currency(currencyCode));
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
     * @throws IllegalArgumentException naming the code, if it is not a known currency
     */
    public static Currency currency(String code) {
        Objects.requireNonNull(code, "currency code");
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency: '" + code + "' is not an ISO 4217 currency code", e);
        }
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
     * Returns {@code this / divisor}, exact when the quotient has a finite decimal expansion, otherwise rounded to
     * {@code scale} decimal places with the given rounding mode.
     *
     * @throws ArithmeticException if the divisor is zero
     */
    public Money dividedBy(BigDecimal divisor, int scale, RoundingMode rounding) {
        Objects.requireNonNull(divisor, "divisor");
        Objects.requireNonNull(rounding, "rounding");
        if (divisor.signum() == 0) {
            throw new ArithmeticException("divisor: must not be zero (dividing " + this + ")");
        }
        // 34 significant digits hold every terminating quotient of realistic amounts; the product check tells
        // whether this one terminated, without the cost of BigDecimal's exception for a non-terminating one.
        BigDecimal quotient = amount.divide(divisor, MathContext.DECIMAL128);
        if (quotient.multiply(divisor).compareTo(amount) != 0) {
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

    private static BigDecimal parseAmount(String amount) {
        Objects.requireNonNull(amount, "amount");
        try {
            return new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("amount: '" + amount + "' is not a decimal number", e);
        }
    }

    private static BigDecimal canonical(BigDecimal amount) {
        if (amount.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
