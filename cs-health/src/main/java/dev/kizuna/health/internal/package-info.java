/**
 * Machinery of the health module: argument checks, exact rounding of points, number formatting and the compiled
 * (array-based) scorecard. Not exported; nothing here is API.
 */
@NullMarked
package dev.kizuna.health.internal;

import org.jspecify.annotations.NullMarked;
