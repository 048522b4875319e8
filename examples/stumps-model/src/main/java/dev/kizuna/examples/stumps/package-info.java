/**
 * Gradient-boosted decision stumps as a Kizuna health model: the definition ({@link StumpsDefinition}, made of
 * {@link Stump}s), the model ({@link StumpsModel}), its provider for {@link java.util.ServiceLoader}
 * ({@link StumpsProvider}) and a fitter ({@link StumpBooster}, whose result is a {@link StumpFit}).
 *
 * <p>Written as a researcher outside the project would write it, against cs-health's public SPI only:
 * {@link dev.kizuna.health.HealthModelProvider}, {@link dev.kizuna.health.HealthModel},
 * {@link dev.kizuna.health.ModelDefinition} and {@link dev.kizuna.health.definition.DefinitionNode}.
 */
@NullMarked
package dev.kizuna.examples.stumps;

import org.jspecify.annotations.NullMarked;
