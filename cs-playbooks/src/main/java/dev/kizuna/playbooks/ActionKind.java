package dev.kizuna.playbooks;

/**
 * What a recommended action asks the host to do. Each kind says whether it reaches the customer by default, which is
 * what {@linkplain RuleSet#oneVoice() one voice per customer} caps.
 */
public enum ActionKind {
    /** An internal task or call to action (CTA) for the owner, such as "call the champion". */
    TASK(false),
    /** A message or content to the customer: an e-mail, a guide, a training invitation, success stories. */
    CUSTOMER_MESSAGE(true),
    /** An escalation of the account into a red-account programme, where a dedicated team takes it. */
    ESCALATION(false),
    /** A customer-success-qualified lead (CSQL) handed to sales: an upgrade, a related product, a longer term. */
    CSQL_HANDOFF(false),
    /** An invitation to the customer to advocate: a referral, a review, a case study, a community role. */
    ADVOCACY_INVITE(true),
    /** An executive business review to schedule with the customer. */
    EBR(true);

    private final boolean customerFacing;

    ActionKind(boolean customerFacing) {
        this.customerFacing = customerFacing;
    }

    /** Returns whether actions of this kind reach the customer unless an action says otherwise. */
    public boolean isCustomerFacingByDefault() {
        return customerFacing;
    }
}
