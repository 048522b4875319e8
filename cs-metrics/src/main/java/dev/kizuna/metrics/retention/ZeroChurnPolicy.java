package dev.kizuna.metrics.retention;

import java.util.Optional;

/**
 * What LTV does when churn gives no finite lifetime. The default, {@link #undefined()}, reports no LTV at zero churn,
 * as ChartMogul does ("ChartMogul can only calculate LTV when your customer churn rate is not zero",
 * help.chartmogul.com, "Customer Lifetime Value"). {@link #cappedAt(int)} bounds every lifetime, zero churn included,
 * by a configured number of months.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxLifetimeMonths the longest lifetime counted, or empty for no cap
 */
public record ZeroChurnPolicy(Optional<Integer> maxLifetimeMonths) {
    private static final ZeroChurnPolicy UNDEFINED = new ZeroChurnPolicy(Optional.empty());

    /** Validates that a cap, when present, is positive. */
    public ZeroChurnPolicy {
        if (maxLifetimeMonths.isPresent() && maxLifetimeMonths.get() <= 0) {
            throw new IllegalArgumentException("maxLifetimeMonths: " + maxLifetimeMonths.get() + " must be > 0");
        }
    }

    /** Returns the default: no LTV when churn is zero, and lifetimes uncapped otherwise. */
    public static ZeroChurnPolicy undefined() {
        return UNDEFINED;
    }

    /** Returns a policy that caps every customer lifetime at {@code months}, which makes zero churn finite. */
    public static ZeroChurnPolicy cappedAt(int months) {
        return new ZeroChurnPolicy(Optional.of(months));
    }
}
