package dev.kizuna.metrics.revenue;

/**
 * When the MRR of a cancelled subscription leaves the ledger.
 *
 * <p>ChartMogul offers the same two choices ("at the end of the final subscription service period" and "when the
 * subscription is marked as cancelled"; help.chartmogul.com, article "Churn recognition"). Stripe's billing analytics
 * drop a subscription from MRR when it is cancelled or marked unpaid, so a cancellation that takes effect at period
 * end is recognised at {@link #SERVICE_END} (docs.stripe.com/billing/subscriptions/analytics/glossary).
 */
public enum ChurnRecognition {
    /**
     * The default: MRR stays until service ends, the {@code effectiveDate} of the
     * {@link dev.kizuna.core.event.SubscriptionEvent.Kind#CANCEL CANCEL} event (the first day without service).
     */
    SERVICE_END,
    /**
     * MRR leaves on the day the customer asked to cancel, the {@code recordedOn} date of the {@code CANCEL} event
     * (never before the subscription started). Changes that take effect between the request and the end of service
     * then have no effect on MRR; the ledger counts them in {@link MrrLedger#excludedEventCount()}. This is closer to
     * committed MRR (CMRR).
     */
    CANCELLATION_REQUEST
}
