package dev.kizuna.core.signal;

import java.util.Optional;

/**
 * The values a signal can take: a closed interval of finite numbers, optionally whole numbers only. Every
 * {@linkplain SignalName#catalogue() well-known signal} has one ({@link SignalName#domain()}); a custom signal has
 * {@link #ANY} unless a definition declares a narrower one.
 *
 * <p>A value outside its signal's domain is impossible (an NPS of 500, a licence utilisation of -2, a 0/1 flag of 7),
 * so Kizuna rejects it rather than score it, and an explanation never proposes one. Immutable and thread-safe.
 *
 * @param min   the smallest value, {@code -Double.MAX_VALUE} when there is no lower bound
 * @param max   the largest value, {@code Double.MAX_VALUE} when there is no upper bound
 * @param whole whether only whole numbers belong to the domain
 */
public record SignalDomain(double min, double max, boolean whole) {
    /** Any finite number. */
    public static final SignalDomain ANY = new SignalDomain(-Double.MAX_VALUE, Double.MAX_VALUE, false);
    /** Any whole number. */
    public static final SignalDomain WHOLE = new SignalDomain(-Double.MAX_VALUE, Double.MAX_VALUE, true);
    /** A share: from 0 to 1. */
    public static final SignalDomain SHARE = new SignalDomain(0, 1, false);
    /** A flag: 0 (no) or 1 (yes). */
    public static final SignalDomain FLAG = new SignalDomain(0, 1, true);
    /** A count: a whole number from 0 up. */
    public static final SignalDomain COUNT = new SignalDomain(0, Double.MAX_VALUE, true);
    /** A non-negative amount: any number from 0 up. */
    public static final SignalDomain NON_NEGATIVE = new SignalDomain(0, Double.MAX_VALUE, false);
    /** A relative change, {@code (now - then) / |then|}: from -1 (down 100%) up. */
    public static final SignalDomain RELATIVE_CHANGE = new SignalDomain(-1, Double.MAX_VALUE, false);

    /**
     * Validates the bounds.
     *
     * @throws IllegalArgumentException if a bound is not finite, or {@code min > max}, or a whole domain holds no
     *                                  whole number
     */
    public SignalDomain {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("domain: the bounds must be finite numbers, but are " + min + " and "
                    + max + " (leave a bound out for no bound)");
        }
        if (min > max) {
            throw new IllegalArgumentException("domain: min " + plain(min) + " is above max " + plain(max));
        }
        if (whole && Math.ceil(min) > Math.floor(max)) {
            throw new IllegalArgumentException("domain: no whole number lies between " + plain(min) + " and "
                    + plain(max));
        }
        // One zero, so that equal domains are equal records and print alike.
        min = min == 0 ? 0.0 : min;
        max = max == 0 ? 0.0 : max;
    }

    /** Returns the numbers from {@code min} to {@code max}, both included. */
    public static SignalDomain between(double min, double max) {
        return new SignalDomain(min, max, false);
    }

    /** Returns the numbers from {@code min} up. */
    public static SignalDomain atLeast(double min) {
        return new SignalDomain(min, Double.MAX_VALUE, false);
    }

    /** Returns this domain restricted to whole numbers. */
    public SignalDomain wholeNumbers() {
        return new SignalDomain(min, max, true);
    }

    /**
     * Returns the values that belong to both this domain and {@code other}, or empty when none does (the bounds do
     * not overlap, or a whole domain's overlap holds no whole number).
     */
    public Optional<SignalDomain> intersect(SignalDomain other) {
        double low = Math.max(min, other.min);
        double high = Math.min(max, other.max);
        boolean wholeOnly = whole || other.whole;
        if (low > high || (wholeOnly && Math.ceil(low) > Math.floor(high))) {
            return Optional.empty();
        }
        return Optional.of(new SignalDomain(low, high, wholeOnly));
    }

    /** Returns whether the domain has a lower bound. */
    public boolean hasMin() {
        return min != -Double.MAX_VALUE;
    }

    /** Returns whether the domain has an upper bound. */
    public boolean hasMax() {
        return max != Double.MAX_VALUE;
    }

    /** Returns whether {@code value} belongs to the domain: finite, within the bounds and, if whole, whole. */
    public boolean contains(double value) {
        return value >= min && value <= max && (!whole || value == Math.rint(value));
    }

    /**
     * Returns why {@code value} does not belong to the domain, such as {@code "500 is outside the domain of
     * sentiment.nps: a number from -100 to 100"}, or empty when it does.
     */
    public Optional<String> problem(SignalName signal, double value) {
        if (contains(value)) {
            return Optional.empty();
        }
        return Optional.of(plain(value) + " is outside the domain of " + signal.value() + ": " + describe());
    }

    /**
     * Returns the domain in words, such as {@code "a number from 0 to 1"}, {@code "0 or 1"}, {@code "a whole
     * number from 0 up"} or {@code "any finite number"}.
     */
    public String describe() {
        String kind = whole ? "a whole number" : "a number";
        if (whole && min == 0 && max == 1) {
            return "0 or 1";
        }
        if (hasMin() && hasMax()) {
            return min == max ? "exactly " + plain(min) : kind + " from " + plain(min) + " to " + plain(max);
        }
        if (hasMin()) {
            return kind + " from " + plain(min) + " up";
        }
        if (hasMax()) {
            return kind + " up to " + plain(max);
        }
        return whole ? "any whole number" : "any finite number";
    }

    /** Returns {@link #describe()}. */
    @Override
    public String toString() {
        return describe();
    }

    private static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
