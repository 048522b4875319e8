package dev.kizuna.metrics.retention;

import dev.kizuna.core.CurrencyMismatchException;
import dev.kizuna.core.Money;
import dev.kizuna.metrics.Ratio;
import dev.kizuna.metrics.revenue.PeriodSummary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The monthly rates a revenue projection runs on: start MRR, the share of MRR lost each month (churn and
 * contraction), the share gained from existing customers (expansion and reactivation), and new MRR added each month.
 * Rates are fractions: {@code 0.01} is 1% a month.
 *
 * <p>Immutable and thread-safe.
 *
 * @param startMrr         MRR when the projection starts
 * @param monthlyChurn     share of MRR lost each month, from 0 to 1
 * @param monthlyExpansion share of MRR gained from existing customers each month, 0 or more
 * @param monthlyNewMrr    new-business MRR added each month, not negative
 */
public record GrowthAssumptions(Money startMrr, BigDecimal monthlyChurn, BigDecimal monthlyExpansion, Money monthlyNewMrr) {

    /** Validates the rates and amounts. */
    public GrowthAssumptions {
        Objects.requireNonNull(startMrr, "startMrr");
        Objects.requireNonNull(monthlyChurn, "monthlyChurn");
        Objects.requireNonNull(monthlyExpansion, "monthlyExpansion");
        Objects.requireNonNull(monthlyNewMrr, "monthlyNewMrr");
        if (startMrr.isNegative()) {
            throw new IllegalArgumentException("startMrr: " + startMrr + " must not be negative");
        }
        if (monthlyChurn.signum() < 0 || monthlyChurn.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("monthlyChurn: " + monthlyChurn.toPlainString() + " must be from 0 to 1");
        }
        if (monthlyExpansion.signum() < 0) {
            throw new IllegalArgumentException("monthlyExpansion: " + monthlyExpansion.toPlainString() + " must be >= 0");
        }
        if (monthlyNewMrr.isNegative()) {
            throw new IllegalArgumentException("monthlyNewMrr: " + monthlyNewMrr + " must not be negative");
        }
        if (!monthlyNewMrr.currency().equals(startMrr.currency())) {
            throw new CurrencyMismatchException("monthlyNewMrr: " + monthlyNewMrr + " is not in the currency of startMrr "
                    + startMrr);
        }
    }

    /**
     * Returns the assumptions observed over consecutive monthly summaries: churn is
     * {@code sum(churn + contraction) / sum(start MRR)}, expansion {@code sum(expansion + reactivation) / sum(start MRR)},
     * new MRR the monthly mean, start MRR the last month's end MRR. Empty when no month started with MRR.
     */
    public static Optional<GrowthAssumptions> observed(List<PeriodSummary> months) {
        Objects.requireNonNull(months, "months");
        if (months.isEmpty()) {
            return Optional.empty();
        }
        Money zero = Money.zero(months.get(0).startMrr().currency());
        Money start = zero;
        Money lost = zero;
        Money gained = zero;
        Money added = zero;
        for (PeriodSummary m : months) {
            start = start.plus(m.startMrr());
            lost = lost.plus(m.churnedMrr()).plus(m.contractionMrr());
            gained = gained.plus(m.expansionMrr()).plus(m.reactivationMrr());
            added = added.plus(m.newMrr());
        }
        Optional<Ratio> churn = Ratio.of(lost, start);
        if (churn.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal churnRate = churn.get().value().min(BigDecimal.ONE);
        BigDecimal expansionRate = Ratio.of(gained, start).orElseThrow().value();
        Money newPerMonth = added.dividedBy(BigDecimal.valueOf(months.size()), 12, RoundingMode.HALF_EVEN);
        return Optional.of(new GrowthAssumptions(months.get(months.size() - 1).endMrr(), churnRate, expansionRate,
                newPerMonth));
    }

    /** Returns these assumptions with churn lowered by {@code points} (a fraction: 0.005 is half a point), not below 0. */
    public GrowthAssumptions withChurnReducedBy(BigDecimal points) {
        Objects.requireNonNull(points, "points");
        if (points.signum() < 0) {
            throw new IllegalArgumentException("points: " + points.toPlainString() + " must be >= 0");
        }
        return new GrowthAssumptions(startMrr, monthlyChurn.subtract(points).max(BigDecimal.ZERO), monthlyExpansion,
                monthlyNewMrr);
    }

    /** Returns these assumptions with expansion raised by {@code relative} of itself (0.2 is +20%). */
    public GrowthAssumptions withExpansionIncreasedBy(BigDecimal relative) {
        Objects.requireNonNull(relative, "relative");
        if (relative.signum() < 0) {
            throw new IllegalArgumentException("relative: " + relative.toPlainString() + " must be >= 0");
        }
        return new GrowthAssumptions(startMrr, monthlyChurn, monthlyExpansion.multiply(BigDecimal.ONE.add(relative)),
                monthlyNewMrr);
    }

    /**
     * Projects MRR month by month: {@code MRR(t) = MRR(t-1) x (1 - churn + expansion) + new MRR}, {@code MRR(0)} being
     * the start MRR, each month rounded half-even to 12 decimal places. Revenue over the horizon is the sum of
     * {@code MRR(1) .. MRR(months)}.
     */
    public RevenueProjection project(int months) {
        if (months <= 0 || months > 1200) {
            throw new IllegalArgumentException("months: " + months + " must be from 1 to 1200");
        }
        BigDecimal factor = BigDecimal.ONE.subtract(monthlyChurn).add(monthlyExpansion);
        List<Money> path = new ArrayList<>(months);
        BigDecimal mrr = startMrr.amount();
        BigDecimal total = BigDecimal.ZERO;
        for (int t = 1; t <= months; t++) {
            mrr = mrr.multiply(factor).add(monthlyNewMrr.amount()).setScale(12, RoundingMode.HALF_EVEN);
            total = total.add(mrr);
            path.add(Money.of(mrr, startMrr.currency()));
        }
        return new RevenueProjection(this, path, Money.of(total, startMrr.currency()));
    }
}
