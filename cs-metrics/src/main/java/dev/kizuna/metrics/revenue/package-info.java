/**
 * Revenue metrics: MRR and ARR at any date, the MRR movement ledger ({@link dev.kizuna.metrics.revenue.MrrLedger})
 * that classifies every change as new, expansion, contraction, churn or reactivation, and period summaries
 * ({@link dev.kizuna.metrics.revenue.PeriodSummary}) for which the bridge identity
 * {@code start + new + expansion + reactivation - contraction - churn = end} holds exactly.
 *
 * <p>Amounts are exact ({@link dev.kizuna.core.Money}); a ledger is in one currency unless a
 * {@link dev.kizuna.metrics.revenue.MoneyConverter} is supplied.
 */
@NullMarked
package dev.kizuna.metrics.revenue;

import org.jspecify.annotations.NullMarked;
