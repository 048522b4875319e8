/**
 * Rollups of child accounts' health to their parent: the mean, the ARR-weighted mean, the worst child, and the share
 * of children and of ARR in each band.
 */
@NullMarked
package dev.kizuna.health.rollup;

import org.jspecify.annotations.NullMarked;
