package dev.kizuna.core.plan;

import dev.kizuna.core.AccountId;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static dev.kizuna.core.plan.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatusRuleTest {
    private static final LocalDate AS_OF = LocalDate.of(2024, 6, 1);

    private static SuccessPlan.Builder plan() {
        return SuccessPlan.builder("plan-1", AccountId.of("acme"));
    }

    private static Milestone dueDaysAgo(String name, int days) {
        return Milestone.of(name, MilestoneKind.CUSTOM, AS_OF.minusDays(days), CsRole.CUSTOMER_SUCCESS_MANAGER);
    }

    /** A goal from 0 to 100, halfway through its schedule on AS_OF (expected progress exactly 0.5). */
    private static SmartGoal halfwayGoal(double current) {
        return new SmartGoal("Adoption", "active_users", 0, 100, current, AS_OF.minusDays(50), AS_OF.plusDays(50));
    }

    @Test
    void defaultsAreThirtyDaysTwoMilestonesAndAQuarterLag() {
        assertEquals(StatusRule.of(30, 2, 0.25), StatusRule.defaults());
    }

    @Test
    void negativeDaysOverdueIsRejected() {
        assertRejected("statusRule.offTrackDaysOverdue", () -> StatusRule.of(-1, 2, 0.25), "-1", ">= 0");
    }

    @Test
    void zeroOverdueMilestoneCountIsRejected() {
        assertRejected("statusRule.offTrackOverdueMilestones", () -> StatusRule.of(30, 0, 0.25), "0", "> 0");
    }

    @Test
    void nonFiniteLagIsRejected() {
        assertRejected("statusRule.atRiskProgressLag", () -> StatusRule.of(30, 2, Double.NaN), "NaN");
    }

    @Test
    void negativeLagIsRejected() {
        assertRejected("statusRule.atRiskProgressLag", () -> StatusRule.of(30, 2, -0.1), "-0.1", "from 0 to 1");
    }

    @Test
    void lagAboveOneIsRejected() {
        assertRejected("statusRule.atRiskProgressLag", () -> StatusRule.of(30, 2, 1.5), "1.5", "from 0 to 1");
    }

    @Test
    void emptyPlanIsOnTrack() {
        assertEquals(PlanStatus.ON_TRACK, plan().build().status(AS_OF));
    }

    @Test
    void milestoneDueTodayIsStillOnTrack() {
        assertEquals(PlanStatus.ON_TRACK, plan().milestone(dueDaysAgo("m", 0)).build().status(AS_OF));
    }

    @Test
    void milestoneOneDayOverdueIsAtRisk() {
        assertEquals(PlanStatus.AT_RISK, plan().milestone(dueDaysAgo("m", 1)).build().status(AS_OF));
    }

    @Test
    void milestoneExactlyThirtyDaysOverdueIsAtRisk() {
        assertEquals(PlanStatus.AT_RISK, plan().milestone(dueDaysAgo("m", 30)).build().status(AS_OF));
    }

    @Test
    void milestoneThirtyOneDaysOverdueIsOffTrack() {
        assertEquals(PlanStatus.OFF_TRACK, plan().milestone(dueDaysAgo("m", 31)).build().status(AS_OF));
    }

    @Test
    void twoOverdueMilestonesAreOffTrack() {
        SuccessPlan p = plan().milestone(dueDaysAgo("a", 1)).milestone(dueDaysAgo("b", 2)).build();
        assertEquals(PlanStatus.OFF_TRACK, p.status(AS_OF));
    }

    @Test
    void milestoneCompletedLateNoLongerCounts() {
        SuccessPlan p = plan().milestone(dueDaysAgo("a", 40).completed(AS_OF.minusDays(1))).build();
        assertEquals(PlanStatus.ON_TRACK, p.status(AS_OF));
        assertEquals(PlanStatus.OFF_TRACK, p.status(AS_OF.minusDays(2)), "before its completion it was 38 days overdue");
    }

    @Test
    void goalDueTodayAndNotAchievedIsNotYetOffTrack() {
        SmartGoal g = new SmartGoal("g", "m", 0, 100, 80, AS_OF.minusDays(100), AS_OF);
        assertEquals(PlanStatus.ON_TRACK, plan().goal(g).build().status(AS_OF), "0.2 behind, not past due");
    }

    @Test
    void goalPastDueAndNotAchievedIsOffTrack() {
        SmartGoal g = new SmartGoal("g", "m", 0, 100, 99, AS_OF.minusDays(100), AS_OF.minusDays(1));
        assertEquals(PlanStatus.OFF_TRACK, plan().goal(g).build().status(AS_OF));
    }

    @Test
    void goalPastDueButAchievedIsOnTrack() {
        SmartGoal g = new SmartGoal("g", "m", 0, 100, 100, AS_OF.minusDays(100), AS_OF.minusDays(1));
        assertEquals(PlanStatus.ON_TRACK, plan().goal(g).build().status(AS_OF));
    }

    @Test
    void goalExactlyAQuarterBehindIsOnTrack() {
        assertEquals(PlanStatus.ON_TRACK, plan().goal(halfwayGoal(25)).build().status(AS_OF));
    }

    @Test
    void goalMoreThanAQuarterBehindIsAtRisk() {
        assertEquals(PlanStatus.AT_RISK, plan().goal(halfwayGoal(24)).build().status(AS_OF));
    }

    @Test
    void goalAheadOfScheduleIsOnTrack() {
        assertEquals(PlanStatus.ON_TRACK, plan().goal(halfwayGoal(90)).build().status(AS_OF));
    }

    @Test
    void offTrackWinsOverAtRisk() {
        SuccessPlan p = plan().goal(halfwayGoal(0)).milestone(dueDaysAgo("a", 31)).build();
        assertEquals(PlanStatus.OFF_TRACK, p.status(AS_OF));
    }

    @Test
    void tunedRuleMovesTheThresholds() {
        StatusRule strict = StatusRule.of(0, 1, 0);
        assertEquals(PlanStatus.OFF_TRACK, plan().milestone(dueDaysAgo("m", 1)).build().status(AS_OF, strict));
        assertEquals(PlanStatus.AT_RISK, plan().goal(halfwayGoal(49)).build().status(AS_OF, strict));
        assertEquals(PlanStatus.ON_TRACK, plan().goal(halfwayGoal(50)).build().status(AS_OF, strict));

        StatusRule lenient = StatusRule.of(90, 3, 1);
        SuccessPlan twoOverdue = plan().milestone(dueDaysAgo("a", 60)).milestone(dueDaysAgo("b", 1)).build();
        assertEquals(PlanStatus.AT_RISK, twoOverdue.status(AS_OF, lenient));
        assertEquals(PlanStatus.ON_TRACK, plan().goal(halfwayGoal(0)).build().status(AS_OF, lenient),
                "a lag of 1 never puts a plan at risk");
    }

    @Test
    void statusesAreOrderedBySeverity() {
        assertTrue(PlanStatus.OFF_TRACK.isWorseThan(PlanStatus.AT_RISK));
        assertTrue(PlanStatus.AT_RISK.isWorseThan(PlanStatus.ON_TRACK));
        assertFalse(PlanStatus.AT_RISK.isWorseThan(PlanStatus.AT_RISK));
    }
}
