/**
 * Cohorts and survival: logo and revenue retention matrices by start period
 * ({@link dev.kizuna.metrics.cohort.CohortMatrix}), and Kaplan-Meier survival curves with right-censoring, a Greenwood
 * confidence band and the median lifetime ({@link dev.kizuna.metrics.cohort.KaplanMeier}).
 */
@NullMarked
package dev.kizuna.metrics.cohort;

import org.jspecify.annotations.NullMarked;
