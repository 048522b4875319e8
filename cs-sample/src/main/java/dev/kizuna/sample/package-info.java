/**
 * A deterministic, realistic synthetic portfolio for demos, tests and benchmarks: {@link
 * dev.kizuna.sample.DemoPortfolio} generates it from a seed, and {@link dev.kizuna.core.Portfolio}
 * holds it.
 */
@NullMarked
package dev.kizuna.sample;

import org.jspecify.annotations.NullMarked;
