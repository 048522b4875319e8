package dev.kizuna.benchmarks.metrics;

import dev.kizuna.metrics.revenue.PeriodSummary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One month's MRR bridge as both engines report it, amounts exact and in canonical form (trailing zeros stripped), so
 * that two bridges are {@code equals} exactly when every amount and count agrees.
 *
 * @param month             the first day of the month
 * @param startMrr          MRR the day before the month
 * @param newMrr            new business
 * @param expansionMrr      expansion
 * @param reactivationMrr   reactivation
 * @param contractionMrr    contraction, positive
 * @param churnedMrr        churn, positive
 * @param endMrr            MRR on the month's last day
 * @param startCustomers    paying customers the day before the month
 * @param newCount          new-business movements
 * @param expansionCount    expansion movements
 * @param reactivationCount reactivation movements
 * @param contractionCount  contraction movements
 * @param churnCount        churn movements
 * @param endCustomers      paying customers on the month's last day
 */
public record MonthlyBridge(LocalDate month, BigDecimal startMrr, BigDecimal newMrr, BigDecimal expansionMrr,
                            BigDecimal reactivationMrr, BigDecimal contractionMrr, BigDecimal churnedMrr,
                            BigDecimal endMrr, long startCustomers, long newCount, long expansionCount,
                            long reactivationCount, long contractionCount, long churnCount, long endCustomers) {

    /** Canonicalises the amounts. */
    public MonthlyBridge {
        Objects.requireNonNull(month, "month");
        startMrr = canonical(startMrr, "startMrr");
        newMrr = canonical(newMrr, "newMrr");
        expansionMrr = canonical(expansionMrr, "expansionMrr");
        reactivationMrr = canonical(reactivationMrr, "reactivationMrr");
        contractionMrr = canonical(contractionMrr, "contractionMrr");
        churnedMrr = canonical(churnedMrr, "churnedMrr");
        endMrr = canonical(endMrr, "endMrr");
    }

    /** Returns the bridge of a calendar month the ledger summarised. */
    public static MonthlyBridge of(PeriodSummary s) {
        Objects.requireNonNull(s, "s");
        return new MonthlyBridge(s.period().start(), s.startMrr().amount(), s.newMrr().amount(),
                s.expansionMrr().amount(), s.reactivationMrr().amount(), s.contractionMrr().amount(),
                s.churnedMrr().amount(), s.endMrr().amount(), s.startCustomers(), s.newCount(), s.expansionCount(),
                s.reactivationCount(), s.contractionCount(), s.churnCount(), s.endCustomers());
    }

    private static BigDecimal canonical(BigDecimal amount, String name) {
        Objects.requireNonNull(amount, name);
        if (amount.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
