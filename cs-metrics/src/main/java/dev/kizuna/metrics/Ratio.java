package dev.kizuna.metrics;

import dev.kizuna.core.CurrencyMismatchException;
import dev.kizuna.core.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * An exact rate: a numerator over a positive denominator, both kept as given so that a reader can check the figure
 * ({@code 10 churned / 100 customers}). Its {@link #value()} is the quotient, rounded half-even to {@value #SCALE}
 * decimal places only where it does not terminate.
 *
 * <p>Calculators never build a ratio over a zero denominator; they return {@link Optional#empty()} instead (see
 * {@link #of(long, long)}). A ratio may exceed 1 (net revenue retention) or be negative (net MRR churn when
 * expansion outweighs losses); the calculator that returns it says which bounds hold.
 *
 * <p>Immutable and thread-safe.
 *
 * @param numerator   the numerator, in canonical form (trailing zeros stripped)
 * @param denominator the denominator, above zero, in canonical form
 */
public record Ratio(BigDecimal numerator, BigDecimal denominator) implements Comparable<Ratio> {

    /** Decimal places kept by {@link #value()} when the quotient does not terminate. */
    public static final int SCALE = 12;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Validates that the denominator is above zero and canonicalises both parts. */
    public Ratio {
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        if (denominator.signum() <= 0) {
            throw new IllegalArgumentException("denominator: " + denominator.toPlainString() + " must be > 0");
        }
        numerator = canonical(numerator);
        denominator = canonical(denominator);
    }

    /** Returns {@code numerator / denominator}, or empty when the denominator is zero. */
    public static Optional<Ratio> of(long numerator, long denominator) {
        return of(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }

    /**
     * Returns {@code numerator / denominator}, or empty when the denominator is zero.
     *
     * @throws IllegalArgumentException if the denominator is negative
     */
    public static Optional<Ratio> of(BigDecimal numerator, BigDecimal denominator) {
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        return denominator.signum() == 0 ? Optional.empty() : Optional.of(new Ratio(numerator, denominator));
    }

    /**
     * Returns {@code numerator / denominator} for two amounts of one currency, or empty when the denominator is zero.
     *
     * @throws CurrencyMismatchException if the currencies differ
     * @throws IllegalArgumentException  if the denominator is negative
     */
    public static Optional<Ratio> of(Money numerator, Money denominator) {
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        if (!numerator.currency().equals(denominator.currency())) {
            throw new CurrencyMismatchException("cannot divide " + numerator + " by " + denominator
                    + ": currencies differ and no conversion was supplied");
        }
        return of(numerator.amount(), denominator.amount());
    }

    /** Returns the quotient, exact where it terminates, else half-even to {@value #SCALE} places. */
    public BigDecimal value() {
        BigDecimal q;
        try {
            q = numerator.divide(denominator);
        } catch (ArithmeticException nonTerminating) {
            q = numerator.divide(denominator, SCALE, RoundingMode.HALF_EVEN);
        }
        return canonical(q);
    }

    /** Returns the quotient times 100, as {@link #value()} rounds it. */
    public BigDecimal percent() {
        return canonical(value().multiply(HUNDRED));
    }

    /** Returns the quotient as a {@code double}, for charts and logs; never {@code NaN}. */
    public double doubleValue() {
        return value().doubleValue();
    }

    /** Returns {@code 1 - this}: {@code (denominator - numerator) / denominator}, for example retention from churn. */
    public Ratio complement() {
        return new Ratio(denominator.subtract(numerator), denominator);
    }

    /** Returns whether the quotient is above 1. */
    public boolean exceedsOne() {
        return numerator.compareTo(denominator) > 0;
    }

    /** Compares the exact quotients (by cross-multiplication, so without rounding). */
    @Override
    public int compareTo(Ratio other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    /** Returns the quotient and its parts, for example {@code "0.1 (10/100)"}. */
    @Override
    public String toString() {
        return value().toPlainString() + " (" + numerator.toPlainString() + "/" + denominator.toPlainString() + ")";
    }

    private static BigDecimal canonical(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
