package dev.kizuna.health.backtest;

/**
 * DeLong's test that two scores, measured on the same observations, have the same ROC AUC (DeLong, DeLong &amp;
 * Clarke-Pearson, "Comparing the areas under two or more correlated receiver operating characteristic curves: a
 * nonparametric approach", Biometrics 44(3), 1988). The variance of {@code aucA - aucB} comes from the placement
 * values of each event and non-event under both scores, so it accounts for the two AUCs being correlated; {@code z}
 * is the difference over its standard error, and the p-value is two-sided, from the standard normal distribution.
 * The test assumes independent observations: with several snapshots per account, prefer the paired bootstrap
 * interval that {@link ModelComparison} reports beside it. Immutable and thread-safe.
 *
 * @param aucA          the first score's ROC AUC
 * @param aucB          the second score's ROC AUC
 * @param difference    {@code aucA - aucB}
 * @param standardError the standard error of the difference
 * @param z             the difference over its standard error (0 when both are 0)
 * @param pValue        the two-sided p-value of no difference
 */
public record DeLongTest(double aucA, double aucB, double difference, double standardError, double z, double pValue) {
}
