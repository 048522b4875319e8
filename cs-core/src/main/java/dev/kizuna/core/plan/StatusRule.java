package dev.kizuna.core.plan;

import dev.kizuna.core.internal.Checks;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The rule that derives a {@link PlanStatus} from a plan's goals and milestones on a given day, with thresholds a
 * host may tune. The rule, on day {@code asOf}, checked in this order:
 *
 * <ol>
 *   <li><b>{@link PlanStatus#OFF_TRACK}</b> if any goal is {@linkplain SmartGoal#isOverdue overdue} (strictly past
 *       its due date and not achieved), or any milestone is overdue by more than
 *       {@code offTrackDaysOverdue} days ({@link Milestone#daysOverdue}), or at least
 *       {@code offTrackOverdueMilestones} milestones are overdue;</li>
 *   <li>else <b>{@link PlanStatus#AT_RISK}</b> if any milestone is overdue, or any open goal (not achieved) lags its
 *       schedule by more than {@code atRiskProgressLag}: {@link SmartGoal#expectedProgress(LocalDate)} minus
 *       {@link SmartGoal#progress()} is greater than the lag;</li>
 *   <li>else <b>{@link PlanStatus#ON_TRACK}</b>.</li>
 * </ol>
 *
 * The {@linkplain #defaults() defaults} are 30 days, 2 milestones and a lag of 0.25. Every threshold is strict
 * where the rule says "more than": a milestone 30 days overdue, or a goal exactly 0.25 behind, is at risk or on
 * track, not worse. A plan without goals or milestones is on track.
 *
 * <p>An immutable value, safe to share between threads.
 *
 * @param offTrackDaysOverdue       a milestone overdue by more than this many days puts the plan off track; >= 0
 * @param offTrackOverdueMilestones this many overdue milestones put the plan off track; >= 1
 * @param atRiskProgressLag         an open goal further behind its expected progress than this puts the plan at
 *                                  risk; from 0 to 1 (1 never triggers)
 */
public record StatusRule(int offTrackDaysOverdue, int offTrackOverdueMilestones, double atRiskProgressLag) {
    private static final StatusRule DEFAULTS = new StatusRule(30, 2, 0.25);

    /** Validates the thresholds. */
    public StatusRule {
        Checks.nonNegative(offTrackDaysOverdue, "statusRule.offTrackDaysOverdue");
        Checks.positive(offTrackOverdueMilestones, "statusRule.offTrackOverdueMilestones");
        Checks.finite(atRiskProgressLag, "statusRule.atRiskProgressLag");
        if (atRiskProgressLag < 0 || atRiskProgressLag > 1) {
            throw new IllegalArgumentException("statusRule.atRiskProgressLag: " + atRiskProgressLag
                    + " must be from 0 to 1");
        }
    }

    /** Returns the default rule: off track after 30 days overdue or at 2 overdue milestones; at risk at a lag over 0.25. */
    public static StatusRule defaults() {
        return DEFAULTS;
    }

    /** Returns the rule with the given thresholds. */
    public static StatusRule of(int offTrackDaysOverdue, int offTrackOverdueMilestones, double atRiskProgressLag) {
        return new StatusRule(offTrackDaysOverdue, offTrackOverdueMilestones, atRiskProgressLag);
    }

    /** Returns the status of {@code plan} on {@code asOf} under this rule. */
    public PlanStatus statusOf(SuccessPlan plan, LocalDate asOf) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(asOf, "asOf");
        int overdueMilestones = 0;
        boolean longOverdue = false;
        for (Milestone m : plan.milestones()) {
            if (m.isOverdue(asOf)) {
                overdueMilestones++;
                longOverdue |= m.daysOverdue(asOf) > offTrackDaysOverdue;
            }
        }
        boolean goalOverdue = false;
        boolean goalLagging = false;
        for (SmartGoal g : plan.goals()) {
            goalOverdue |= g.isOverdue(asOf);
            goalLagging |= !g.isAchieved() && g.expectedProgress(asOf) - g.progress() > atRiskProgressLag;
        }
        if (goalOverdue || longOverdue || overdueMilestones >= offTrackOverdueMilestones) {
            return PlanStatus.OFF_TRACK;
        }
        if (overdueMilestones > 0 || goalLagging) {
            return PlanStatus.AT_RISK;
        }
        return PlanStatus.ON_TRACK;
    }
}
