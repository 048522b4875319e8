/**
 * Segment resolution: a different health model per segment, tier or journey stage, with a default, and a result
 * that says which model scored the account and why.
 */
@NullMarked
package dev.kizuna.health.segment;

import org.jspecify.annotations.NullMarked;
