package dev.kizuna.core.plan;

/** The channel of a touchpoint: how the vendor and the customer were in contact. */
public enum TouchpointChannel {
    /** A phone or video call. */
    CALL,
    /** An e-mail, personal or automated. */
    EMAIL,
    /** A working meeting, in person or online. */
    MEETING,
    /** A training session, webinar or course. */
    TRAINING,
    /** A survey sent to the customer (NPS, CSAT, CES). */
    SURVEY,
    /** An executive business review (EBR) with the customer's executive sponsor. */
    EXECUTIVE_BUSINESS_REVIEW
}
