/**
 * Retention metrics computed from an {@link dev.kizuna.metrics.revenue.MrrLedger}: logo churn and retention
 * ({@link dev.kizuna.metrics.retention.LogoChurn}), gross and net MRR churn
 * ({@link dev.kizuna.metrics.retention.MrrChurn}), gross and net revenue retention for a period, the trailing twelve
 * months or a cohort ({@link dev.kizuna.metrics.retention.RevenueRetention}), the SaaS quick ratio, unit economics
 * (ARPA, LTV, CAC, LTV:CAC, CAC payback) and the churn-floor trade-off projection.
 *
 * <p>Every rate is an exact {@link dev.kizuna.metrics.Ratio}; a rate whose denominator is zero (an empty period) is
 * {@link java.util.Optional#empty()}, never {@code NaN}. Each calculator's Javadoc gives its formula, the convention
 * it follows, and which option reproduces ChartMogul, Stripe or Baremetrics where they differ.
 */
@NullMarked
package dev.kizuna.metrics.retention;

import org.jspecify.annotations.NullMarked;
