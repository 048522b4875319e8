package dev.kizuna.metrics.retention;

import dev.kizuna.core.Money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The churn-floor trade-off: revenue over a horizon if churn falls by some points, against revenue if expansion
 * grows by some percent, both against the baseline. A business whose monthly churn is already near its floor (about
 * 1%) gains little from cutting it further, and more from expansion; this makes the comparison explicit.
 *
 * <p>Each scenario is {@link GrowthAssumptions#project(int)}: {@code MRR(t) = MRR(t-1) x (1 - churn + expansion) + new};
 * the lower-churn scenario subtracts {@code churnReductionPoints} from the monthly churn (not below zero), the
 * more-expansion scenario multiplies the monthly expansion rate by {@code 1 + expansionIncrease}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param baseline      the projection under the assumptions as observed
 * @param lowerChurn    the projection with churn reduced
 * @param moreExpansion the projection with expansion increased
 */
public record ChurnFloorTradeOff(RevenueProjection baseline, RevenueProjection lowerChurn, RevenueProjection moreExpansion) {

    /** The lever that brings more revenue over the horizon. */
    public enum Lever {
        /** Reducing churn brings more. */
        CHURN_REDUCTION,
        /** Increasing expansion brings more. */
        EXPANSION,
        /** Both bring the same. */
        EQUAL
    }

    /** Validates the parts. */
    public ChurnFloorTradeOff {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(lowerChurn, "lowerChurn");
        Objects.requireNonNull(moreExpansion, "moreExpansion");
    }

    /**
     * Compares the two levers over {@code months}.
     *
     * @param assumptions          the observed rates
     * @param churnReductionPoints how much lower monthly churn would be, as a fraction (0.005 = half a point)
     * @param expansionIncrease    how much higher the monthly expansion rate would be, relative (0.2 = +20%)
     * @param months               the horizon, 1 to 1200 months
     */
    public static ChurnFloorTradeOff compare(GrowthAssumptions assumptions, BigDecimal churnReductionPoints,
                                             BigDecimal expansionIncrease, int months) {
        Objects.requireNonNull(assumptions, "assumptions");
        return new ChurnFloorTradeOff(assumptions.project(months),
                assumptions.withChurnReducedBy(churnReductionPoints).project(months),
                assumptions.withExpansionIncreasedBy(expansionIncrease).project(months));
    }

    /** Returns the extra revenue over the horizon from the churn reduction. */
    public Money churnReductionGain() {
        return lowerChurn.revenue().minus(baseline.revenue());
    }

    /** Returns the extra revenue over the horizon from the expansion increase. */
    public Money expansionGain() {
        return moreExpansion.revenue().minus(baseline.revenue());
    }

    /** Returns the lever with the larger gain. */
    public Lever betterLever() {
        int c = churnReductionGain().compareTo(expansionGain());
        return c > 0 ? Lever.CHURN_REDUCTION : c < 0 ? Lever.EXPANSION : Lever.EQUAL;
    }
}
