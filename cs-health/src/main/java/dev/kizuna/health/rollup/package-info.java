/**
 * Rollups of many accounts' health: a portfolio's {@linkplain dev.kizuna.health.rollup.BandDistribution band
 * distribution} and riskiest-first order; and child accounts' health rolled up to their parent: the mean, the
 * ARR-weighted mean, the worst child, and the share of children and of ARR in each band.
 */
@NullMarked
package dev.kizuna.health.rollup;

import org.jspecify.annotations.NullMarked;
