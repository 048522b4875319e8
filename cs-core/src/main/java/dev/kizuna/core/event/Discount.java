package dev.kizuna.core.event;

import dev.kizuna.core.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * A recurring discount on a charge: none, a percentage off, or a fixed amount off each billing period.
 *
 * <p>A discount that ends is modelled as a {@link SubscriptionEvent.Kind#CHANGE} event whose charge has no
 * discount; its MRR increase is then classified as expansion, as the convention requires.
 *
 * @param percentOff the percentage off, from 0 to 100 with at most {@value #MAX_PERCENT_FRACTION_DIGITS} digits after the
 *                   decimal point; zero when {@code amountOff} is present
 * @param amountOff  the fixed amount off each billing period, not negative
 */
public record Discount(BigDecimal percentOff, Optional<Money> amountOff) {
    /** The most digits after the decimal point a percentage may have, trailing zeros stripped. */
    public static final int MAX_PERCENT_FRACTION_DIGITS = 18;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Discount NONE = new Discount(BigDecimal.ZERO, Optional.empty());

    /** Validates the discount. */
    public Discount {
        Objects.requireNonNull(percentOff, "discount.percentOff");
        Objects.requireNonNull(amountOff, "discount.amountOff");
        // The scale first: a percentage such as 1E-999999999 must not reach toPlainString below.
        if (percentOff.signum() != 0 && percentOff.stripTrailingZeros().scale() > MAX_PERCENT_FRACTION_DIGITS) {
            throw new IllegalArgumentException("discount.percentOff: " + shown(percentOff) + " has more than "
                    + MAX_PERCENT_FRACTION_DIGITS + " digits after the decimal point");
        }
        if (percentOff.signum() < 0 || percentOff.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("discount.percentOff: " + shown(percentOff) + " must be from 0 to 100");
        }
        if (amountOff.isPresent()) {
            if (amountOff.get().isNegative()) {
                throw new IllegalArgumentException("discount.amountOff: " + amountOff.get() + " must not be negative");
            }
            if (percentOff.signum() != 0) {
                throw new IllegalArgumentException("discount: percentOff " + percentOff.toPlainString()
                        + " and amountOff " + amountOff.get() + " cannot both be set");
            }
        }
        percentOff = percentOff.signum() == 0 ? BigDecimal.ZERO : percentOff.stripTrailingZeros();
    }

    /** Returns no discount. */
    public static Discount none() {
        return NONE;
    }

    /** Returns a discount of {@code percent} percent, from 0 to 100. */
    public static Discount percent(BigDecimal percent) {
        return new Discount(percent, Optional.empty());
    }

    /** Returns a discount of a fixed amount each billing period. */
    public static Discount amount(Money amount) {
        return new Discount(BigDecimal.ZERO, Optional.of(amount));
    }

    /** Returns whether this discount takes nothing off. */
    public boolean isNone() {
        return percentOff.signum() == 0 && amountOff.map(Money::isZero).orElse(true);
    }

    /**
     * Returns {@code gross} less this discount, never below zero.
     *
     * @throws dev.kizuna.core.CurrencyMismatchException if a fixed discount is in another currency
     */
    public Money applyTo(Money gross) {
        Money net = amountOff.isPresent() ? gross.minus(amountOff.get()) : gross.minus(percentOf(gross));
        return net.isNegative() ? Money.zero(gross.currency()) : net;
    }

    /**
     * Returns {@code percentOff} percent of {@code gross}: exact when it has at most 34 significant digits and
     * {@value Money#MAX_SCALE} decimal places, otherwise rounded half-even to 20 decimal places.
     */
    private Money percentOf(Money gross) {
        // Divided by 100 before it becomes Money, so that a gross near the largest amount does not overflow on the way.
        BigDecimal off = gross.amount().multiply(percentOff).movePointLeft(2).stripTrailingZeros();
        if (off.precision() > 34 || off.scale() > Money.MAX_SCALE) {
            off = off.setScale(20, RoundingMode.HALF_EVEN);
        }
        return Money.of(off, gross.currency());
    }

    private static String shown(BigDecimal value) {
        return value.scale() >= 0 && value.scale() <= MAX_PERCENT_FRACTION_DIGITS + 2 && value.precision() <= 40
                ? value.toPlainString() : value.toString();
    }
}
