/**
 * Portfolio-level reporting of health scores: the band distribution and the riskiest accounts. The stable JSON form
 * of scores and explanations is in {@link dev.kizuna.health.json}.
 */
@NullMarked
package dev.kizuna.health.report;

import org.jspecify.annotations.NullMarked;
