package dev.kizuna.core.plan;

/** The key moments of a customer's journey that a success plan tracks as milestones. */
public enum MilestoneKind {
    /** The kickoff meeting, where vendor and customer agree the success plan. */
    KICKOFF,
    /** Onboarding is done: the product is set up and its users are trained. */
    ONBOARDING_COMPLETE,
    /** The customer first gets the value it bought the product for; its date gives the time to value. */
    FIRST_VALUE,
    /** A quarterly business review. */
    QBR,
    /** An executive business review, with the customer's executive sponsor. */
    EBR,
    /** The contract's renewal. */
    RENEWAL,
    /** Any other milestone the team defines; its name says what it is. */
    CUSTOM
}
