package dev.kizuna.core.plan;

/**
 * How a success plan stands, from best to worst; derived by a {@link StatusRule} from goal progress and overdue
 * milestones. The declaration order is the severity order: {@code ON_TRACK < AT_RISK < OFF_TRACK}.
 */
public enum PlanStatus {
    /** Goals progress as planned and no milestone is overdue. */
    ON_TRACK,
    /** A milestone is overdue, or a goal lags behind its schedule: act before it gets worse. */
    AT_RISK,
    /** A goal missed its due date, or milestones are overdue for long or in numbers: the plan needs rescue. */
    OFF_TRACK;

    /** Returns whether this status is worse (more severe) than {@code other}. */
    public boolean isWorseThan(PlanStatus other) {
        return compareTo(other) > 0;
    }
}
