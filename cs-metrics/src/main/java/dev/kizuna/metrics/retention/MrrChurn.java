package dev.kizuna.metrics.retention;

import dev.kizuna.metrics.Ratio;
import dev.kizuna.metrics.revenue.PeriodSummary;

import java.util.Objects;
import java.util.Optional;

/**
 * Gross and net MRR churn rates of one {@link PeriodSummary}, counting every movement of the period:
 * <pre>
 * gross MRR churn = (churn + contraction) / start MRR                              (0 or more)
 * net MRR churn   = (churn + contraction - expansion - reactivation) / start MRR    (negative when gains win)
 * </pre>
 * Both are ChartMogul's standard (B2B) formulas with its published example (help.chartmogul.com, "Gross MRR Churn
 * Rate" and "Net MRR Churn Rate": $100 start, $10 churn, $10 contraction, $10 expansion give 20% gross and 10% net).
 * Baremetrics' revenue churn is the gross rate; its net revenue churn, "(churned MRR - expansion MRR) / starting MRR",
 * leaves reactivation out: {@link #netExcludingReactivation(PeriodSummary)}. Stripe reports churned MRR as an amount.
 * ChartMogul's Shopify (B2C) formula, a sum of daily rates, is not reproduced.
 *
 * <p>With zero start MRR both are {@link Optional#empty()}.
 */
public final class MrrChurn {
    private MrrChurn() {
    }

    /** Returns {@code (churn + contraction) / start MRR}, or empty when start MRR is zero. */
    public static Optional<Ratio> gross(PeriodSummary summary) {
        Objects.requireNonNull(summary, "summary");
        return Ratio.of(summary.churnedMrr().plus(summary.contractionMrr()), summary.startMrr());
    }

    /** Returns {@code (churn + contraction - expansion - reactivation) / start MRR}, or empty when start MRR is zero. */
    public static Optional<Ratio> net(PeriodSummary summary) {
        Objects.requireNonNull(summary, "summary");
        return Ratio.of(summary.churnedMrr().plus(summary.contractionMrr()).minus(summary.expansionMrr())
                .minus(summary.reactivationMrr()), summary.startMrr());
    }

    /** Returns Baremetrics' net revenue churn, {@code (churn + contraction - expansion) / start MRR}, or empty. */
    public static Optional<Ratio> netExcludingReactivation(PeriodSummary summary) {
        Objects.requireNonNull(summary, "summary");
        return Ratio.of(summary.churnedMrr().plus(summary.contractionMrr()).minus(summary.expansionMrr()),
                summary.startMrr());
    }
}
