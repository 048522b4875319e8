package dev.kizuna.metrics.revenue;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How long after churning a returning customer still counts as a reactivation rather than as new business.
 *
 * <p>The gap is counted in days from the day the customer's MRR fell to zero (the churn movement's date) to the day
 * it became positive again; a gap of at most {@code maxDays} is a reactivation, a longer one is new business. The
 * default is unlimited: every return of a customer who paid before is a reactivation, as in ChartMogul ("a previously
 * paying customer that had churned moves back onto a paid plan") and Stripe.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxDays the longest gap that is still a reactivation, or empty for no limit
 */
public record ReactivationWindow(OptionalLong maxDays) {
    private static final ReactivationWindow UNLIMITED = new ReactivationWindow(OptionalLong.empty());

    /** Validates that a limit, when present, is not negative. */
    public ReactivationWindow {
        Objects.requireNonNull(maxDays, "maxDays");
        if (maxDays.isPresent() && maxDays.getAsLong() < 0) {
            throw new IllegalArgumentException("reactivationWindow.maxDays: " + maxDays.getAsLong() + " must be >= 0");
        }
    }

    /** Returns the default window: every return counts as a reactivation. */
    public static ReactivationWindow unlimited() {
        return UNLIMITED;
    }

    /** Returns a window of {@code days} days, for example 90. */
    public static ReactivationWindow ofDays(long days) {
        return new ReactivationWindow(OptionalLong.of(days));
    }

    /**
     * Returns a window of the given whole number of days.
     *
     * @throws IllegalArgumentException if the duration is negative or not a whole number of days
     */
    public static ReactivationWindow of(Duration window) {
        Objects.requireNonNull(window, "window");
        if (!window.equals(Duration.ofDays(window.toDays()))) {
            throw new IllegalArgumentException("reactivationWindow: " + window + " must be a whole number of days");
        }
        return ofDays(window.toDays());
    }

    /** Returns whether a customer returning {@code gapDays} days after churning is reactivated (else new). */
    public boolean reactivates(long gapDays) {
        return maxDays.isEmpty() || gapDays <= maxDays.getAsLong();
    }

    @Override
    public String toString() {
        return maxDays.isEmpty() ? "unlimited" : maxDays.getAsLong() + " days";
    }
}
