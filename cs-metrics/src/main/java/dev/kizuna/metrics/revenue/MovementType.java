package dev.kizuna.metrics.revenue;

/**
 * The five kinds of MRR movement, as ChartMogul, Stripe and Baremetrics name them. Each is a change in one
 * customer's total MRR on one day; the identity
 * {@code start + new + expansion + reactivation - contraction - churn = end} relates them.
 */
public enum MovementType {
    /** A customer's first paid MRR (or a return after the reactivation window). MRR goes from zero to above zero. */
    NEW(1),
    /**
     * An increase for a customer who was already paying: more seats, a higher plan, a second subscription, a discount
     * ending.
     */
    EXPANSION(1),
    /** A decrease that leaves the customer paying: fewer seats, a lower plan, one of several subscriptions ending. */
    CONTRACTION(-1),
    /** The customer's last paid MRR ends: MRR goes from above zero to zero. */
    CHURN(-1),
    /** A churned customer pays again within the reactivation window. MRR goes from zero to above zero. */
    REACTIVATION(1);

    private final int sign;

    MovementType(int sign) {
        this.sign = sign;
    }

    /** Returns +1 for movements that add MRR and -1 for those that remove it. */
    public int sign() {
        return sign;
    }
}
