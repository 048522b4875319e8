/**
 * Proving that a health score predicts churn: a {@link dev.kizuna.health.backtest.Backtest} takes score snapshots
 * taken at times {@code t} (or a model and historical signal snapshots) and the outcomes that really happened
 * ({@link dev.kizuna.health.outcome.Outcome}: churned, contracted, expanded), labels each snapshot with what happened
 * within a horizon after {@code t}, and reports how well the score ranked and calibrated those outcomes: ROC AUC and
 * PR AUC with bootstrap confidence intervals, the Brier score, calibration by decile, lift and capture in the riskiest
 * decile, the event rate per band and the bands accounts were in when they left. Several models are compared on the
 * same observations with DeLong's paired test of their AUCs.
 */
@NullMarked
package dev.kizuna.health.backtest;

import org.jspecify.annotations.NullMarked;
