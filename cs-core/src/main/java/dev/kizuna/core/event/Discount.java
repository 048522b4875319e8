package dev.kizuna.core.event;

import dev.kizuna.core.Money;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A recurring discount on a charge: none, a percentage off, or a fixed amount off each billing period.
 *
 * <p>A discount that ends is modelled as a {@link SubscriptionEvent.Kind#CHANGE} event whose charge has no
 * discount; its MRR increase is then classified as expansion, as the convention requires.
 *
 * @param percentOff the percentage off, from 0 to 100; zero when {@code amountOff} is present
 * @param amountOff  the fixed amount off each billing period, not negative
 */
public record Discount(BigDecimal percentOff, Optional<Money> amountOff) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Discount NONE = new Discount(BigDecimal.ZERO, Optional.empty());

    /** Validates the discount. */
    public Discount {
        Objects.requireNonNull(percentOff, "discount.percentOff");
        Objects.requireNonNull(amountOff, "discount.amountOff");
        if (percentOff.signum() < 0 || percentOff.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("discount.percentOff: " + percentOff.toPlainString() + " must be from 0 to 100");
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
        Money net = amountOff.isPresent()
                ? gross.minus(amountOff.get())
                : gross.minus(gross.times(percentOff).dividedBy(HUNDRED, 20, java.math.RoundingMode.HALF_EVEN));
        return net.isNegative() ? Money.zero(gross.currency()) : net;
    }
}
