package dev.kizuna.core.plan;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static dev.kizuna.core.plan.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmartGoalTest {
    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final LocalDate DUE = LocalDate.of(2024, 4, 10); // 100 days after START

    private static SmartGoal goal(double baseline, double target, double current) {
        return new SmartGoal("Adoption", "licence_utilisation", baseline, target, current, START, DUE);
    }

    @Test
    void blankNameIsRejected() {
        assertRejected("goal.name", () -> new SmartGoal(" ", "m", 0, 1, 0, START, DUE), "blank");
    }

    @Test
    void metricWithSurroundingSpaceIsRejected() {
        assertRejected("goal.metric", () -> new SmartGoal("g", " nps", 0, 1, 0, START, DUE), "' nps'");
    }

    @Test
    void nonFiniteBaselineIsRejected() {
        assertRejected("goal.baseline", () -> goal(Double.NaN, 1, 0), "NaN");
    }

    @Test
    void nonFiniteTargetIsRejected() {
        assertRejected("goal.target", () -> goal(0, Double.POSITIVE_INFINITY, 0), "Infinity");
    }

    @Test
    void nonFiniteCurrentIsRejected() {
        assertRejected("goal.current", () -> goal(0, 1, Double.NEGATIVE_INFINITY), "-Infinity");
    }

    @Test
    void targetEqualToBaselineIsRejected() {
        assertRejected("goal.target", () -> goal(5, 5, 5), "5.0", "must differ from goal.baseline");
    }

    @Test
    void dueDateOnStartDateIsRejected() {
        assertRejected("goal.dueDate", () -> new SmartGoal("g", "m", 0, 1, 0, START, START),
                "2024-01-01 must be after goal.startDate 2024-01-01");
    }

    @Test
    void dueDateBeforeStartDateIsRejected() {
        assertRejected("goal.dueDate", () -> new SmartGoal("g", "m", 0, 1, 0, START, START.minusDays(1)),
                "2023-12-31");
    }

    @Test
    void missingDatesAreRejected() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> new SmartGoal("g", "m", 0, 1, 0, START, null));
        assertEquals("goal.dueDate", e.getMessage());
    }

    @Test
    void progressIsTheShareOfTheWayFromBaselineToTarget() {
        assertEquals(0.25, goal(0.2, 0.6, 0.3).progress(), 1e-12);
        assertEquals(0.0, goal(10, 20, 10).progress());
    }

    @Test
    void progressOfADecreasingGoalCountsTheReduction() {
        // Cut escalated tickets from 12 to 4: at 10 a quarter of the way is done.
        assertEquals(0.25, goal(12, 4, 10).progress());
        assertTrue(goal(12, 4, 4).isAchieved());
        assertFalse(goal(12, 4, 5).isAchieved());
    }

    @Test
    void progressIsClampedToZeroAndOne() {
        assertEquals(0.0, goal(10, 20, 5).progress(), "moved away from the target");
        assertEquals(1.0, goal(10, 20, 25).progress(), "went beyond the target");
        assertEquals(0.0, goal(12, 4, 15).progress(), "decreasing goal that increased");
        assertEquals(1.0, goal(12, 4, 0).progress(), "decreasing goal beyond its target");
    }

    @Test
    void progressOfHugeValuesDoesNotOverflow() {
        SmartGoal g = goal(-Double.MAX_VALUE, Double.MAX_VALUE, 0);
        assertEquals(0.5, g.progress());
    }

    @Test
    void achievedAtExactlyTheTarget() {
        assertTrue(goal(0, 10, 10).isAchieved());
        assertFalse(goal(0, 10, 9.999).isAchieved());
        assertEquals(1.0, goal(0, 10, 10).progress());
    }

    @Test
    void expectedProgressIsTheElapsedShareOfTheSchedule() {
        SmartGoal g = goal(0, 1, 0);
        assertEquals(0.0, g.expectedProgress(START.minusDays(5)), "before the start");
        assertEquals(0.0, g.expectedProgress(START));
        assertEquals(0.25, g.expectedProgress(START.plusDays(25)));
        assertEquals(1.0, g.expectedProgress(DUE));
        assertEquals(1.0, g.expectedProgress(DUE.plusDays(30)), "after the due date");
    }

    @Test
    void goalIsOverdueOnlyAfterItsDueDateAndWhenNotAchieved() {
        SmartGoal open = goal(0, 1, 0.5);
        assertFalse(open.isOverdue(DUE), "the due date itself is still in time");
        assertTrue(open.isOverdue(DUE.plusDays(1)));
        assertFalse(open.withCurrent(1).isOverdue(DUE.plusDays(1)), "achieved goals are never overdue");
    }

    @Test
    void ofStartsAtTheBaseline() {
        SmartGoal g = SmartGoal.of("g", "nps", 10, 40, START, DUE);
        assertEquals(10, g.current());
        assertEquals(0.0, g.progress());
    }
}
