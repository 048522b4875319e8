/**
 * Portfolio-level reporting of health scores: the band distribution, the riskiest accounts, and a stable JSON form
 * of scores and explanations for tools and command lines.
 */
@NullMarked
package dev.kizuna.health.report;

import org.jspecify.annotations.NullMarked;
