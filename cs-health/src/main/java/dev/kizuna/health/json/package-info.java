/**
 * The JSON codecs of the health module, in a stable form for tools and command lines:
 * {@link dev.kizuna.health.json.HealthJson} writes scores and explanations, {@link dev.kizuna.health.json.BacktestJson}
 * writes backtest reports.
 */
@NullMarked
package dev.kizuna.health.json;

import org.jspecify.annotations.NullMarked;
