/**
 * Demo data for Kizuna's tests, benchmarks and examples, not library API: {@link dev.kizuna.sample.DemoPortfolio}
 * generates a deterministic, realistic synthetic portfolio from a seed, and cs-core's
 * {@link dev.kizuna.core.Portfolio} holds it.
 */
@NullMarked
package dev.kizuna.sample;

import org.jspecify.annotations.NullMarked;
