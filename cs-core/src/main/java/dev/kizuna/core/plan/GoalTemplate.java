package dev.kizuna.core.plan;

import dev.kizuna.core.Dates;
import dev.kizuna.core.internal.Checks;

import java.time.LocalDate;

/**
 * The template of a {@link SmartGoal}: its name, metric, baseline and target, and its due date as an offset from
 * the plan's start.
 *
 * @param name      the goal's name, unique within its template
 * @param metric    the name of the KPI the goal moves
 * @param baseline  the metric's value the goal starts from; finite
 * @param target    the value to reach; finite and different from {@code baseline}
 * @param dueInDays the days from the plan's start to the goal's due date; > 0
 */
public record GoalTemplate(String name, String metric, double baseline, double target, int dueInDays) {

    /** Validates every part. */
    public GoalTemplate {
        Checks.nonBlank(name, "goal.name");
        Checks.identifier(metric, "goal.metric");
        Checks.finite(baseline, "goal.baseline");
        Checks.finite(target, "goal.target");
        if (target == baseline) {
            throw new IllegalArgumentException("goal.target: " + target + " must differ from goal.baseline " + baseline
                    + ", or there is nothing to reach");
        }
        Checks.positive(dueInDays, "goal.dueInDays");
    }

    /** Returns the goal template with the given parts. */
    public static GoalTemplate of(String name, String metric, double baseline, double target, int dueInDays) {
        return new GoalTemplate(name, metric, baseline, target, dueInDays);
    }

    /**
     * Returns the goal of a plan that starts on {@code start}: it starts then, is due {@code dueInDays} later, and
     * its metric currently stands at {@code current}.
     *
     * @throws IllegalArgumentException if {@code start} or the due date is outside {@link Dates the supported range}
     */
    public SmartGoal instantiate(LocalDate start, double current) {
        Dates.check("start", start);
        // start is at most 9999-12-31 and dueInDays an int: the sum stays far inside LocalDate's own range.
        LocalDate due = start.plusDays(dueInDays);
        if (!Dates.isSupported(due)) {
            throw new IllegalArgumentException("goal.dueInDays: " + dueInDays + " days after the start " + start
                    + " is " + due + ", after the last supported date " + Dates.LATEST);
        }
        return new SmartGoal(name, metric, baseline, target, current, start, due);
    }
}
