package dev.kizuna.metrics.retention;

/**
 * Who counts in a logo (customer) churn rate. "Lost" customers are always those who paid at some time in the period
 * and do not pay on its last day; the conventions differ in which of them count and in the denominator.
 */
public enum LogoChurnConvention {
    /**
     * The default: customers paying at the start who do not pay at the end, over customers paying at the start. A
     * customer who joined and left inside the period is in neither; one who churned and came back is not lost. This is
     * ChartMogul's standard (B2B) formula: "customers who churned in the period (excluding any customers who both
     * joined and churned in the period or churned and reactivated in a period) / customers at the start of the period"
     * (help.chartmogul.com, "Churn rate formulas").
     */
    START_OF_PERIOD,
    /**
     * Customers paying at any time in the period who do not pay at its end, over customers paying at the start plus
     * those who became paying during it (new or reactivated). Stripe's subscriber churn rate: "churned subscribers in
     * the past 30 days divided by active subscribers as of 30 days ago, plus new subscribers in those 30 days"
     * (Stripe Billing analytics; use a trailing 30-day {@link dev.kizuna.metrics.DateRange} to reproduce it). Never
     * above 100%.
     */
    INCLUDING_NEW,
    /**
     * Every customer lost in the period, including those who joined and left inside it, over customers paying at the
     * start: Baremetrics' user churn, "cancelled customers in the last 30 days / active customers 30 days ago", which
     * counts customers who sign up and cancel within the window (help.baremetrics.com, "User and Revenue Churn";
     * Baremetrics changelog). Can exceed 100%.
     */
    ALL_LOST_OVER_START
}
