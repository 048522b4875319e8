/**
 * Values shared by every metric calculator: {@link dev.kizuna.metrics.Ratio} (an exact rate that is never
 * {@code NaN}), {@link dev.kizuna.metrics.DateRange}, {@link dev.kizuna.metrics.ReportingPeriod} and
 * {@link dev.kizuna.metrics.ConfidenceLevel}.
 *
 * <p>A rate whose denominator would be zero is never computed: calculators return {@link java.util.Optional#empty()}
 * instead, so that an empty period can never produce a division by zero or {@code NaN}.
 */
@NullMarked
package dev.kizuna.metrics;

import org.jspecify.annotations.NullMarked;
