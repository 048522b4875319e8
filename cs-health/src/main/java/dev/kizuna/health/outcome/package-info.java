/**
 * What happened to accounts, and the labelling of observations with it: an
 * {@link dev.kizuna.health.outcome.Outcome} is a churn, contraction or expansion on a date, and
 * {@link dev.kizuna.health.outcome.Labels} are the rows of a signal frame labelled with whether a target outcome
 * followed each within a horizon, and whether the row is censored. The backtest judges scores against these labels;
 * the logistic fitter learns from them.
 */
@NullMarked
package dev.kizuna.health.outcome;

import org.jspecify.annotations.NullMarked;
