/**
 * Fitting health models from outcomes: {@link dev.kizuna.health.fit.LogisticFitter} fits the logistic churn model to
 * labelled snapshots by maximum likelihood (Newton-Raphson, that is iteratively reweighted least squares), with
 * optional L2 regularisation and built-in standardisation, and returns a {@link dev.kizuna.health.fit.LogisticFit}:
 * coefficients with standard errors, convergence information and a definition ready to load.
 * {@link dev.kizuna.health.fit.ScorecardSuggestions} translates a fit into a weighted scorecard a CS team can read,
 * and says how much AUC the translation costs.
 */
@NullMarked
package dev.kizuna.health.fit;

import org.jspecify.annotations.NullMarked;
