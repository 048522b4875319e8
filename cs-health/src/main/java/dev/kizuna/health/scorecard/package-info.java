/**
 * The weighted scorecard: measures over named signals, each mapped to a sub-score from 0 to 100 by a
 * {@link dev.kizuna.health.scorecard.Normaliser}, weighted (weights are any non-negative numbers, normalised within
 * each group), optionally grouped and nested, with an explicit policy for missing data, a minimum completeness and
 * caps that can only lower the score.
 *
 * <p>Group and overall scores are weighted means, as in Gainsight's scorecards: a group of measures weighted 20, 15
 * and 22 with scores 47, 59 and 21 scores (20·47 + 15·59 + 22·21) / 57 = 40.12.
 */
@NullMarked
package dev.kizuna.health.scorecard;

import org.jspecify.annotations.NullMarked;
