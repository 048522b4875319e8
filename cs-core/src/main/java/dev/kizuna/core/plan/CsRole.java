package dev.kizuna.core.plan;

/**
 * The roles that own work in a success plan: the customer-success ladder, and the other teams that have a part in
 * the customer's journey. Every task in a plan has exactly one owning role.
 */
public enum CsRole {
    /** The executive who answers for the whole customer experience, retention and expansion. */
    CHIEF_CUSTOMER_OFFICER(true),
    /** The vice-president or director of customer success: strategy, coverage model and the team's numbers. */
    VP_CUSTOMER_SUCCESS(true),
    /** The lead of a CS team: coaching, escalations and the team's book of accounts. */
    CS_LEAD(true),
    /** The customer success manager (CSM): the customer's owner day to day, and of its success plan. */
    CUSTOMER_SUCCESS_MANAGER(true),
    /** The CS associate: onboarding, training and tech-touch programmes for many accounts at once. */
    CS_ASSOCIATE(true),
    /** Sales: the offer, the purchase and the handoff to CS; expansion deals that CS qualifies. */
    SALES(false),
    /** Marketing: awareness, education content, and advocacy programmes (reviews, case studies, community). */
    MARKETING(false),
    /** Support: answers to problems after they appear, and escalations. */
    SUPPORT(false),
    /** Product: the roadmap, and the voice of the customer that CS brings back. */
    PRODUCT(false);

    private final boolean customerSuccess;

    CsRole(boolean customerSuccess) {
        this.customerSuccess = customerSuccess;
    }

    /** Returns whether this role belongs to the customer-success organisation rather than another team. */
    public boolean isCustomerSuccess() {
        return customerSuccess;
    }
}
