/**
 * The logistic churn model: a churn probability {@code p = 1 / (1 + exp(-z))} from a linear predictor
 * {@code z = intercept + Σ coefficient · x} over named signals (optionally standardised), and health
 * {@code = 100 · (1 - p)}.
 */
@NullMarked
package dev.kizuna.health.logistic;

import org.jspecify.annotations.NullMarked;
