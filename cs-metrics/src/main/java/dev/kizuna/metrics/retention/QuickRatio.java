package dev.kizuna.metrics.retention;

import dev.kizuna.metrics.Ratio;
import dev.kizuna.metrics.revenue.PeriodSummary;

import java.util.Objects;
import java.util.Optional;

/**
 * The SaaS quick ratio of a period: MRR gained for each unit of MRR lost.
 * <pre>
 * quick ratio = (new + expansion + reactivation) / (churn + contraction)
 * </pre>
 * Baremetrics publishes {@code (new MRR + expansion MRR) / (contraction MRR + churned MRR)}, without reactivation
 * (Baremetrics changelog, "New Quick Ratio Metric"): {@link #excludingReactivation(PeriodSummary)} reproduces it.
 * A period that lost nothing has no ratio ({@link Optional#empty()}), however much it gained.
 */
public final class QuickRatio {
    private QuickRatio() {
    }

    /** Returns {@code (new + expansion + reactivation) / (churn + contraction)}, or empty when nothing was lost. */
    public static Optional<Ratio> of(PeriodSummary summary) {
        Objects.requireNonNull(summary, "summary");
        return Ratio.of(summary.newMrr().plus(summary.expansionMrr()).plus(summary.reactivationMrr()),
                summary.churnedMrr().plus(summary.contractionMrr()));
    }

    /** Returns {@code (new + expansion) / (churn + contraction)}, Baremetrics' formula, or empty when nothing was lost. */
    public static Optional<Ratio> excludingReactivation(PeriodSummary summary) {
        Objects.requireNonNull(summary, "summary");
        return Ratio.of(summary.newMrr().plus(summary.expansionMrr()), summary.churnedMrr().plus(summary.contractionMrr()));
    }
}
