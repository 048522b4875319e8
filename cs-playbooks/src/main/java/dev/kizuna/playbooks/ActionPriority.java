package dev.kizuna.playbooks;

/** How urgent an action is for its owner, from least to most urgent (the declaration order). */
public enum ActionPriority {
    /** When there is time. */
    LOW,
    /** In the normal course of work. */
    NORMAL,
    /** Before normal work. */
    HIGH,
    /** Now: the account is at risk. */
    URGENT
}
