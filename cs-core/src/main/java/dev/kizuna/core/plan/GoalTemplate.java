package dev.kizuna.core.plan;

import dev.kizuna.core.internal.Checks;

import java.time.LocalDate;
import java.util.Objects;

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
     * @throws java.time.DateTimeException if the due date is beyond the supported range of dates
     */
    public SmartGoal instantiate(LocalDate start, double current) {
        Objects.requireNonNull(start, "start");
        return new SmartGoal(name, metric, baseline, target, current, start, start.plusDays(dueInDays));
    }
}
