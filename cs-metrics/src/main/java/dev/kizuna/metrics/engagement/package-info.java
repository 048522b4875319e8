/**
 * Engagement and lifecycle metrics: active users, DAU/MAU stickiness, licence utilisation, feature adoption breadth
 * and depth, usage trend ({@link dev.kizuna.metrics.engagement.UserActivity} inputs); onboarding completion, time to
 * value, time in stage and stage conversion (from {@link dev.kizuna.core.journey.JourneyHistory}); upsell and
 * cross-sell (from an {@link dev.kizuna.metrics.revenue.MrrLedger}); CSQL count and conversion.
 *
 * <p>The inputs are small records of this package, so that any usage or activity source can feed them. A rate with an
 * empty denominator is {@link java.util.Optional#empty()}; inputs a metric does not count are counted in its result.
 */
@NullMarked
package dev.kizuna.metrics.engagement;

import org.jspecify.annotations.NullMarked;
