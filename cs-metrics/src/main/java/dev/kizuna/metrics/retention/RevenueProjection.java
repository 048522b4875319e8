package dev.kizuna.metrics.retention;

import dev.kizuna.core.Money;

import java.util.List;
import java.util.Objects;

/**
 * A month-by-month MRR projection under {@link GrowthAssumptions}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param assumptions the rates projected
 * @param monthlyMrr  MRR at the end of each month, month 1 first
 * @param revenue     the sum of {@code monthlyMrr}: revenue over the horizon
 */
public record RevenueProjection(GrowthAssumptions assumptions, List<Money> monthlyMrr, Money revenue) {

    /** Validates and copies the parts. */
    public RevenueProjection {
        Objects.requireNonNull(assumptions, "assumptions");
        Objects.requireNonNull(revenue, "revenue");
        monthlyMrr = List.copyOf(monthlyMrr);
        if (monthlyMrr.isEmpty()) {
            throw new IllegalArgumentException("monthlyMrr: a projection needs at least one month");
        }
    }

    /** Returns the MRR at the end of the horizon. */
    public Money endMrr() {
        return monthlyMrr.get(monthlyMrr.size() - 1);
    }
}
