package dev.kizuna.core.plan;

import dev.kizuna.core.Account;
import dev.kizuna.core.AccountId;
import dev.kizuna.core.Owner;
import dev.kizuna.core.Segment;
import dev.kizuna.core.Tier;
import dev.kizuna.core.journey.JourneyStage;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanProperties {

    @Provide
    Arbitrary<SmartGoal> goals() {
        return PlanArbitraries.goals();
    }

    @Provide
    Arbitrary<Double> values() {
        return PlanArbitraries.finiteDoubles();
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        // Days of everyday plans, with room for the offsets and lateness the properties add to them.
        return net.jqwik.api.Arbitraries.integers().between(0, 15_000).map(LocalDate.of(2000, 1, 1)::plusDays);
    }

    @Provide
    Arbitrary<SuccessPlan> plans() {
        return PlanArbitraries.plans();
    }

    @Provide
    Arbitrary<StatusRule> rules() {
        return PlanArbitraries.statusRules();
    }

    @Provide
    Arbitrary<PlanTemplate> templates() {
        return PlanArbitraries.templates();
    }

    @Property
    void progressIsBetweenZeroAndOne(@ForAll("goals") SmartGoal goal, @ForAll("values") double current) {
        double progress = goal.withCurrent(current).progress();
        assertTrue(progress >= 0 && progress <= 1, () -> goal.withCurrent(current) + " has progress " + progress);
    }

    @Property
    void anAchievedGoalHasFullProgress(@ForAll("goals") SmartGoal goal) {
        SmartGoal atTarget = goal.withCurrent(goal.target());
        assertTrue(atTarget.isAchieved());
        assertEquals(1.0, atTarget.progress(), () -> atTarget.toString());
    }

    @Property
    void expectedProgressIsBetweenZeroAndOneAndGrowsWithTime(@ForAll("goals") SmartGoal goal,
                                                             @ForAll("dates") LocalDate day,
                                                             @ForAll @IntRange(min = 0, max = 400) int later) {
        double now = goal.expectedProgress(day);
        double then = goal.expectedProgress(day.plusDays(later));
        assertTrue(now >= 0 && now <= 1 && then <= 1);
        assertTrue(then >= now, () -> "expected progress fell from " + now + " to " + then);
    }

    /**
     * Making one milestone overdue (or adding an overdue one, when the chosen milestone is already overdue or the
     * plan has none) never improves the plan's status, under any rule.
     */
    @Property
    void statusIsNeverBetterWhenAMilestoneBecomesOverdue(@ForAll("plans") SuccessPlan plan,
                                                         @ForAll("dates") LocalDate asOf,
                                                         @ForAll("rules") StatusRule rule,
                                                         @ForAll @IntRange(min = 0, max = 9) int pick,
                                                         @ForAll @IntRange(min = 1, max = 400) int daysOverdue) {
        PlanStatus before = plan.status(asOf, rule);
        List<Milestone> milestones = new ArrayList<>(plan.milestones());
        int i = milestones.isEmpty() ? -1 : pick % milestones.size();
        if (i >= 0 && !milestones.get(i).isOverdue(asOf)) {
            Milestone m = milestones.get(i);
            milestones.set(i, new Milestone(m.name(), m.kind(), asOf.minusDays(daysOverdue), Optional.empty(),
                    m.ownerRole()));
        } else {
            milestones.add(Milestone.of("late " + milestones.size(), MilestoneKind.CUSTOM, asOf.minusDays(daysOverdue),
                    CsRole.CUSTOMER_SUCCESS_MANAGER));
        }
        SuccessPlan worse = new SuccessPlan(plan.id(), plan.account(), plan.profile(), plan.goals(), milestones,
                plan.touchpoints(), plan.roles(), plan.actions());

        PlanStatus after = worse.status(asOf, rule);
        assertFalse(before.isWorseThan(after), () -> "status improved from " + before + " to " + after);
        assertTrue(after != PlanStatus.ON_TRACK, "a plan with an overdue milestone is never on track");
    }

    @Property
    void instantiatedDueDatesAreTheStartPlusTheOffsets(@ForAll("templates") PlanTemplate template,
                                                       @ForAll("dates") LocalDate start) {
        Account account = Account.builder(AccountId.of("acme"), "Acme")
                .segment(Segment.of("any")).tier(Tier.of("t", 1)).currency("EUR")
                .stage(JourneyStage.RETENTION, Instant.parse("2020-01-01T00:00:00Z"))
                .owner(Owner.of("csm", "CSM")).build();
        SuccessPlan plan = template.instantiate("plan", account, start, Map.of());

        assertEquals(template.goals().size(), plan.goals().size());
        for (int i = 0; i < plan.goals().size(); i++) {
            GoalTemplate t = template.goals().get(i);
            SmartGoal g = plan.goals().get(i);
            assertEquals(t.name(), g.name());
            assertEquals(start, g.startDate());
            assertEquals(start.plusDays(t.dueInDays()), g.dueDate());
            assertEquals(t.baseline(), g.current());
        }
        assertEquals(template.milestones().size(), plan.milestones().size());
        for (int i = 0; i < plan.milestones().size(); i++) {
            MilestoneTemplate t = template.milestones().get(i);
            Milestone m = plan.milestones().get(i);
            assertEquals(t.name(), m.name());
            assertEquals(start.plusDays(t.dueInDays()), m.dueDate());
            assertFalse(m.isCompleted());
        }
        assertEquals(template.actions(), plan.actions());
    }
}
