package dev.kizuna.core.plan;

import dev.kizuna.core.Dates;
import dev.kizuna.core.internal.Checks;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A SMART goal: a named change of one metric, from a baseline to a target, between a start date and a due date, so
 * that its progress is computable.
 *
 * <p>The target may be above the baseline (raise licence utilisation from 0.2 to 0.8) or below it (cut escalated
 * tickets from 12 to 3): progress is measured in the direction from baseline to target either way. The metric is
 * the name of the KPI the host measures, such as {@code "licence_utilisation"}; Kizuna does not interpret it.
 *
 * @param name      the goal's name, unique within its plan
 * @param metric    the name of the KPI the goal moves
 * @param baseline  the metric's value when the goal was set; finite
 * @param target    the value to reach; finite and different from {@code baseline}
 * @param current   the metric's latest value; finite
 * @param startDate the day work towards the goal starts, within {@link Dates the supported range}
 * @param dueDate   the day the target must be reached; after {@code startDate}
 */
public record SmartGoal(
        String name,
        String metric,
        double baseline,
        double target,
        double current,
        LocalDate startDate,
        LocalDate dueDate) {

    /** Validates every part. */
    public SmartGoal {
        Checks.nonBlank(name, "goal.name");
        Checks.identifier(metric, "goal.metric");
        Checks.finite(baseline, "goal.baseline");
        Checks.finite(target, "goal.target");
        Checks.finite(current, "goal.current");
        Dates.check("goal.startDate", startDate);
        Dates.check("goal.dueDate", dueDate);
        if (target == baseline) {
            throw new IllegalArgumentException("goal.target: " + target + " must differ from goal.baseline " + baseline
                    + ", or there is nothing to reach");
        }
        if (!dueDate.isAfter(startDate)) {
            throw new IllegalArgumentException("goal.dueDate: " + dueDate + " must be after goal.startDate " + startDate);
        }
    }

    /** Returns a goal that has not moved yet: its current value is its baseline. */
    public static SmartGoal of(String name, String metric, double baseline, double target, LocalDate startDate,
                               LocalDate dueDate) {
        return new SmartGoal(name, metric, baseline, target, baseline, startDate, dueDate);
    }

    /** Returns this goal with a new current value of its metric. */
    public SmartGoal withCurrent(double newCurrent) {
        return new SmartGoal(name, metric, baseline, target, newCurrent, startDate, dueDate);
    }

    /**
     * Returns the share of the way from baseline to target that the current value has come:
     * {@code (current - baseline) / (target - baseline)}, clamped to [0, 1]. A value that moved away from the
     * target is 0; a value at or beyond the target is 1. The formula holds for decreasing targets too, since
     * numerator and denominator then are both negative.
     */
    public double progress() {
        double span = target - baseline;
        double done = current - baseline;
        if (Double.isInfinite(span)) {
            // The difference of two huge values overflowed; halving them first is exact at that magnitude. (An
            // infinite numerator over a finite span needs no such care: it clamps to 0 or 1.)
            span = target / 2 - baseline / 2;
            done = current / 2 - baseline / 2;
        }
        return clamp(done / span);
    }

    /**
     * Returns whether the current value has reached the target, compared exactly: {@code current >= target} for an
     * increasing goal, {@code current <= target} for a decreasing one.
     */
    public boolean isAchieved() {
        return target > baseline ? current >= target : current <= target;
    }

    /**
     * Returns the progress the goal should have made by {@code asOf} if it moved at an even pace: the days elapsed
     * from the start date to {@code asOf} divided by the days from the start date to the due date, clamped to
     * [0, 1]. It is 0 on or before the start date and 1 on or after the due date.
     */
    public double expectedProgress(LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        long elapsed = ChronoUnit.DAYS.between(startDate, asOf);
        long total = ChronoUnit.DAYS.between(startDate, dueDate);
        return clamp((double) elapsed / total);
    }

    /** Returns whether the goal is past its due date (strictly after it) on {@code asOf} and not achieved. */
    public boolean isOverdue(LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        return asOf.isAfter(dueDate) && !isAchieved();
    }

    private static double clamp(double share) {
        return Math.max(0.0, Math.min(1.0, share));
    }
}
