package dev.kizuna.metrics.retention;

/** How gross revenue retention counts the losses of the customers it follows. */
public enum GrrMethod {
    /**
     * The default: {@code (start MRR - their churn - their contraction) / start MRR}, summing the churn and contraction
     * movements of the period, as the domain brief defines GRR and as most published worked examples compute it. A
     * customer who expands and then contracts back within the period counts the contraction; in the rare case of a
     * customer who expands and then churns, the churn exceeds its start MRR and the rate can fall below zero.
     */
    MOVEMENTS,
    /**
     * {@code sum of min(end MRR, start MRR) / sum of start MRR} over the same customers: each customer's retained MRR
     * is capped at its start, so expansion never offsets a loss and the rate stays between 0 and 100%. The usual
     * convention for annual GRR in investor reporting.
     */
    PER_CUSTOMER_CAP
}
