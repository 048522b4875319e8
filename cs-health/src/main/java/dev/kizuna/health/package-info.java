/**
 * Health scores: the SPI a health model implements, and the values every model returns.
 *
 * <p>A {@link dev.kizuna.health.HealthModel} turns an account's
 * {@link dev.kizuna.core.signal.SignalSnapshot} into a {@link dev.kizuna.health.HealthScore}: a value from 0 to 100,
 * a {@link dev.kizuna.health.HealthBand}, per-input {@link dev.kizuna.health.Contribution}s that add up exactly to the
 * value, and the completeness of the inputs; or, when too little is known, an honest "insufficient data" with no
 * number. {@link dev.kizuna.health.HealthModelProvider}s create models from definitions (data, never code) and are
 * found through {@link java.util.ServiceLoader} by {@link dev.kizuna.health.HealthModels}. An
 * {@link dev.kizuna.health.Explanation} says which inputs pulled the score down or lifted it, and how far each
 * input would have to move to reach the next band.
 */
@NullMarked
package dev.kizuna.health;

import org.jspecify.annotations.NullMarked;
