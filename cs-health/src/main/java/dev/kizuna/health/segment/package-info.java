/**
 * Segment resolution: a different health model per segment, tier or journey stage, with a default, and a result
 * that says which model scored the account and why. Build a {@link dev.kizuna.health.segment.SegmentedModel} in code,
 * or read its rules and models as data with {@link dev.kizuna.health.segment.SegmentedDefinition}.
 */
@NullMarked
package dev.kizuna.health.segment;

import org.jspecify.annotations.NullMarked;
