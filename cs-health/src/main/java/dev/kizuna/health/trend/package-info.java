/**
 * Health over time: the change since the previous score, the slope over a window, band transitions with their
 * dates, and staleness of the inputs.
 */
@NullMarked
package dev.kizuna.health.trend;

import org.jspecify.annotations.NullMarked;
