package dev.kizuna.core.plan;

import dev.kizuna.core.AccountId;
import dev.kizuna.core.Owner;
import dev.kizuna.core.journey.JourneyStage;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static dev.kizuna.core.plan.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SuccessPlanTest {
    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final AccountId ACME = AccountId.of("acme");
    private static final Owner ANN = Owner.of("ann@example.com", "Ann");
    private static final Owner BOB = Owner.of("bob@example.com", "Bob");

    private static SmartGoal goal(String name) {
        return SmartGoal.of(name, "licence_utilisation", 0, 0.8, START, START.plusDays(90));
    }

    private static Milestone milestone(String name, int dueInDays) {
        return Milestone.of(name, MilestoneKind.CUSTOM, START.plusDays(dueInDays), CsRole.CUSTOMER_SUCCESS_MANAGER);
    }

    @Test
    void invalidIdIsRejected() {
        assertRejected("plan.id", () -> SuccessPlan.builder(" p", ACME).build(), "' p'");
    }

    @Test
    void duplicateGoalNameIsRejected() {
        assertRejected("plan.goals[2].name", () -> SuccessPlan.builder("p", ACME)
                .goal(goal("Adoption")).goal(goal("Usage")).goal(goal("Adoption")).build(),
                "'Adoption' is a duplicate of plan.goals[0].name");
    }

    @Test
    void duplicateMilestoneNameIsRejected() {
        assertRejected("plan.milestones[1].name", () -> SuccessPlan.builder("p", ACME)
                .milestone(milestone("QBR", 90)).milestone(milestone("QBR", 180)).build(),
                "'QBR' is a duplicate of plan.milestones[0].name");
    }

    @Test
    void roleAssignedTwiceIsRejected() {
        assertRejected("plan.roles[1].role", () -> new SuccessPlan("p", ACME, Optional.empty(), List.of(), List.of(),
                List.of(), List.of(RoleAssignment.of(CsRole.CS_LEAD, ANN), RoleAssignment.of(CsRole.CS_LEAD, BOB)),
                List.of()), "'CS_LEAD' is a duplicate of plan.roles[0].role");
    }

    @Test
    void nullGoalIsRejectedWithItsIndex() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> new SuccessPlan("p", ACME,
                Optional.empty(), Arrays.asList(goal("a"), null), List.of(), List.of(), List.of(), List.of()));
        assertEquals("plan.goals[1]", e.getMessage());
    }

    @Test
    void assigningARoleAgainReplacesThePerson() {
        SuccessPlan p = SuccessPlan.builder("p", ACME)
                .assign(CsRole.CUSTOMER_SUCCESS_MANAGER, ANN)
                .assign(CsRole.SALES, BOB)
                .assign(CsRole.CUSTOMER_SUCCESS_MANAGER, BOB)
                .build();
        assertEquals(Optional.of(BOB), p.owner(CsRole.CUSTOMER_SUCCESS_MANAGER));
        assertEquals(Optional.of(BOB), p.owner(CsRole.SALES));
        assertEquals(Optional.empty(), p.owner(CsRole.PRODUCT));
        assertEquals(2, p.roles().size());
    }

    @Test
    void overdueMilestonesKeepPlanOrder() {
        SuccessPlan p = SuccessPlan.builder("p", ACME)
                .milestone(milestone("Kickoff", 7))
                .milestone(milestone("First value", 30).completed(START.plusDays(20)))
                .milestone(milestone("Onboarding", 60))
                .milestone(milestone("QBR", 90))
                .build();
        assertEquals(List.of(p.milestones().get(0), p.milestones().get(2)), p.overdueMilestones(START.plusDays(61)));
        assertEquals(List.of(), p.overdueMilestones(START.plusDays(7)));
    }

    @Test
    void updatesReplaceByName() {
        SuccessPlan p = SuccessPlan.builder("p", ACME).goal(goal("Adoption")).milestone(milestone("Kickoff", 7)).build();
        SuccessPlan updated = p.toBuilder()
                .updateGoal(p.goal("Adoption").orElseThrow().withCurrent(0.4))
                .updateMilestone(p.milestone("Kickoff").orElseThrow().completed(START.plusDays(5)))
                .updateGoal(goal("Usage"))
                .build();
        assertEquals(0.5, updated.goal("Adoption").orElseThrow().progress(), 1e-12);
        assertEquals(Optional.of(START.plusDays(5)), updated.milestone("Kickoff").orElseThrow().completedOn());
        assertEquals(2, updated.goals().size());
        assertEquals(Optional.empty(), updated.goal("Nothing"));
    }

    @Test
    void toBuilderGivesAnEqualPlan() {
        SuccessPlan p = SuccessPlan.builder("p", ACME)
                .profile(CustomerProfile.builder("CFO", "Retail", JourneyStage.RETENTION).businessGoal("Grow").build())
                .goal(goal("Adoption"))
                .milestone(milestone("Kickoff", 7))
                .touchpoint(Touchpoint.of(TouchpointChannel.CALL, START))
                .assign(CsRole.CUSTOMER_SUCCESS_MANAGER, ANN)
                .action(StageAction.of(JourneyStage.RETENTION, "QBR", CsRole.CUSTOMER_SUCCESS_MANAGER, List.of()))
                .build();
        assertEquals(p, p.toBuilder().build());
    }

    @Test
    void lastTouchpointIsTheLatestByDate() {
        Touchpoint call = Touchpoint.of(TouchpointChannel.CALL, START.plusDays(10));
        Touchpoint mail = Touchpoint.of(TouchpointChannel.EMAIL, START.plusDays(3));
        Touchpoint survey = Touchpoint.of(TouchpointChannel.SURVEY, START.plusDays(10));
        SuccessPlan p = SuccessPlan.builder("p", ACME).touchpoint(call).touchpoint(survey).touchpoint(mail).build();
        assertEquals(Optional.of(survey), p.lastTouchpoint(), "the last given among the latest date");
        assertEquals(Optional.empty(), SuccessPlan.builder("p", ACME).build().lastTouchpoint());
    }

    @Test
    void actionsForAStageKeepPlanOrder() {
        StageAction handoff = StageAction.handoff(JourneyStage.CONVERSION, "Hand over", CsRole.SALES,
                CsRole.CUSTOMER_SUCCESS_MANAGER, List.of());
        StageAction qbr = StageAction.of(JourneyStage.RETENTION, "QBR", CsRole.CUSTOMER_SUCCESS_MANAGER, List.of());
        StageAction kickoff = StageAction.of(JourneyStage.CONVERSION, "Kickoff", CsRole.CUSTOMER_SUCCESS_MANAGER, List.of());
        SuccessPlan p = SuccessPlan.builder("p", ACME).action(handoff).action(qbr).action(kickoff).build();
        assertEquals(List.of(handoff, kickoff), p.actionsFor(JourneyStage.CONVERSION));
        assertEquals(List.of(), p.actionsFor(JourneyStage.ADVOCACY));
    }
}
