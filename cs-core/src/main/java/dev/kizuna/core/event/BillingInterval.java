package dev.kizuna.core.event;

/** How often a recurring charge is billed, and so how its amount is normalised to a month. */
public enum BillingInterval {
    /** Billed every month; MRR is the amount itself. */
    MONTHLY(1),
    /** Billed every 3 months; MRR is the amount / 3. */
    QUARTERLY(3),
    /** Billed every 6 months; MRR is the amount / 6. */
    SEMI_ANNUAL(6),
    /** Billed every year; MRR is the amount / 12. */
    ANNUAL(12),
    /** Billed every 2 years; MRR is the amount / 24. */
    BIENNIAL(24);

    private final int months;

    BillingInterval(int months) {
        this.months = months;
    }

    /** Returns the number of months one billing period covers. */
    public int months() {
        return months;
    }
}
